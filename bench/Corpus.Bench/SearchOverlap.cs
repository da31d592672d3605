using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Corpus.Bench;

/// <summary>
/// How much two engines' rankings agree (bench/search.sh): both answered the same query set and wrote, a query a line,
/// <c>number TAB kind TAB total TAB the top ten ids, comma-separated</c>. Per query where both found something, the overlap
/// is |A ∩ B| / min(|A|, |B|) of the two top tens (1 = the shorter list is inside the other); the report averages it by
/// kind of query and counts the queries where only one engine found anything.
/// </summary>
internal static class SearchOverlap
{
    public static string Report(string first, string second, string firstName, string secondName)
    {
        var a = Read(first);
        var b = Read(second);
        var rows = a.Keys.Intersect(b.Keys).Select(n => (a[n].Kind, A: a[n], B: b[n])).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| kind | queries | both found | mean top-10 overlap | only {firstName} found | only {secondName} found | same total |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => r.Kind).Append(rows.GroupBy(_ => "all").Single()))
        {
            var both = group.Where(r => r.A.Top.Length > 0 && r.B.Top.Length > 0).ToArray();
            var overlap = both.Length == 0
                ? "-"
                : both.Average(r => (double)r.A.Top.Intersect(r.B.Top, StringComparer.Ordinal).Count() / Math.Min(r.A.Top.Length, r.B.Top.Length)).ToString("F2", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {group.Count()} | {both.Length} | {overlap} | {group.Count(r => r.A.Top.Length > 0 && r.B.Top.Length == 0)} | {group.Count(r => r.A.Top.Length == 0 && r.B.Top.Length > 0)} | {group.Count(r => r.A.Total == r.B.Total)} |");
        }

        return text.ToString();
    }

    private static Dictionary<int, (string Kind, int Total, string[] Top)> Read(string path) =>
        File.ReadLines(path).Select(line => line.Split('\t')).ToDictionary(
            f => int.Parse(f[0], CultureInfo.InvariantCulture),
            f => (f[1], int.Parse(f[2], CultureInfo.InvariantCulture), f[3].Split(',', StringSplitOptions.RemoveEmptyEntries)));
}
