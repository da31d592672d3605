/// <summary>
/// The articles of a corpus in the order of <c>Articles.All</c>, with the lookups and the search that the generated
/// class calls: an <see cref="ArticleStore"/> over one project's data, or a <see cref="MergedArticleStore"/> over the
/// stores of an app and its shards. Nothing is read until first use; each kind says how its articles and its search
/// sources are loaded, this class keeps them and builds the lookups once.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
abstract partial class ArticleCollection
{
    private Article[]? _articles;
    private ArticleList? _all;
    private global::System.Collections.Generic.Dictionary<string, Article>? _byId;
    private global::System.Collections.Generic.Dictionary<string, Article>? _byUrl;
    private SearchSource[]? _searchSources;
    private SearchSource[]? _scanSources;

    // Only the two kinds of this runtime derive from it.
    private protected ArticleCollection()
    {
    }

    /// <summary>Every article, in the order of <see cref="All"/>; read on first use.</summary>
    public Article[] Loaded => global::System.Threading.Volatile.Read(ref _articles) ?? Publish(ref _articles, LoadArticles());

    /// <summary>
    /// Every article, newest first (undated last, then by Id): a list that knows its count without reading any article;
    /// over a merged store it makes an article's chunk when one of its articles is first reached (<see cref="Listed"/>),
    /// one project's store makes them all on first use (<see cref="PrepareListing"/>); enumerating it, or any use of
    /// every article, reads <see cref="Loaded"/>.
    /// </summary>
    public global::System.Collections.Generic.IReadOnlyList<Article> All => global::System.Threading.Volatile.Read(ref _all) ?? Publish(ref _all, List());

    /// <summary>How many articles there are, known without reading any.</summary>
    internal abstract int ArticleCount { get; }

    /// <summary>
    /// The article at <paramref name="position"/> of <see cref="All"/> (in range), made with its chunk only while
    /// <see cref="Loaded"/> is not read; the same instance as <see cref="Loaded"/>'s.
    /// </summary>
    internal abstract Article Listed(int position);

    /// <summary>
    /// The work of a first use of <see cref="All"/>: one project's store makes every article (10,000 of them cost less
    /// than the JIT of reaching them one by one); a merged store reaches only its first article, with that article's
    /// chunk, so that the code on the way to a first value is compiled (JIT) while listing.
    /// </summary>
    internal abstract void PrepareListing();

    private ArticleList List()
    {
        PrepareListing();
        return new ArticleList(this, ArticleCount);
    }

    /// <summary>The article with this Id (ordinal), or null.</summary>
    public Article? FindById(string id)
    {
        if (id is null)
        {
            throw new global::System.ArgumentNullException(nameof(id));
        }

        var byId = _byId;
        if (byId is null)
        {
            var loaded = Loaded;
            byId = new global::System.Collections.Generic.Dictionary<string, Article>(loaded.Length, global::System.StringComparer.Ordinal);
            foreach (var article in loaded)
            {
                byId[article.Id] = article;
            }

            _byId = byId;
        }

        return byId.TryGetValue(id, out var found) ? found : null;
    }

    /// <summary>The article at this address as written, else at the same normalised address (<see cref="ArticleUrlKey"/>); null when none.</summary>
    public Article? FindByUrl(string url)
    {
        if (url is null)
        {
            throw new global::System.ArgumentNullException(nameof(url));
        }

        var byUrl = _byUrl;
        if (byUrl is null)
        {
            var loaded = Loaded;
            byUrl = new global::System.Collections.Generic.Dictionary<string, Article>(loaded.Length * 2, global::System.StringComparer.Ordinal);
            // Exact addresses first, then normalised keys; the newest article wins a shared key (All is newest first).
            foreach (var article in loaded)
            {
                if (!byUrl.ContainsKey(article.UrlText))
                {
                    byUrl[article.UrlText] = article;
                }
            }

            foreach (var article in loaded)
            {
                var key = "\u0001" + ArticleUrlKey.Of(article.UrlText);
                if (!byUrl.ContainsKey(key))
                {
                    byUrl[key] = article;
                }
            }

            _byUrl = byUrl;
        }

        return byUrl.TryGetValue(url, out var exact) ? exact
            : byUrl.TryGetValue("\u0001" + ArticleUrlKey.Of(url), out var normalised) ? normalised
            : null;
    }

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

    /// <summary>Every article in the order of <see cref="All"/>; called until one call's result is published.</summary>
    private protected abstract Article[] LoadArticles();

    /// <summary>The index's sources of the articles; the scan's when the corpus was compiled without an index.</summary>
    private protected abstract SearchSource[] LoadSearchSources();

    /// <summary>Sources that answer every query by reading every article (<see cref="SearchScan"/>).</summary>
    private protected abstract SearchSource[] LoadScanSources();

    private protected SearchSource[] ScanSources() => global::System.Threading.Volatile.Read(ref _scanSources) ?? Publish(ref _scanSources, LoadScanSources());

    private SearchSource[] SearchSources() => global::System.Threading.Volatile.Read(ref _searchSources) ?? Publish(ref _searchSources, LoadSearchSources());

    /// <summary>Stores <paramref name="value"/> unless another thread stored one first; either way every thread gets the same.</summary>
    private protected static T Publish<T>(ref T? field, T value)
        where T : class =>
        global::System.Threading.Interlocked.CompareExchange(ref field, value, null) ?? value;
}
