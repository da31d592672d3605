using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace Corpus.Web.Search;

/// <summary>
/// A search as <c>/search</c> and <c>/api/search</c> take it from the query string: the query, the facet filters (outlet,
/// language, year), the order and the page. Blank filters do not filter; a year that is not a number is ignored.
/// </summary>
public sealed record SearchRequest(string Query, string? Outlet, string? Language, int? Year, SearchSort Sort, int Page, int PageSize)
{
    public const int DefaultPageSize = 10;

    public const int MaxPageSize = 100;

    /// <summary>The value of <c>sort=</c> for <see cref="SearchSort.Newest"/>; anything else is relevance.</summary>
    public const string NewestValue = "newest";

    public static SearchRequest None { get; } = From(null, null, null, null, null);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Query);

    public bool IsFiltered => Outlet is not null || Language is not null || Year is not null;

    /// <summary>Whether the page and its size are in range (the API answers 400 otherwise, the page 404).</summary>
    public bool IsValidPage => Page >= 1 && PageSize is >= 1 and <= MaxPageSize;

    public static SearchRequest From(string? query, string? outlet, string? language, string? year, string? sort, int page = 1, int pageSize = DefaultPageSize) =>
        new(
            query ?? string.Empty,
            Clean(outlet),
            Clean(language),
            int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 9998 ? y : null,
            string.Equals(sort, NewestValue, StringComparison.OrdinalIgnoreCase) ? SearchSort.Newest : SearchSort.Relevance,
            page,
            pageSize);

    /// <summary>The options of <c>Articles.Search</c>; the year is the one the year facet counts each article under.</summary>
    public SearchOptions Options() => new()
    {
        Outlet = Outlet,
        Language = Language,
        Year = Year,
        Sort = Sort,
        Skip = (int)Math.Min(int.MaxValue, (long)(Math.Max(1, Page) - 1) * PageSize),
        Take = PageSize,
    };

    public static int TotalPages(int total, int pageSize) => total == 0 ? 1 : (int)(((long)total + pageSize - 1) / pageSize);

    /// <summary>The address of this search with some of its values changed; a changed filter or order starts at page 1.</summary>
    public string Link(
        Optional<string?> outlet = default,
        Optional<string?> language = default,
        Optional<int?> year = default,
        Optional<SearchSort> sort = default,
        int page = 1)
    {
        KeyValuePair<string, string?>[] parameters =
        [
            new("q", Query),
            new("outlet", outlet.Or(Outlet)),
            new("language", language.Or(Language)),
            new("year", year.Or(Year)?.ToString(CultureInfo.InvariantCulture)),
            new("sort", sort.Or(Sort) == SearchSort.Newest ? NewestValue : null),
            new("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)),
            new("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture)),
        ];
        return "/search" + QueryString.Create(parameters.Where(p => p.Value is not null));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A value given to <see cref="SearchRequest.Link"/>, or none (the request's own is kept).</summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);

    public T Or(T fallback) => HasValue ? Value : fallback;
}
