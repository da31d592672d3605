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

/// <summary><c>/api/search</c>: the hits the search page shows, in its order.</summary>
public sealed record SearchResponse(string Query, IReadOnlyList<string> Terms, int Total, IReadOnlyList<SearchHitDocument> Hits)
{
    public static SearchResponse From(TextSearchResults results) => new(
        results.Query,
        results.Terms,
        results.Total,
        results.Hits.Select(h => new SearchHitDocument(
            ArticleListItem.From(h.Article),
            h.InTitle,
            h.Snippet)).ToArray());
}

public sealed record SearchHitDocument(ArticleListItem Article, bool InTitle, TextSearchSnippet Snippet);

/// <summary>The body of an API error (unknown id, bad page).</summary>
public sealed record ApiError(int Status, string Error);
