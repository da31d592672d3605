using System;

namespace Corpus.Generator.Bodies;

/// <summary>
/// The deepest element nesting a body may have, checked on the text before it is parsed: the HTML tree builder's cost
/// grows with the square of the depth, so a broken or hostile seed could stall every build (docs/performance.md).
/// </summary>
internal static class NestingLimit
{
    /// <summary>The deepest nesting read; far above real bodies', which nest 15 deep at most.</summary>
    internal const int MaxDepth = 1000;

    private static readonly string[] VoidElements =
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];

    /// <summary>
    /// The offset of the first start tag that opens element number <paramref name="limit"/> + 1 on the stack, or -1.
    /// A linear scan of the tags as written (void elements and self-closed tags do not nest; a stray end tag never
    /// takes the depth below zero): it over-counts implicitly closed elements such as <c>p</c> and <c>li</c>, which is
    /// safe for a limit far above real depths.
    /// </summary>
    internal static int FirstOffsetBeyond(string html, int limit)
    {
        // Each start tag the scan counts takes at least three characters ("<a>"): a shorter body cannot go deeper.
        if (html.Length < 3 * (limit + 1))
        {
            return -1;
        }

        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0 || open + 1 >= html.Length)
            {
                return -1;
            }

            var next = html[open + 1];
            if (next == '!' && string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var endOfComment = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                if (endOfComment < 0)
                {
                    return -1;
                }

                i = endOfComment + 3;
                continue;
            }

            var close = html.IndexOf('>', open + 1);
            if (close < 0)
            {
                return -1;
            }

            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (IsAsciiLetter(next) && html[close - 1] != '/' && !IsVoidElement(html, open + 1, close))
            {
                depth++;
                if (depth > limit)
                {
                    return open;
                }
            }

            i = close + 1;
        }

        return -1;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsVoidElement(string html, int nameStart, int tagEnd)
    {
        var nameEnd = nameStart;
        while (nameEnd < tagEnd && (IsAsciiLetter(html[nameEnd]) || (html[nameEnd] >= '0' && html[nameEnd] <= '9')))
        {
            nameEnd++;
        }

        // Compared in place, and only with names of the same length and first letter (ASCII, which | 0x20 lowercases).
        var length = nameEnd - nameStart;
        var first = (char)(html[nameStart] | 0x20);
        foreach (var name in VoidElements)
        {
            if (name.Length == length && name[0] == first
                && string.Compare(html, nameStart, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
