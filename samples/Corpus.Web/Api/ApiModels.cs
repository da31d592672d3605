using System;
using System.Collections.Generic;
using System.Linq;
using Corpus.Web.Search;

namespace Corpus.Web.Api;

/// <summary>An article in a list: enough to show and link it.</summary>
public sealed record ArticleListItem(string Id, string Title, string Outlet, string Language, DateTimeOffset? PublishedAt, string Url)
{
    public static ArticleListItem From(Article a) => new(a.Id, a.Title, a.Outlet, a.Language, a.PublishedAt, a.Url.OriginalString);
}

/// <summary>A page of <c>/api/articles</c>.</summary>
public sealed record ArticleListPage(int Page, int PageSize, int TotalItems, int TotalPages, IReadOnlyList<ArticleListItem> Items);

/// <summary>Every member of <see cref="Article"/>, as <c>/api/articles/{id}</c> returns it (URLs as written, enums by name).</summary>
public sealed record ArticleDocument(
    string Id,
    string SeedPath,
    string Title,
    string RawTitle,
    string? Column,
    string Url,
    string Outlet,
    string Language,
    string? Author,
    string? Credit,
    DateTimeOffset? FeedPublishedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedAtPrecision,
    string? Lead,
    IReadOnlyList<SectionDocument> Sections,
    IReadOnlyList<string> Paragraphs,
    string Text,
    string Html,
    IReadOnlyList<ImageDocument> Images,
    IReadOnlyList<MediaDocument> Media,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    int CharacterCount,
    TimeSpan ReadingTime)
{
    public static ArticleDocument From(Article a) => new(
        a.Id,
        a.SeedPath,
        a.Title,
        a.RawTitle,
        a.Column,
        a.Url.OriginalString,
        a.Outlet,
        a.Language,
        a.Author,
        a.Credit,
        a.FeedPublishedAt,
        a.PublishedAt,
        a.PublishedAtPrecision?.ToString(),
        a.Lead,
        a.Sections.Select(s => new SectionDocument(s.Heading, s.Paragraphs)).ToArray(),
        a.Paragraphs,
        a.Text,
        a.Html,
        a.Images.Select(i => new ImageDocument(i.Url.OriginalString, i.Alt, i.Caption)).ToArray(),
        a.Media.Select(m => new MediaDocument(m.Kind.ToString(), m.Url.OriginalString)).ToArray(),
        a.Tags,
        a.Categories,
        a.CharacterCount,
        a.ReadingTime);
}

public sealed record SectionDocument(string? Heading, IReadOnlyList<string> Paragraphs);

public sealed record ImageDocument(string Url, string? Alt, string? Caption);

public sealed record MediaDocument(string Kind, string Url);

/// <summary>
/// <c>/api/search</c>: one page of hits in the order asked for, how many articles match in all (at least that many when
/// not <c>IsComplete</c>: see <see cref="SearchResults.IsComplete"/>), and the counts by outlet, language and year over
/// every match (with the filters applied).
/// </summary>
public sealed record SearchResponse(
    string Query,
    IReadOnlyList<string> Terms,
    int Total,
    bool IsComplete,
    int Page,
    int PageSize,
    int TotalPages,
    string Sort,
    SearchFiltersDocument Filters,
    IReadOnlyList<SearchHitDocument> Hits,
    SearchFacetsDocument Facets)
{
    public static SearchResponse From(SearchRequest request, SearchResults results) => new(
        results.Query,
        results.Terms,
        results.Total,
        results.IsComplete,
        request.Page,
        request.PageSize,
        SearchRequest.TotalPages(results.Total, request.PageSize),
        request.Sort == SearchSort.Newest ? SearchRequest.NewestValue : "relevance",
        new SearchFiltersDocument(request.Outlet, request.Language, request.Year),
        results.Hits.Select(h => new SearchHitDocument(
            ArticleListItem.From(h.Article),
            h.Score,
            new SnippetDocument(h.Snippet.Text, h.Snippet.Offset, h.Snippet.Matches.Select(m => new MatchDocument(m.Start, m.Length)).ToArray()))).ToArray(),
        new SearchFacetsDocument(Values(results.Facets.Outlets), Values(results.Facets.Languages), Values(results.Facets.Years)));

    private static FacetDocument[] Values(IReadOnlyList<SearchFacet> facets) => facets.Select(f => new FacetDocument(f.Value, f.Count)).ToArray();
}

/// <summary>The filters the search applied (null: not filtered).</summary>
public sealed record SearchFiltersDocument(string? Outlet, string? Language, int? Year);

/// <summary>A hit: the article, its BM25 score, and the text around its first match with every match's range in it.</summary>
public sealed record SearchHitDocument(ArticleListItem Article, double Score, SnippetDocument Snippet);

/// <summary>A stretch of the article's text starting at <c>Offset</c>; <c>Matches</c> are ranges of <c>Text</c>.</summary>
public sealed record SnippetDocument(string Text, int Offset, IReadOnlyList<MatchDocument> Matches);

public sealed record MatchDocument(int Start, int Length);

public sealed record SearchFacetsDocument(IReadOnlyList<FacetDocument> Outlets, IReadOnlyList<FacetDocument> Languages, IReadOnlyList<FacetDocument> Years);

/// <summary>A facet's value (an outlet, a language tag, a year) and how many matching articles have it.</summary>
public sealed record FacetDocument(string Value, int Count);

/// <summary>The body of an API error (unknown id, bad page).</summary>
public sealed record ApiError(int Status, string Error);
