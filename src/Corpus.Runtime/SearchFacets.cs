/// <summary>How the matching articles of a search spread over outlets, languages and years: counts over every match, not one page.</summary>
sealed partial class SearchFacets
{
    internal SearchFacets(
        global::System.Collections.Generic.IReadOnlyList<SearchFacet> outlets,
        global::System.Collections.Generic.IReadOnlyList<SearchFacet> languages,
        global::System.Collections.Generic.IReadOnlyList<SearchFacet> years)
    {
        Outlets = outlets;
        Languages = languages;
        Years = years;
    }

    /// <summary>Matches by <see cref="Article.Outlet"/>, most first (then by name, ordinal).</summary>
    public global::System.Collections.Generic.IReadOnlyList<SearchFacet> Outlets { get; }

    /// <summary>Matches by <see cref="Article.Language"/>, most first (then by tag, ordinal).</summary>
    public global::System.Collections.Generic.IReadOnlyList<SearchFacet> Languages { get; }

    /// <summary>Matches by the year of <see cref="Article.PublishedAt"/> (four digits), newest year first; undated articles are not counted here.</summary>
    public global::System.Collections.Generic.IReadOnlyList<SearchFacet> Years { get; }
}
