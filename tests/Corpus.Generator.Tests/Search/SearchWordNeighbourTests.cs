using System;
using System.Linq;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// A CJK character beside a word in a query (<c>2020年</c>, <c>3月</c>, <c>A股</c>, <c>第1</c>): the index keeps the
/// positions of CJK characters next to words (<c>SearchAnalyzer.WordNeighbourTerm</c>), so such a clause is checked by
/// position, and answers as the reference scan does, whatever separates the two in the text.
/// </summary>
public sealed class SearchWordNeighbourTests : IDisposable
{
    private static readonly (string Path, string Title, string Text)[] Seeds =
    [
        ("seeds/n01.txt", "2020年的回顾", "2020年6月19日，A股上涨。第1季度约100人。"),
        ("seeds/n02.txt", "数据", "２０２０年，市场平稳。"),
        ("seeds/n03.txt", "股市", "在2020 年底，A 股回升。"),
        ("seeds/n04.txt", "总结", "2020，年终总结。"),
        ("seeds/n05.txt", "新年", "年2020的第一天。"),
        ("seeds/n06.txt", "历史", "12020年以后的事。"),
        ("seeds/n07.txt", "6月新闻", "2020年的事，2020年的人，还是2020年。"),
        ("seeds/n08.txt", "生僻字", "𠀀3和3𠀀。"),
        ("seeds/n09.txt", "中国", "中-国之间。"),
        ("seeds/n10.txt", "股票", "A股B股都跌了。"),
    ];

    private static readonly Lazy<byte[]> Image = new(() =>
    {
        var project = new CorpusProject();
        for (var i = 0; i < Seeds.Length; i++)
        {
            var (path, title, text) = Seeds[i];
            project = project.WithSeed(path, SearchTests.Seed(title, $"https://www.rfi.fr/cn/n{i}", $"2021-0{1 + (i % 9)}-10T10:00:00+01:00", text));
        }

        return project.Generate().Image();
    });

    private readonly SearchProbe _probe = new(Image.Value);

    public void Dispose() => _probe.Dispose();

    [Theory]
    [InlineData("2020年", "n01 n02 n03 n04 n07")]
    [InlineData("２０２０年", "n01 n02 n03 n04 n07")]
    [InlineData("\"2020 年\"", "n01 n02 n03 n04 n07")]
    [InlineData("年2020", "n05")]
    [InlineData("6月", "n01 n07")]
    [InlineData("19日", "n01")]
    [InlineData("年6", "n01")]
    [InlineData("A股", "n01 n03 n10")]
    [InlineData("股B", "n10")]
    [InlineData("a股b股", "n10")]
    [InlineData("第1", "n01")]
    [InlineData("1季", "n01")]
    [InlineData("约100", "n01")]
    [InlineData("𠀀3", "n08")]
    [InlineData("3𠀀", "n08")]
    [InlineData("中-国", "n09")]
    [InlineData("2019年", "")]
    [InlineData("年100", "")]
    public void A_CJK_character_beside_a_word_is_found_as_the_scan_finds_it(string query, string expected)
    {
        var index = _probe.Search(query, new SearchOptionValues(Take: 100));
        var scan = _probe.Scan(query, new SearchOptionValues(Take: 100));
        Assert.Equal(["SearchSegment"], _probe.SourceKinds);
        Assert.Equal(scan, index, new SearchValuesComparer());
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), index.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Occurrences_are_counted_in_the_title_and_the_text_by_position()
    {
        // n07: 2020年 three times in the text, none in the title; n01: once in each. Scores follow the counts.
        var hits = _probe.Search("2020年", new SearchOptionValues(Take: 100)).Hits.ToDictionary(h => h.Id);
        Assert.True(hits["n01"].Score > hits["n07"].Score, "a title match weighs more");
        Assert.True(hits["n07"].Score > hits["n04"].Score, "three matches weigh more than one");
    }
}
