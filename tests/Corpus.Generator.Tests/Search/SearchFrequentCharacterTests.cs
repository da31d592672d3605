using System;
using System.Linq;
using System.Text;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.RealCorpus;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// A CJK character whose bigrams hold many postings keeps its full list (<see cref="SearchIndexWriter.FullCharacterPostings"/>):
/// the index answers for it from that list as the reference scan does, and the other characters as before.
/// </summary>
public sealed class SearchFrequentCharacterTests : IDisposable
{
    // 的 followed by more distinct characters than FullCharacterPostings, each pair a run of its own: that many bigram postings.
    private static readonly int Pairs = SearchIndexWriter.FullCharacterPostings + 100;

    private static string ManyBigrams()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Pairs; i++)
        {
            text.Append('的').Append((char)('\u4E00' + i)).Append('，');
        }

        return text.ToString();
    }

    private static readonly Lazy<byte[]> Image = new(() => new CorpusProject()
        .WithSeed("seeds/f1.txt", SearchTests.Seed("的的确确", "https://www.rfi.fr/cn/f1", "2022-03-01T10:00:00+01:00", ManyBigrams()))
        .WithSeed("seeds/f2.txt", SearchTests.Seed("他说的话", "https://www.rfi.fr/cn/f2", "2022-03-02T10:00:00+01:00", "他说的话没有人信。我的。"))
        .WithSeed("seeds/f3.txt", SearchTests.Seed("目的地", "https://www.rfi.fr/cn/f3", "2022-03-03T10:00:00+01:00", "这次旅行的目的。"))
        .WithSeed("seeds/f4.txt", SearchTests.Seed("没有那个字", "https://www.rfi.fr/cn/f4", "2022-03-04T10:00:00+01:00", "一丁七万。"))
        .Generate().Image());

    private readonly SearchProbe _probe = new(Image.Value);

    public void Dispose() => _probe.Dispose();

    [Fact]
    public void The_writer_keeps_the_full_list_of_the_character_whose_bigrams_pass_the_bound_and_of_no_other()
    {
        var article = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        var many = SearchDocument.Of(article with { Title = "的", Text = ManyBigrams() });
        var few = SearchDocument.Of(article with { Title = "目的", Text = "他说的话。一丁" });
        var sizes = new SearchIndexSizes();
        SearchIndexWriter.Write([many, few], sizes);
        Assert.Equal(1, sizes.Counts["full lists: cjk1"]);

        var without = new SearchIndexSizes();
        SearchIndexWriter.Write([few], without);
        Assert.False(without.Counts.ContainsKey("full lists: cjk1"));
    }

    [Theory]
    [InlineData("的", 3)]
    [InlineData("的话", 1)]
    [InlineData("目的", 1)]
    [InlineData("的一", 1)]
    [InlineData("的目", 1)]
    [InlineData("一", 2)]
    [InlineData("的 一", 1)]
    [InlineData("的确", 1)]
    public void A_frequent_character_is_found_from_its_own_list_as_the_scan_finds_it(string query, int total)
    {
        var index = _probe.Search(query, new SearchOptionValues(Take: 100));
        var scan = _probe.Scan(query, new SearchOptionValues(Take: 100));
        Assert.Equal(scan, index, new SearchValuesComparer());
        Assert.Equal(total, index.Total);
    }
}
