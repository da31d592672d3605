using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Bench;

/// <summary>
/// Quick checks while changing the generator: the cold run against the AngleSharp floor (interleaved, best of a few
/// runs each after one warm-up), and a hash of everything the generator produces for a corpus.
/// </summary>
internal static class QuickRatio
{
    public static string Run(GeneratorHarness harness, int times)
    {
        var parser = GeneratorHarness.CreateFloorParser();
        double Floor() => Time(() => GC.KeepAlive(harness.ParseAllBodies(parser)));

        double Cold() => Time(() => GC.KeepAlive(harness.CreateDriver(trackSteps: false).RunGenerators(harness.Compilation).GetRunResult()));

        Floor();
        Cold();
        var floors = new double[times];
        var colds = new double[times];
        for (var i = 0; i < times; i++)
        {
            GC.Collect();
            floors[i] = Floor();
            GC.Collect();
            colds[i] = Cold();
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"seeds={harness.Seeds.Length} floor_ms={floors.Min():F0} cold_ms={colds.Min():F0} ratio={colds.Min() / floors.Min():F2} (best of {times}; floors {string.Join(' ', floors.Select(f => f.ToString("F0", CultureInfo.InvariantCulture)))}; colds {string.Join(' ', colds.Select(c => c.ToString("F0", CultureInfo.InvariantCulture)))})");
    }

    /// <summary>
    /// What a streaming reader could start from: AngleSharp's public tokenizer over every body, against the whole parse
    /// (the floor), interleaved. A reader that walked tokens instead of a DOM would still pay the tokenizer.
    /// </summary>
    public static string Tokenize(GeneratorHarness harness, int times)
    {
        var parser = GeneratorHarness.CreateFloorParser();
        double Parse() => Time(() => GC.KeepAlive(harness.ParseAllBodies(parser)));

        double Tokenize() => Time(() =>
        {
            foreach (var body in harness.Bodies)
            {
                var tokenizer = new AngleSharp.Html.Parser.HtmlTokenizer(new AngleSharp.Text.TextSource(body), AngleSharp.Html.HtmlEntityProvider.Resolver);
                while (tokenizer.Get().Type != AngleSharp.Html.Parser.HtmlTokenType.EndOfFile)
                {
                }
            }
        });

        Parse();
        Tokenize();
        var lines = new StringBuilder();
        for (var i = 0; i < times; i++)
        {
            GC.Collect();
            var parse = Parse();
            GC.Collect();
            var tokenize = Tokenize();
            lines.AppendLine(string.Create(CultureInfo.InvariantCulture, $"seeds={harness.Seeds.Length} parse_ms={parse:F0} tokenize_ms={tokenize:F0} tokenize/parse={tokenize / parse:F2}"));
        }

        return lines.ToString().TrimEnd();
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// SHA-256 of every generated file and diagnostic (the total, as before), and one per kind of output, so that a change
    /// meant for the index/runtime files can show that the members and the data are untouched.
    /// </summary>
    public static string Hash(GeneratorHarness harness)
    {
        var result = harness.CreateDriver(trackSteps: false).RunGenerators(harness.Compilation).GetRunResult();
        using var total = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var kinds = new[] { "index/runtime", "search", "members", "data", "diagnostics" }
            .ToDictionary(k => k, _ => IncrementalHash.CreateHash(HashAlgorithmName.SHA256), StringComparer.Ordinal);
        var counts = kinds.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        void Add(string kind, string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            total.AppendData(bytes);
            kinds[kind].AppendData(bytes);
            counts[kind]++;
        }

        foreach (var tree in result.GeneratedTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            Add(KindOf(Path.GetFileName(tree.FilePath)), tree.FilePath + "\0" + tree.GetText() + "\0");
        }

        foreach (var diagnostic in result.Diagnostics.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal))
        {
            Add("diagnostics", diagnostic + "\0");
        }

        var lines = new StringBuilder();
        lines.Append(CultureInfo.InvariantCulture, $"files={result.GeneratedTrees.Length} diagnostics={result.Diagnostics.Length} sha256={Convert.ToHexString(total.GetHashAndReset())}");
        foreach (var (kind, hash) in kinds)
        {
            lines.AppendLine().Append(CultureInfo.InvariantCulture, $"  {kind,-13} count={counts[kind]} sha256={Convert.ToHexString(hash.GetHashAndReset())}");
            hash.Dispose();
        }

        return lines.ToString();
    }

    /// <summary>Which kind of output a generated file is, by its hint name: the search index's segments apart, every other file that is not a member or data file is the index and runtime.</summary>
    private static string KindOf(string fileName) =>
        fileName.StartsWith("Corpus.Members.", StringComparison.Ordinal) ? "members"
        : fileName.StartsWith("Corpus.Data.", StringComparison.Ordinal) ? "data"
        : fileName.StartsWith("Corpus.Search.", StringComparison.Ordinal) ? "search"
        : "index/runtime";
}
