using System.Linq;
using Corpus.Generator.Text;
using CsCheck;

namespace Corpus.Generator.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Fact]
    public void Every_pair_is_two_characters_of_one_script_each()
    {
        var table = LanguageDetector.PairTable;
        Assert.Equal(0, table.Length % 2);
        var simplified = Enumerable.Range(0, table.Length / 2).Select(i => table[2 * i]).ToList();
        var traditional = Enumerable.Range(0, table.Length / 2).Select(i => table[(2 * i) + 1]).ToList();
        Assert.Equal(simplified.Count, simplified.Distinct().Count());
        Assert.Equal(traditional.Count, traditional.Distinct().Count());
        Assert.Empty(simplified.Intersect(traditional));
    }

    [Theory]
    [InlineData("这是中国的新闻，他们说会发布更多消息。", "zh-Hans")]
    [InlineData("這是中國的新聞，他們說會發布更多消息。", "zh-Hant")]
    [InlineData("中央社首爾6日綜合外電報導 Korea Herald", "zh-Hant")]
    [InlineData("美国总统特朗普（Donald Trump）表示 the White House said", "zh-Hans")]
    [InlineData("中文", "zh")]
    [InlineData("How do you become a world-class athlete? Edwin Moses was undefeated in the hurdles.", "en")]
    [InlineData("東京都は新型コロナウイルスの感染者を発表した。", "ja")]
    [InlineData("서울시는 코로나19 확진자가 발생했다고 밝혔다.", "ko")]
    [InlineData("Le président a annoncé des mesures nouvelles pour la région.", "und")]
    [InlineData("", "und")]
    [InlineData("12345 — 2020", "und")]
    public void The_language_is_named_from_the_characters(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    /// <summary>The reader passes the title and the text apart (no joined copy of every article): as if joined by a line break.</summary>
    [Fact]
    public void Two_texts_are_read_as_one_joined_by_a_line_break()
    {
        string[] pieces = ["the", "THE", "of", "Is", "word", "这", "這", "国", "國", "中", "あ", "한", " ", "\n", "é", "ß", "x"];
        var text = Gen.Int[0, pieces.Length - 1].Array[0, 14].Select(indexes => string.Concat(indexes.Select(i => pieces[i])));
        Gen.Select(text, text).Sample(
            (first, second) => Assert.Equal(LanguageDetector.Detect(first + "\n" + second), LanguageDetector.Detect(first, second)),
            iter: 20_000);
    }
}
