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
        var sources = ScanSources();
        return global::System.Threading.Interlocked.CompareExchange(ref _searchSources, sources, null) ?? sources;
    }

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
