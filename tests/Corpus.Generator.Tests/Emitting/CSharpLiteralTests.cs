using System.Globalization;
using System.Linq;
using System.Text;
using Corpus.Generator.Emitting;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Corpus.Generator.Tests.Emitting;

/// <summary>
/// The escaping of every string constant the generator writes. <see cref="CSharpLiteral.AppendEscaped"/> appends runs
/// of plain characters in one call; its output must be exactly that of the character-by-character rules it replaced
/// (kept below as the reference), and must mean the very string it was given.
/// </summary>
public sealed class CSharpLiteralTests
{
    [Fact]
    public void Every_UTF16_code_unit_is_escaped_as_the_reference_rules_escape_it()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            // Alone, between plain characters, and at either end of a run: the run boundaries are where a fast path errs.
            foreach (var value in new[] { ((char)c).ToString(), "a" + (char)c + "b", "中" + (char)c, (char)c + "\\" })
            {
                Assert.Equal(Reference(value), Escaped(value));
            }
        }
    }

    // The cases are given as hex code units: xunit serialises a string argument as UTF-8, which turns every lone
    // surrogate into U+FFFD, so two such cases got one test ID and the second was skipped.
    [Theory]
    [InlineData("D83D DE00")]               // a pair: kept as it is
    [InlineData("0061 D83D 0062")]          // a lone high surrogate
    [InlineData("0061 DE00 0062")]          // a lone low surrogate
    [InlineData("DE00 D83D")]               // a pair in the wrong order
    [InlineData("0078 D83D")]               // a high surrogate at the end
    [InlineData("0022 005C 0000 000D 000A 0009 2028 2029 0085 200B FEFF E000 0378")]
    [InlineData("")]
    public void Surrogates_and_terminators_round_trip_through_the_compiler(string codeUnits)
    {
        var value = FromCodeUnits(codeUnits);
        Assert.Equal(Reference(value), Escaped(value));

        // The literal, parsed by the C# compiler, is the value again, and is one token on one line.
        var literal = "\"" + Escaped(value) + "\"";
        Assert.DoesNotContain('\n', literal);
        var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Equal(value, parsed.Token.ValueText);
    }

    [Fact]
    public void A_long_mixed_text_is_escaped_as_the_reference_escapes_it()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append((char)((i * 7919) % 0x10000));
            builder.Append("plain 中文 한국어 text");
        }

        var value = builder.ToString();
        Assert.Equal(Reference(value), Escaped(value));
    }

    private static string FromCodeUnits(string hex) =>
        new(hex.Split(' ', System.StringSplitOptions.RemoveEmptyEntries).Select(u => (char)int.Parse(u, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray());

    private static string Escaped(string value)
    {
        var builder = new StringBuilder();
        CSharpLiteral.AppendEscaped(builder, value);
        return builder.ToString();
    }

    /// <summary>The rules as they were written before runs were appended at once: one character at a time.</summary>
    private static string Reference(string value)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
                case '\0': builder.Append("\\0"); continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (c < ' ' || NeedsEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;
}
