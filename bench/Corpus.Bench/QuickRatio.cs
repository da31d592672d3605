using System;
using System.Diagnostics;
using System.Globalization;
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

    public static string Hash(GeneratorHarness harness)
    {
        var result = harness.CreateDriver(trackSteps: false).RunGenerators(harness.Compilation).GetRunResult();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = 0;
        foreach (var tree in result.GeneratedTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(tree.FilePath + "\0" + tree.GetText() + "\0"));
            files++;
        }

        foreach (var diagnostic in result.Diagnostics.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(diagnostic + "\0"));
        }

        return string.Create(CultureInfo.InvariantCulture, $"files={files} diagnostics={result.Diagnostics.Length} sha256={Convert.ToHexString(sha.GetHashAndReset())}");
    }
}
