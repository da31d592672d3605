/// <summary>
/// The articles of several stores as one corpus (an app's own seeds and those of the shard projects it references):
/// <see cref="ArticleCollection.All"/> in the order a single project of all their seeds would have, the lookups over
/// all, and the search over every store's index with statistics merged at query time. Nothing is read until first use.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class MergedArticleStore : ArticleCollection
{
    private readonly ArticleStore[] _parts;

    /// <param name="stores">Stores whose Ids are unique across all of them (the generator checks it at compile time).</param>
    public MergedArticleStore(params ArticleStore[] stores)
    {
        _parts = (ArticleStore[])(stores ?? throw new global::System.ArgumentNullException(nameof(stores))).Clone();
    }

    /// <summary>
    /// A k-way merge of the stores' lists, which are each already in order: each step takes the first of the heads.
    /// Linear in the number of stores per article, which is a handful to a few hundred shards.
    /// </summary>
    private protected override Article[] LoadArticles()
    {
        var lists = new Article[_parts.Length][];
        var total = 0;
        for (var i = 0; i < _parts.Length; i++)
        {
            lists[i] = _parts[i].Loaded;
            total += lists[i].Length;
        }

        var merged = new Article[total];
        var heads = new int[_parts.Length];
        for (var position = 0; position < total; position++)
        {
            var best = -1;
            for (var i = 0; i < lists.Length; i++)
            {
                if (heads[i] < lists[i].Length
                    && (best < 0 || CompareNewestFirst(lists[i][heads[i]], lists[best][heads[best]]) < 0))
                {
                    best = i;
                }
            }

            merged[position] = lists[best][heads[best]++];
        }

        return merged;
    }

    /// <summary>Every store's index segments; if one store has no index, the scan of every store (one ranking for all).</summary>
    private protected override SearchSource[] LoadSearchSources()
    {
        // A store compiled without its index (CorpusSearchIndex=false, or a design-time build) is scanned alone: the
        // engine merges every source's statistics, so the ranking is the same either way.
        var sources = new global::System.Collections.Generic.List<SearchSource>();
        foreach (var part in _parts)
        {
            var before = sources.Count;
            if (!part.AddSegments(sources))
            {
                sources.RemoveRange(before, sources.Count - before);
                sources.Add(new SearchScan(part.Loaded));
            }
        }

        return sources.ToArray();
    }

    // One scan per store, as the index has one source per store and segment.
    private protected override SearchSource[] LoadScanSources()
    {
        var sources = new SearchSource[_parts.Length];
        for (var i = 0; i < _parts.Length; i++)
        {
            sources[i] = new SearchScan(_parts[i].Loaded);
        }

        return sources;
    }
}
