using System.Linq;
using Corpus.Generator.Tests.Generation;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// An app over shards searches its own seeds and every shard's index, with the statistics (N, lengths, document
/// frequencies) summed across them: the same totals, hits, scores and facets as one project of the same seeds.
/// </summary>
public sealed class SearchShardTests
{
    [Fact]
    public void An_app_over_shards_ranks_exactly_as_one_project_of_the_same_seeds()
    {
        var (app, images) = ShardTests.App(
            ShardTests.Shard("ShardA", SearchTests.Corpus.Take(3)),
            ShardTests.Shard("ShardB", SearchTests.Corpus.Skip(3).Take(3)));
        foreach (var (path, text) in SearchTests.Corpus.Skip(6))
        {
            app.WithSeed(path, text);
        }

        using var sharded = new SearchProbe(app.Generate().Image(), dependencies: images);
        using var single = new SearchProbe(SearchTests.Project().Generate().Image());
        var comparer = new SearchValuesComparer();
        foreach (var query in SearchTests.QueryList.Concat(new[] { "北约", "乌克兰 北约", "the summit", "ＣＯＶＩＤ－１９ europe" }))
        {
            var expected = single.Search(query, new SearchOptionValues(Take: 100));
            Assert.True(expected.Total > 0 || query is "兰北" or "e" or "a", query + " finds nothing: the comparison would prove little");
            Assert.Equal(expected, sharded.Search(query, new SearchOptionValues(Take: 100)), comparer);
            Assert.Equal(expected, sharded.Scan(query, new SearchOptionValues(Take: 100)), comparer);
        }

        Assert.Equal(["SearchSegment"], sharded.SourceKinds);
        Assert.Equal(single.Related("s01", 5), sharded.Related("s01", 5));
        Assert.Equal(single.Related("s05", 5), sharded.Related("s05", 5));
    }

    /// <summary>
    /// A shard built with <c>CorpusSearchIndex=false</c> carries no segment: the app scans that shard alone and searches
    /// the others' indexes, and still ranks as one project (the statistics are summed over every source alike).
    /// </summary>
    [Fact]
    public void A_shard_without_its_index_is_scanned_alone_and_the_ranking_is_unchanged()
    {
        var unindexed = ShardTests.Shard("ShardA", SearchTests.Corpus.Take(3));
        unindexed.Properties["CorpusSearchIndex"] = "false";
        Assert.DoesNotContain(unindexed.Generate().Sources, source => source.HintName.StartsWith("Corpus.Search.", System.StringComparison.Ordinal));
        var (app, images) = ShardTests.App(unindexed, ShardTests.Shard("ShardB", SearchTests.Corpus.Skip(3).Take(3)));
        foreach (var (path, text) in SearchTests.Corpus.Skip(6))
        {
            app.WithSeed(path, text);
        }

        using var sharded = new SearchProbe(app.Generate().Image(), dependencies: images);
        using var single = new SearchProbe(SearchTests.Project().Generate().Image());
        var comparer = new SearchValuesComparer();
        foreach (var query in SearchTests.QueryList.Concat(new[] { "北约", "乌克兰 北约", "the summit" }))
        {
            Assert.Equal(single.Search(query, new SearchOptionValues(Take: 100)), sharded.Search(query, new SearchOptionValues(Take: 100)), comparer);
        }

        Assert.Equal(["SearchScan", "SearchSegment"], sharded.SourceKinds.OrderBy(kind => kind, System.StringComparer.Ordinal));
        Assert.Equal(single.Related("s01", 5), sharded.Related("s01", 5));
    }
}
