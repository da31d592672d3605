using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Corpus.Bench;

/// <summary>
/// Issue 6 (b): which pipeline steps re-ran after each edit, from the driver's step tracking
/// (<c>trackIncrementalGeneratorSteps</c>, tracking names of <c>TrackingNames</c>), with one timed run of each.
/// Timings here include the tracking overhead; the BenchmarkDotNet figures are without it.
/// </summary>
internal static class StepReport
{
    private static readonly string[] Steps = ["SeedFiles", "ReadOptions", "EmitSettings", "SeedResults", "Summaries", "Records", "IndexEntries", "Index", "Members", "Chunks"];

    public static string Run(int count)
    {
        var harness = new GeneratorHarness(count);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Step reasons, {count:N0} seeds ({harness.Bytes / 1e6:F1} MB)");
        report.AppendLine();
        report.AppendLine("Outputs of each tracked step by reason (N = New, M = Modified, C = Cached, U = Unchanged, R = Removed); `re-read` lists the seeds whose SeedResults step ran (re-parsed).");
        report.AppendLine();
        report.AppendLine("| run | time (ms, tracked) | " + string.Join(" | ", Steps) + " | re-read | generated files |");
        report.AppendLine("|---|---:|" + string.Concat(Enumerable.Repeat("---|", Steps.Length)) + "---|---:|");

        var stopwatch = Stopwatch.StartNew();
        var cold = harness.CreateDriver(trackSteps: true).RunGenerators(harness.Compilation);
        Row(report, "cold", stopwatch.Elapsed, cold.GetRunResult());

        var middle = harness.Seeds.Length / 2;
        var edits = new (string Name, Func<GeneratorDriver> Driver, Func<GeneratorDriver, GeneratorDriver> Run)[]
        {
            ("one seed's body edited (" + SeedId(harness, middle) + ")", () => cold.ReplaceAdditionalText(harness.Seeds[middle], harness.EditedBody(middle, "steps")), d => d.RunGenerators(harness.Compilation)),
            ("one seed's title edited (" + SeedId(harness, middle) + ")", () => cold.ReplaceAdditionalText(harness.Seeds[middle], harness.EditedTitle(middle, "steps")), d => d.RunGenerators(harness.Compilation)),
            ("unrelated .cs edit", () => cold, d => d.RunGenerators(harness.WithUnrelatedEdit(1))),
            ("nothing changed", () => cold, d => d.RunGenerators(harness.Compilation)),
        };
        foreach (var (name, driver, run) in edits)
        {
            var before = driver();
            stopwatch.Restart();
            var after = run(before);
            Row(report, name, stopwatch.Elapsed, after.GetRunResult());
        }

        report.AppendLine();
        return report.ToString();
    }

    private static string SeedId(GeneratorHarness harness, int index) =>
        System.IO.Path.GetFileNameWithoutExtension(harness.Seeds[index].Path);

    private static void Row(StringBuilder report, string name, TimeSpan elapsed, GeneratorDriverRunResult result)
    {
        var run = result.Results.Single();
        if (run.Exception is not null)
        {
            throw new InvalidOperationException("The generator failed.", run.Exception);
        }

        var cells = Steps.Select(step => run.TrackedSteps.TryGetValue(step, out var executions) ? Reasons(executions) : "–");
        var reRead = run.TrackedSteps.TryGetValue("SeedResults", out var seedResults)
            ? seedResults.SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            : 0;
        var reReadIds = run.TrackedSteps.TryGetValue("SeedResults", out var results) && reRead <= 3
            ? string.Join(", ", results.Where(s => s.Outputs.Any(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified))
                .SelectMany(s => s.Inputs).Select(i => i.Source.Outputs[i.OutputIndex].Value)
                .Select(v => v is System.Runtime.CompilerServices.ITuple { Length: > 0 } t && t[0] is AdditionalText file ? System.IO.Path.GetFileNameWithoutExtension(file.Path) : "?"))
            : string.Empty;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {elapsed.TotalMilliseconds:F0} | {string.Join(" | ", cells)} | {reRead}{(reReadIds.Length > 0 ? " (" + reReadIds + ")" : string.Empty)} | {run.GeneratedSources.Length} |");
    }

    private static string Reasons(IEnumerable<IncrementalGeneratorRunStep> executions)
    {
        var counts = executions.SelectMany(e => e.Outputs).GroupBy(o => o.Reason).ToDictionary(g => g.Key, g => g.Count());
        var parts = new List<string>();
        foreach (var (reason, letter) in new[] { (IncrementalStepRunReason.New, "N"), (IncrementalStepRunReason.Modified, "M"), (IncrementalStepRunReason.Cached, "C"), (IncrementalStepRunReason.Unchanged, "U"), (IncrementalStepRunReason.Removed, "R") })
        {
            if (counts.TryGetValue(reason, out var n))
            {
                parts.Add(letter + n.ToString(CultureInfo.InvariantCulture));
            }
        }

        return parts.Count == 0 ? "0" : string.Join(" ", parts);
    }
}
