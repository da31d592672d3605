/// <summary>What <c>Articles.Search</c> found: one page of hits, how many articles matched in all, and their facets.</summary>
sealed partial class SearchResults
{
    internal SearchResults(string query, global::System.Collections.Generic.IReadOnlyList<string> terms, int total, global::System.Collections.Generic.IReadOnlyList<SearchHit> hits, SearchFacets facets, bool isComplete)
    {
        Query = query;
        Terms = terms;
        Total = total;
        Hits = hits;
        Facets = facets;
        IsComplete = isComplete;
    }

    /// <summary>The query as it was searched: trimmed, and cut to <see cref="MaxQueryLength"/> characters.</summary>
    public string Query { get; }

    /// <summary>The terms that were searched, as written in the query (a phrase with its quotes); terms with nothing to find (punctuation, emoji) are left out.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Terms { get; }

    /// <summary>How many articles match the query and the filters: every one, not only this page (at least this many when not <see cref="IsComplete"/>).</summary>
    public int Total { get; }

    /// <summary>
    /// Whether every article that might match was checked (almost always). A term of CJK characters set apart
    /// (<c>中、美</c>, <c>中-美</c>: the index keeps no positions of a lone character) is checked by reading the articles
    /// that hold all its characters: at most 8,000 for the whole search, shared evenly by the index's segments (about
    /// 4,000–8,000 articles each, a shard's included) and by such terms, at most 4,000 a segment, the newest first, so that a
    /// query's time stays bounded whatever the corpus's size; past that, <see cref="Total"/>, <see cref="Hits"/> and
    /// <see cref="Facets"/> cover the articles found and this is <see langword="false"/>. Touching characters
    /// (<c>中美</c>) and words are always found in full.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>The page of hits asked for (<see cref="SearchOptions.Skip"/>, <see cref="SearchOptions.Take"/>), in the order asked for.</summary>
    public global::System.Collections.Generic.IReadOnlyList<SearchHit> Hits { get; }

    /// <summary>Counts by outlet, language and year over all <see cref="Total"/> matching articles.</summary>
    public SearchFacets Facets { get; }

    /// <summary>A longer query is cut to this many characters (as a search box would).</summary>
    public const int MaxQueryLength = 200;

    /// <summary>At most this many terms of a query are searched; later ones are left out.</summary>
    public const int MaxTerms = 16;
}
