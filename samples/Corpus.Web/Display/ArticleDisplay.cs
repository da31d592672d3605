using System;
using System.Globalization;

namespace Corpus.Web.Display;

/// <summary>How the pages write an article's values: dates in the outlet's own zone, reading time, safe link targets.</summary>
public static class ArticleDisplay
{
    /// <summary>The article's page, <c>/articles/{id}</c>, the Id escaped as a path segment.</summary>
    public static string Link(Article article) => "/articles/" + Uri.EscapeDataString(article.Id);

    /// <summary>The day of publication in the outlet's local time (<c>2022-01-12</c>), or "undated".</summary>
    public static string LocalDate(Article article) =>
        article.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    /// <summary>
    /// Date, time and zone as the source gave them: <c>2022-01-12 12:44 (UTC+01:00)</c>; a date-only value names the day
    /// and no zone, since it is not an instant.
    /// </summary>
    public static string DateWithZone(Article article) => article.PublishedAt is not { } at
        ? "undated"
        : article.PublishedAtPrecision switch
        {
            ArticleDatePrecision.Day => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (date only)",
            ArticleDatePrecision.Second => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + Zone(at),
            _ => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Zone(at),
        };

    /// <summary>The machine-readable value for a <c>&lt;time datetime&gt;</c> attribute (ISO 8601, or a plain day).</summary>
    public static string? MachineDate(Article article) => article.PublishedAt is not { } at
        ? null
        : article.PublishedAtPrecision == ArticleDatePrecision.Day
            ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Whole minutes, at least one: <c>4 min read</c>.</summary>
    public static string ReadingTime(Article article) =>
        Math.Max(1, (int)Math.Ceiling(article.ReadingTime.TotalMinutes)).ToString(CultureInfo.InvariantCulture) + " min read";

    /// <summary>
    /// The address to put in an <c>href</c> or <c>src</c>, or null: only http and https. Seed URLs are untrusted input, and
    /// HTML encoding alone does not stop a <c>javascript:</c> link.
    /// </summary>
    public static string? SafeHref(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url.AbsoluteUri : null;

    /// <summary>An address to read: percent-escapes decoded (<c>/cn/专栏检索/…</c>); for display only, never for a link.</summary>
    public static string Readable(Uri url) => Uri.UnescapeDataString(url.OriginalString);

    private static string Zone(DateTimeOffset at) =>
        "(UTC" + (at.Offset < TimeSpan.Zero ? "-" : "+") + at.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture) + ")";
}
