using System;
using System.Collections.Generic;
using System.Linq;

namespace Corpus.Web.Catalog;

/// <summary>
/// The generated corpus as the site lists it: newest first (the order of <see cref="Articles.All"/>), filtered, paged.
/// Outlets and languages come from the article headers only, so listing never reads a body.
/// </summary>
public static class ArticleCatalog
{
    public const int PageSize = 20;

    public const int MaxPageSize = 100;

    private static readonly Lazy<Facets> s_facets = new(() => new Facets(
        Count(Articles.All.Select(a => a.Outlet)),
        Count(Articles.All.Select(a => a.Language))));

    /// <summary>Every outlet and its article count, most articles first.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Outlets => s_facets.Value.Outlets;

    /// <summary>Every language tag and its article count, most articles first.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Languages => s_facets.Value.Languages;

    /// <summary>The articles the filter keeps, newest first.</summary>
    public static IReadOnlyList<Article> Filter(ArticleFilter filter) =>
        filter.IsEmpty ? Articles.All : Articles.All.Where(filter.Matches).ToArray();

    /// <summary>One page of the filtered list; null when the page number is past the last page.</summary>
    public static ArticlePage<Article>? Page(ArticleFilter filter, int number, int size = PageSize)
    {
        var matching = Filter(filter);
        var page = ArticlePage<Article>.Of(matching, number, size);
        return number > page.TotalPages ? null : page;
    }

    private static KeyValuePair<string, int>[] Count(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();

    private sealed record Facets(KeyValuePair<string, int>[] Outlets, KeyValuePair<string, int>[] Languages);
}
