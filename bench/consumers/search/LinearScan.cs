using System;
using System.Collections.Generic;
using System.Linq;

namespace Consumer.Search;

/// <summary>A found article: whether every term is in its title, and where the first match is, in context.</summary>
internal sealed record ScanHit(Article Article, bool InTitle, ScanSnippet Snippet);

/// <summary>The words around a match: <c>Before + Match + After</c> is a stretch of the title or text, on one line.</summary>
internal sealed record ScanSnippet(string Before, string Match, string After);

/// <summary>A query's terms, its hits (at most the limit asked for) and how many articles matched in all.</summary>
internal sealed record ScanResults(string Query, IReadOnlyList<string> Terms, IReadOnlyList<ScanHit> Hits, int Total)
{
    public static ScanResults Empty(string query) => new(query, [], [], 0);
}

/// <summary>
/// The bench's baseline: the linear scan the web sample used before the search index (samples/Corpus.Web/Search/ArticleSearch.cs
/// as it was), kept here unchanged but for its names. Substring search over titles and texts. A term is a run of non-space characters and matches anywhere, inside words
/// too: Chinese and Japanese are written without spaces, so a phrase must match the middle of a sentence. Every term must
/// occur (in the title or the text); case is ignored (ordinal), nothing else is folded (simplified and traditional
/// characters are different characters). Articles with every term in the title come first, then newest first.
/// </summary>
internal static class LinearScan
{
    public const int MaxQueryLength = 200;

    public const int MaxTerms = 8;

    public const int DefaultLimit = 50;

    /// <summary>Characters of context shown on each side of a match.</summary>
    private const int ContextLength = 60;

    public static ScanResults Search(string? query, int limit = DefaultLimit)
    {
        var cleaned = (query ?? string.Empty).Trim();
        if (cleaned.Length > MaxQueryLength)
        {
            cleaned = cleaned[..MaxQueryLength];
        }

        var terms = Terms(cleaned);
        if (terms.Count == 0)
        {
            return ScanResults.Empty(cleaned);
        }

        var inTitle = new List<Article>();
        var inText = new List<Article>();
        foreach (var article in Articles.All)
        {
            if (terms.All(t => Contains(article.Title, t)))
            {
                inTitle.Add(article);
            }
            else if (terms.All(t => Contains(article.Title, t) || Contains(article.Text, t)))
            {
                inText.Add(article);
            }
        }

        var hits = inTitle.Select(a => new ScanHit(a, true, Snippet(a.Title, terms)))
            .Concat(inText.Select(a => new ScanHit(a, false, Snippet(a.Text, terms))))
            .Take(Math.Max(0, limit))
            .ToArray();
        return new ScanResults(cleaned, terms, hits, inTitle.Count + inText.Count);
    }

    /// <summary>The query's terms: split at any white space (U+3000 too), repeats dropped, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Terms(string query) =>
        query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)
            .ToArray();

    /// <summary>The earliest match of any term in the value, with up to <see cref="ContextLength"/> characters each side.</summary>
    internal static ScanSnippet Snippet(string value, IReadOnlyList<string> terms)
    {
        var (start, length) = terms
            .Select(t => (Start: value.IndexOf(t, StringComparison.OrdinalIgnoreCase), t.Length))
            .Where(m => m.Start >= 0)
            .OrderBy(m => m.Start)
            .FirstOrDefault((-1, 0));
        if (start < 0)
        {
            // Every term matched the title only: show the start of the value.
            var cut = SafeBoundary(value, Math.Min(value.Length, 2 * ContextLength));
            return new ScanSnippet(string.Empty, string.Empty, OneLine(value[..cut]) + (cut < value.Length ? "…" : string.Empty));
        }

        var end = start + length;
        var from = SafeBoundary(value, Math.Max(0, start - ContextLength));
        var to = SafeBoundary(value, Math.Min(value.Length, end + ContextLength));
        return new ScanSnippet(
            (from > 0 ? "…" : string.Empty) + OneLine(value[from..start]),
            OneLine(value[start..end]),
            OneLine(value[end..to]) + (to < value.Length ? "…" : string.Empty));
    }

    private static bool Contains(string value, string term) => value.Contains(term, StringComparison.OrdinalIgnoreCase);

    /// <summary>Moves a cut that would split a surrogate pair to before the pair.</summary>
    private static int SafeBoundary(string value, int index) =>
        index > 0 && index < value.Length && char.IsLowSurrogate(value[index]) && char.IsHighSurrogate(value[index - 1])
            ? index - 1
            : index;

    /// <summary>The text's blank lines between blocks become single spaces, so a snippet reads as one line.</summary>
    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);
}
