using System;
using System.Linq;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.RealCorpus;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// A CJK bigram in fewer than <see cref="SearchIndexFormat.BigramPositionsFrom"/> documents of its segment keeps no
/// positions: a clause with it is checked by reading its few documents, and answers as the reference scan does.
/// </summary>
public sealed class SearchRareBigramTests : IDisposable
{
    // 乌克 in more documents than the bound (its positions kept); 克兰 in five (none kept): 乌克兰 in three of them, and
    // both bigrams apart in two more, which only positions or reading tell from the three.
    private static readonly Lazy<byte[]> Image = new(() =>
    {
        var project = new CorpusProject();
        for (var i = 0; i < SearchIndexFormat.BigramPositionsFrom + 8; i++)
        {
            var text = i switch
            {
                0 => "乌克兰的消息。乌克斯。",
                1 => "乌克兰，乌克兰，还是乌克兰。",
                2 => "只说乌克。",
                3 => "乌克。克兰。",
                4 => "克兰乌克。",
                _ => "乌克斯的天气。",
            };
            var title = i == 2 ? "乌克兰新闻" : "新闻" + i;
            project = project.WithSeed($"seeds/r{i:D2}.txt", SearchTests.Seed(title, $"https://www.rfi.fr/cn/r{i}", $"2022-03-{(i % 28) + 1:D2}T10:00:00+01:00", text));
        }

        return project.Generate().Image();
    });

    private readonly SearchProbe _probe = new(Image.Value);

    public void Dispose() => _probe.Dispose();

    [Fact]
    public void The_writer_keeps_the_positions_of_a_bigram_from_the_bound_and_not_below()
    {
        var article = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        var documents = Enumerable.Range(0, SearchIndexFormat.BigramPositionsFrom)
            .Select(i => SearchDocument.Of(article with { Key = article.Key with { Id = "d" + i }, Title = "甲乙", Text = "丙" }))
            .ToArray();

        var at = new SearchIndexSizes();
        SearchIndexWriter.Write(documents, at);
        Assert.Equal(SearchIndexFormat.BigramPositionsFrom, at.Counts["positions: cjk2"]);

        var below = new SearchIndexSizes();
        SearchIndexWriter.Write(documents.Skip(1).ToArray(), below);
        Assert.Equal(0, below.Counts.TryGetValue("positions: cjk2", out var positions) ? positions : 0);
        Assert.Equal(SearchIndexFormat.BigramPositionsFrom - 1, below.Counts["postings: cjk2"]);
    }

    [Theory]
    [InlineData("乌克兰", 3)]
    [InlineData("\"乌克兰\"", 3)]
    [InlineData("乌克兰 新闻", 3)]
    [InlineData("克兰乌克", 1)]
    [InlineData("克兰", 5)]
    [InlineData("乌克", SearchIndexFormat.BigramPositionsFrom + 8)]
    [InlineData("乌克斯", SearchIndexFormat.BigramPositionsFrom + 4)]
    [InlineData("兰的消", 1)]
    public void A_clause_with_a_rare_bigram_is_found_as_the_scan_finds_it(string query, int total)
    {
        var index = _probe.Search(query, new SearchOptionValues(Take: 100));
        var scan = _probe.Scan(query, new SearchOptionValues(Take: 100));
        Assert.Equal(scan, index, new SearchValuesComparer());
        Assert.Equal(total, index.Total);
    }
}
