using System;
using System.Collections.Generic;
using System.Linq;

namespace Corpus.Web.Search;

/// <summary>A stretch of a snippet: plain text, or a match to highlight. Pages write both as text (HTML-encoded).</summary>
public readonly record struct SnippetPart(string Text, bool IsMatch);

/// <summary>A snippet cut at its match ranges, for <c>&lt;mark&gt;</c>; ranges out of order, overlapping or out of bounds are clamped.</summary>
public static class SnippetHighlight
{
    public static IReadOnlyList<SnippetPart> Parts(SearchSnippet snippet)
    {
        var text = snippet.Text;
        var parts = new List<SnippetPart>();
        var at = 0;
        foreach (var match in snippet.Matches.OrderBy(m => m.Start))
        {
            var start = Boundary(text, Math.Clamp(match.Start, at, text.Length));
            var end = Boundary(text, Math.Clamp((long)match.Start + match.Length, start, text.Length));
            if (start > at)
            {
                parts.Add(new SnippetPart(text[at..start], false));
            }

            if (end > start)
            {
                parts.Add(new SnippetPart(text[start..end], true));
                at = end;
            }
        }

        if (at < text.Length)
        {
            parts.Add(new SnippetPart(text[at..], false));
        }

        return parts;
    }

    /// <summary>Whether the snippet starts after the start of the article's text (the page shows an ellipsis).</summary>
    public static bool CutBefore(SearchSnippet snippet) => snippet.Offset > 0;

    /// <summary>Whether the article's text goes on after the snippet (the page shows an ellipsis).</summary>
    public static bool CutAfter(SearchHit hit) => hit.Snippet.Offset + hit.Snippet.Text.Length < hit.Article.Text.Length;

    /// <summary>A cut that would split a surrogate pair moves before the pair.</summary>
    private static int Boundary(string value, long index)
    {
        var i = (int)index;
        return i > 0 && i < value.Length && char.IsLowSurrogate(value[i]) && char.IsHighSurrogate(value[i - 1]) ? i - 1 : i;
    }
}
