/// <summary>What <c>Articles.Search</c> found: one page of hits, how many articles matched in all, and their facets.</summary>
sealed partial class SearchResults
{
    internal SearchResults(string query, global::System.Collections.Generic.IReadOnlyList<string> terms, int total, global::System.Collections.Generic.IReadOnlyList<SearchHit> hits, SearchFacets facets)
    {
        Query = query;
        Terms = terms;
        Total = total;
        Hits = hits;
        Facets = facets;
    }

    /// <summary>The query as it was searched: trimmed, and cut to <see cref="MaxQueryLength"/> characters.</summary>
    public string Query { get; }

    /// <summary>The terms that were searched, as written in the query (a phrase with its quotes); terms with nothing to find (punctuation, emoji) are left out.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Terms { get; }

    /// <summary>How many articles match the query and the filters: every one, not only this page.</summary>
    public int Total { get; }

    /// <summary>The page of hits asked for (<see cref="SearchOptions.Skip"/>, <see cref="SearchOptions.Take"/>), in the order asked for.</summary>
    public global::System.Collections.Generic.IReadOnlyList<SearchHit> Hits { get; }

    /// <summary>Counts by outlet, language and year over all <see cref="Total"/> matching articles.</summary>
    public SearchFacets Facets { get; }

    /// <summary>A longer query is cut to this many characters (as a search box would).</summary>
    public const int MaxQueryLength = 200;

    /// <summary>At most this many terms of a query are searched; later ones are left out.</summary>
    public const int MaxTerms = 16;
}
