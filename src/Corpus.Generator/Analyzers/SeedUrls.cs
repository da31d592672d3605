using System;
using System.Threading;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Analyzers;

/// <summary>
/// A seed's URL as the generator reads it (<see cref="SeedReader"/>), from the seed's head when that suffices: the
/// title block ends at the first separator line, so the body, nearly all of a seed, is neither copied nor scanned.
/// Pure: no Roslyn.
/// </summary>
internal static class SeedUrls
{
    private const string SeparatorLine = "\n------";

    public static string? Read(string text, CancellationToken cancellationToken = default)
    {
        // The head holds every line up to a whole separator line: the reader finds the same first separator in it, and
        // the title block before it is the same. Anything else (no seed in the head) is read again whole.
        var end = HeadEnd(text);
        if (end < text.Length && SeedReader.Read(text.Substring(0, end), cancellationToken).Seed?.Url is { } url)
        {
            return url;
        }

        return SeedReader.Read(text, cancellationToken).Seed?.Url;
    }

    /// <summary>
    /// Just past the first line that is exactly <c>------</c> (LF or CRLF), or the text's length. A seed that starts
    /// with front matter is read whole: a separator-like line inside the front matter must not cut it.
    /// </summary>
    internal static int HeadEnd(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (string.CompareOrdinal(text, start, "---", 0, 3) == 0)
        {
            return text.Length;
        }

        for (var at = text.IndexOf(SeparatorLine, StringComparison.Ordinal); at >= 0; at = text.IndexOf(SeparatorLine, at + 1, StringComparison.Ordinal))
        {
            var end = at + SeparatorLine.Length;
            if (end < text.Length && text[end] == '\n')
            {
                return end + 1;
            }

            if (end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n')
            {
                return end + 2;
            }
        }

        return text.Length;
    }
}
