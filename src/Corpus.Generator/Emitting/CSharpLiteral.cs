using System.Globalization;
using System.Text;

namespace Corpus.Generator.Emitting;

/// <summary>
/// Turns any string into C# source that means exactly that string. Seeds are untrusted text: quotes, backslashes,
/// line terminators C# recognises (CR, LF, U+0085, U+2028, U+2029), control and format characters and lone surrogates
/// must never change the meaning of the generated code.
/// </summary>
internal static class CSharpLiteral
{
    /// <summary>A regular string literal, quotes included.</summary>
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        AppendEscaped(builder, value);
        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>
    /// Appends the body of a string literal (without quotes). Printable characters are kept as they are so that
    /// generated files stay readable and small; everything else becomes an escape.
    /// </summary>
    public static void AppendEscaped(StringBuilder builder, string value)
    {
        // Runs of characters that need no escape are appended in one call: a chunk file is megabytes of them.
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsPlain(c))
            {
                continue;
            }

            if (i > run)
            {
                builder.Append(value, run, i - run);
            }

            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (c < ' ' || NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }

            run = i + 1;
        }

        if (value.Length > run)
        {
            builder.Append(value, run, value.Length - run);
        }
    }

    /// <summary>
    /// Characters kept as they are without asking for their Unicode category: printable ASCII but the quote and the
    /// backslash, CJK unified ideographs (U+4E00–U+9FCC, assigned since Unicode 6.1, so every runtime's tables agree)
    /// and Hangul syllables. Anything else takes the general path, which gives the same answer for these.
    /// </summary>
    private static bool IsPlain(char c) =>
        c < 0x7F ? c >= ' ' && c != '"' && c != '\\'
        : (c >= '\u4E00' && c <= '\u9FCC') || (c >= '\uAC00' && c <= '\uD7A3');

    private static bool NeedsEscape(char c)
    {
        if (char.IsSurrogate(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;
    }

    /// <summary>Text for an XML doc comment: one line, XML-escaped, with nothing that could end the comment line.</summary>
    public static string XmlDoc(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '<': builder.Append("&lt;"); continue;
                case '>': builder.Append("&gt;"); continue;
                case '&': builder.Append("&amp;"); continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (c < ' ' || NeedsEscape(c))
            {
                // A doc comment cannot hold an escape; a blank keeps the comment on its one line.
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
