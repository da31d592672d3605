using System;
using System.Collections.Generic;

namespace Corpus.Generator.Analyzers;

/// <summary>The candidates closest to a mistyped Id or URL, by Levenshtein distance (pure, no Roslyn).</summary>
internal static class EditDistance
{
    /// <summary>
    /// Up to <paramref name="count"/> candidates whose distance to <paramref name="target"/> is at most a third of its
    /// length (at least 2), nearest first, then in ordinal order; none when nothing is that close.
    /// </summary>
    public static IReadOnlyList<string> Closest(string target, IEnumerable<string> candidates, int count = 3)
    {
        var limit = Math.Max(2, target.Length / 3);
        var best = new List<(int Distance, string Value)>(count + 1);
        var row = new int[target.Length + 1];
        foreach (var candidate in candidates)
        {
            // Once the list is full, a candidate must beat its last entry: the bound prunes most of the work.
            var bound = best.Count == count ? Math.Min(limit, best[count - 1].Distance) : limit;
            var distance = Bounded(target, candidate, bound, row);
            if (distance > bound)
            {
                continue;
            }

            var at = best.FindIndex(b => b.Distance > distance || (b.Distance == distance && string.CompareOrdinal(b.Value, candidate) > 0));
            best.Insert(at < 0 ? best.Count : at, (distance, candidate));
            if (best.Count > count)
            {
                best.RemoveAt(count);
            }
        }

        return best.ConvertAll(b => b.Value);
    }

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or <c>bound + 1</c> once it must exceed <paramref name="bound"/>.</summary>
    public static int Bounded(string a, string b, int bound, int[]? row = null)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        row = row is not null && row.Length > a.Length ? row : new int[a.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            row[i] = i;
        }

        for (var j = 1; j <= b.Length; j++)
        {
            var diagonal = row[0];
            row[0] = j;
            var rowMinimum = row[0];
            for (var i = 1; i <= a.Length; i++)
            {
                var above = row[i];
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                row[i] = Math.Min(Math.Min(row[i - 1] + 1, above + 1), diagonal + cost);
                diagonal = above;
                rowMinimum = Math.Min(rowMinimum, row[i]);
            }

            // Every later cell is at least the smallest of this row.
            if (rowMinimum > bound)
            {
                return bound + 1;
            }
        }

        return Math.Min(row[a.Length], bound + 1);
    }
}
