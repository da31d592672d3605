/// <summary>
/// Filters, order and page of a search (<c>Articles.Search(query, options)</c>). Every filter is optional; with a query of
/// no terms, the filters alone choose the articles: every one they let through, newest first.
/// </summary>
sealed partial class SearchOptions
{
    /// <summary>Only articles of this outlet (<see cref="Article.Outlet"/>, letter case ignored), for example <c>RFI</c>.</summary>
    public string? Outlet { get; set; }

    /// <summary>
    /// Only articles in this language (<see cref="Article.Language"/>, letter case ignored); a tag without a script also
    /// takes its scripts: <c>zh</c> finds <c>zh</c>, <c>zh-Hans</c> and <c>zh-Hant</c>.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>Only articles with this tag among <see cref="Article.Tags"/> (letter case ignored).</summary>
    public string? Tag { get; set; }

    /// <summary>Only articles published at or after this instant (<see cref="Article.PublishedAt"/>); undated articles are left out when set.</summary>
    public global::System.DateTimeOffset? From { get; set; }

    /// <summary>Only articles published before this instant (exclusive); undated articles are left out when set.</summary>
    public global::System.DateTimeOffset? To { get; set; }

    /// <summary>
    /// Only articles published in this calendar year in their own offset (<c>PublishedAt.Year</c>): the year
    /// <see cref="SearchFacets.Years"/> counts them under, so a year's count is what this filter finds. Undated articles
    /// are left out when set. Combines with <see cref="From"/> and <see cref="To"/>.
    /// </summary>
    public int? Year { get; set; }

    /// <summary>The order of the hits: <see cref="SearchSort.Relevance"/> (the default) or <see cref="SearchSort.Newest"/>.</summary>
    public SearchSort Sort { get; set; }

    /// <summary>How many hits of the order to pass over (for pages); negative counts as 0.</summary>
    public int Skip { get; set; }

    /// <summary>How many hits to return at most: 10 unless set, at most <see cref="MaxTake"/>; negative counts as 0.</summary>
    public int Take { get; set; } = 10;

    /// <summary>The most hits one search returns.</summary>
    public const int MaxTake = 1000;
}
