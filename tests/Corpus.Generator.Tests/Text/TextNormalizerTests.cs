using System;
using System.Linq;
using System.Text;
using Corpus.Generator.Text;
using CsCheck;

namespace Corpus.Generator.Tests.Text;

/// <summary>
/// The reader decides some checks (the "Array" artifact, the ad label, the feed footer) on a value's normalised form
/// without building it, and normalises paragraphs straight from their builder: each must agree with
/// <see cref="TextNormalizer.Normalize(string)"/> on every input.
/// </summary>
public sealed class TextNormalizerTests
{
    // Every class of character the rules treat apart: plain, spaces of several kinds, removed marks and controls,
    // surrogate pairs, lone halves, and U+FFFD already written.
    private static readonly string[] Pieces =
    [
        "A", "r", "a", "y", "Array", "广告", "获取更多RSS", " ", "  ", "\t", "\n", "\u00A0", "\u3000", "\u2009", "\u200B", "\u00AD",
        "\u0001", "\u0085", "\u009F", "\uD83D\uDE00", "\uD83D", "\uDE00", "\uFFFD", "x",
    ];

    private static readonly Gen<string> Text =
        Gen.Int[0, Pieces.Length - 1].Array[0, 10].Select(indexes => string.Concat(indexes.Select(i => Pieces[i])));

    [Fact]
    public void Normalizing_a_builder_gives_the_string_normalisation()
    {
        Text.Sample(value => Assert.Equal(TextNormalizer.Normalize(value), TextNormalizer.Normalize(new StringBuilder(value))), iter: 20_000);
    }

    [Fact]
    public void NormalizesTo_agrees_with_comparing_the_normalised_value()
    {
        Gen.Select(Text, Text).Sample(
            (value, other) =>
            {
                var normal = TextNormalizer.Normalize(value);
                Assert.True(TextNormalizer.NormalizesTo(value, normal));
                foreach (var expected in new[] { TextNormalizer.Normalize(other), other, normal + "x", normal.Length > 0 ? normal.Substring(0, normal.Length - 1) : "x" })
                {
                    Assert.Equal(string.Equals(normal, expected, StringComparison.Ordinal), TextNormalizer.NormalizesTo(value, expected));
                }
            },
            iter: 20_000);
    }

    [Fact]
    public void NormalizedStartsWith_agrees_with_StartsWith_on_the_normalised_value()
    {
        Gen.Select(Text, Text, Gen.Int[0, 12]).Sample(
            (value, other, cut) =>
            {
                var normal = TextNormalizer.Normalize(value);
                foreach (var prefix in new[] { normal.Substring(0, Math.Min(cut, normal.Length)), TextNormalizer.Normalize(other), other, normal + " " })
                {
                    Assert.Equal(normal.StartsWith(prefix, StringComparison.Ordinal), TextNormalizer.NormalizedStartsWith(value, prefix));
                }
            },
            iter: 20_000);
    }

    [Theory]
    [InlineData(" \u200BArray\n", "Array", true)]
    [InlineData("Ar\u200Bray", "Array", true)]
    [InlineData("Ar ray", "Array", false)]
    [InlineData("Arrays", "Array", false)]
    [InlineData("\u00A0广告 ", "广告", true)]
    public void Known_artifacts_are_recognised_in_any_spacing(string value, string expected, bool result)
    {
        Assert.Equal(result, TextNormalizer.NormalizesTo(value, expected));
    }
}
