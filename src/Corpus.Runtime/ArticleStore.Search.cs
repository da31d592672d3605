partial class ArticleStore
{
    private SearchSource[]? _searchSources;
    private SearchSource[]? _scanSources;

    /// <summary>The articles matching <paramref name="query"/> and the filters of <paramref name="options"/> (see <c>Articles.Search</c>).</summary>
    public SearchResults Search(string query, SearchOptions? options) =>
        SearchEngine.Search(SearchSources(), query, options);

    /// <summary>The articles most like <paramref name="article"/>, at most <paramref name="count"/> (see <c>Articles.Related</c>).</summary>
    public global::System.Collections.Generic.IReadOnlyList<Article> Related(Article article, int count) =>
        SearchEngine.Related(SearchSources(), article, count);

    /// <summary>The same search by reading every article: the reference the index is tested against.</summary>
    internal SearchResults ScanSearch(string query, SearchOptions? options) =>
        SearchEngine.Search(ScanSources(), query, options);

    /// <summary><see cref="Related"/> by reading every article.</summary>
    internal global::System.Collections.Generic.IReadOnlyList<Article> ScanRelated(Article article, int count) =>
        SearchEngine.Related(ScanSources(), article, count);

    private SearchSource[] SearchSources() => global::System.Threading.Volatile.Read(ref _searchSources) ?? LoadSearchSources();

    private SearchSource[] LoadSearchSources()
    {
        var sources = new global::System.Collections.Generic.List<SearchSource>();
        foreach (var store in _parts ?? new[] { this })
        {
            if (!store.AddSegments(sources))
            {
                // No index (a corpus compiled without one): the scan answers the same.
                sources = new global::System.Collections.Generic.List<SearchSource>(ScanSources());
                break;
            }
        }

        var loaded = sources.ToArray();
        return global::System.Threading.Interlocked.CompareExchange(ref _searchSources, loaded, null) ?? loaded;
    }

    /// <summary>This store's index segments, one per <see cref="SearchIndexFormat.ChunksPerSegment"/> chunks; false when one is missing.</summary>
    private bool AddSegments(global::System.Collections.Generic.List<SearchSource> sources)
    {
        var data = new SearchIndexData(_constants!, SearchIndexFormat.SegmentCount(ChunkCount));
        for (var segment = 0; segment < data.SegmentCount; segment++)
        {
            var firstSlot = _chunkStarts[segment * SearchIndexFormat.ChunksPerSegment];
            var endSlot = _chunkStarts[global::System.Math.Min(ChunkCount, (segment + 1) * SearchIndexFormat.ChunksPerSegment)];
            if (!data.Has(segment))
            {
                if (endSlot > firstSlot)
                {
                    return false;
                }

                continue;
            }

            sources.Add(new SearchSegment(data, segment, this, firstSlot));
        }

        return true;
    }

    /// <summary>The article in a slot (its chunks' slots in order, by Id within a chunk).</summary>
    internal Article ArticleAtSlot(int slot) => Loaded[_slotPositions[slot]];

    // One scan over each part of a merged store, as the index has one source per part and segment.
    private SearchSource[] ScanSources()
    {
        var sources = global::System.Threading.Volatile.Read(ref _scanSources);
        if (sources is null)
        {
            if (_parts is null)
            {
                sources = new SearchSource[] { new SearchScan(Loaded) };
            }
            else
            {
                sources = new SearchSource[_parts.Length];
                for (var i = 0; i < _parts.Length; i++)
                {
                    sources[i] = new SearchScan(_parts[i].Loaded);
                }
            }

            sources = global::System.Threading.Interlocked.CompareExchange(ref _scanSources, sources, null) ?? sources;
        }

        return sources;
    }
}
