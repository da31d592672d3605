using System;
using System.Linq;

namespace Corpus.Web.Catalog;

/// <summary>The home page's and the list API's filters; a null or blank value does not filter.</summary>
public sealed record ArticleFilter(string? Outlet, string? Language, string? Tag)
{
    public static ArticleFilter None { get; } = new(null, null, null);

    public bool IsEmpty => Outlet is null && Language is null && Tag is null;

    /// <summary>The filters as given in a query string: trimmed, blank ones dropped.</summary>
    public static ArticleFilter From(string? outlet, string? language, string? tag) =>
        new(Clean(outlet), Clean(language), Clean(tag));

    public bool Matches(Article article) =>
        (Outlet is null || string.Equals(article.Outlet, Outlet, StringComparison.OrdinalIgnoreCase))
        && (Language is null || string.Equals(article.Language, Language, StringComparison.OrdinalIgnoreCase))
        // Tags are body members (read on first use): tested last, so an outlet or language filter reads fewer bodies.
        && (Tag is null || article.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
