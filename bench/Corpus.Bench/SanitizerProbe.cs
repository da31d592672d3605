using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Corpus.Generator.Bodies;
using Corpus.Generator.Reading;

namespace Corpus.Bench;

/// <summary>
/// What the allow-list of <c>Html</c> (issue 24) costs: in each round, the generator's cold run over the N seeds, then
/// the sanitizer pass alone over every body, the body parsed, cleaned and walked as <see cref="BodyReader"/> does before
/// it (untimed); each body's pass timed on its own. Rounds alternate the two in one process, so that the machine's load
/// of the moment weighs on both; the medians and their ratio are printed.
/// </summary>
internal static class SanitizerProbe
{
    public static string Run(GeneratorHarness harness, int rounds)
    {
        var inputs = harness.Seeds.Select(s => SeedReader.Read(s.Text.ToString()).Seed!).Select(s => (s.Body, Outlets.FromUrl(s.Url), SafeUrls.Base(s.Url))).ToArray();
        double Cold()
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(harness.CreateDriver(trackSteps: false).RunGenerators(harness.Compilation).GetRunResult());
            return watch.Elapsed.TotalMilliseconds;
        }

        double Sanitize()
        {
            var ticks = 0L;
            foreach (var (body, outlet, articleUrl) in inputs)
            {
                var root = BodyDocument.Parse(body);
                new Cleaner().Clean(root);
                new BlockWalker(outlet).Walk(root);
                var start = Stopwatch.GetTimestamp();
                Sanitizer.Sanitize(root, articleUrl);
                ticks += Stopwatch.GetTimestamp() - start;
            }

            return ticks * 1000.0 / Stopwatch.Frequency;
        }

        Cold();
        Sanitize();
        var colds = new double[rounds];
        var sanitizes = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            GC.Collect();
            colds[i] = Cold();
            GC.Collect();
            sanitizes[i] = Sanitize();
        }

        var lines = new StringBuilder();
        for (var i = 0; i < rounds; i++)
        {
            lines.AppendLine(string.Create(CultureInfo.InvariantCulture, $"round {i + 1}: cold_ms={colds[i]:F0} sanitize_ms={sanitizes[i]:F1} sanitize/cold={sanitizes[i] / colds[i]:P2}"));
        }

        lines.Append(string.Create(
            CultureInfo.InvariantCulture,
            $"seeds={inputs.Length} rounds={rounds} median cold_ms={Median(colds):F0} sanitize_ms={Median(sanitizes):F1} median sanitize/cold={Median(colds.Select((c, i) => sanitizes[i] / c).ToArray()):P2}"));
        return lines.ToString();
    }

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
