using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Corpus.Bench;

/// <summary>
/// Where a whole build's compile time goes, in process: the generator, then parsing, binding and emitting the
/// generated code, against the running runtime's assemblies. One shot; for evidence, not for the bars.
/// </summary>
internal static class CompileProbe
{
    public static string Run(int count)
    {
        var harness = new GeneratorHarness(count);
        var compilation = harness.Compilation.WithReferences(References());
        var report = new StringBuilder();
        GC.Collect();
        var generatorCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var driver = harness.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var generate = stopwatch.Elapsed;
        generatorCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - generatorCpu;
        var generated = driver.GetRunResult().GeneratedTrees;
        var chars = generated.Sum(t => (long)t.Length);
        GC.Collect();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var compiled = BindAndEmit(output);
        var compileCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {count} | {harness.Bytes / 1e6:F1} | {generated.Length} | {chars / 1e6:F1} | {generate.TotalSeconds:F2} | {generatorCpu.TotalSeconds:F2} | {compiled.Bind.TotalSeconds:F2} | {compiled.Emit.TotalSeconds:F2} | {compileCpu.TotalSeconds:F2} | {compiled.Bytes / 1e6:F1} | {GC.GetTotalAllocatedBytes() / 1e9:F1} | {Environment.WorkingSet / 1e6:F0} | {compiled.Outcome} |");
        return report.ToString();
    }

    /// <summary>What the compiler does after the generators: binding (<c>GetDiagnostics</c>) and emitting, timed apart.</summary>
    private static (TimeSpan Bind, TimeSpan Emit, long Bytes, string Outcome) BindAndEmit(Compilation compilation)
    {
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = compilation.GetDiagnostics();
        var bind = stopwatch.Elapsed;
        stopwatch.Restart();
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        var emitTime = stopwatch.Elapsed;
        var errors = diagnostics.Concat(emit.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        return (bind, emitTime, stream.Length, errors.Count == 0 && emit.Success ? "ok" : string.Join("; ", errors));
    }

    /// <summary>
    /// The edit loop in process: a cold run and compile, then one seed's body edited and the generator run again, the
    /// new compilation bound and emitted as a compiler server would (the unchanged generated trees are reused).
    /// </summary>
    public static string Edit(int count)
    {
        var harness = new GeneratorHarness(count);
        var compilation = harness.Compilation.WithReferences(References());
        var driver = harness.CreateDriver(trackSteps: true).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Console.Error.WriteLine("slowest steps of the cold run (s): " + SlowestSteps(driver));
        BindAndEmit(output);

        var middle = harness.Seeds.Length / 2;
        driver = driver.ReplaceAdditionalText(harness.Seeds[middle], harness.EditedBody(middle, "edit"));
        GC.Collect();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var edited, out _);
        var generate = stopwatch.Elapsed;
        var compiled = BindAndEmit(edited);
        var editCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.Error.WriteLine("slowest steps of the edit run (s): " + SlowestSteps(driver));
        Console.Error.WriteLine("embedding the generated texts in the PDB, as the compiler does each build (CPU s): " + EmbeddingCost(driver.GetRunResult().GeneratedTrees));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {generate.TotalSeconds:F2} | {compiled.Bind.TotalSeconds:F2} | {compiled.Emit.TotalSeconds:F2} | {editCpu.TotalSeconds:F2} | {compiled.Bytes / 1e6:F1} | {compiled.Outcome} |\n");
    }

    /// <summary>
    /// What the command-line compiler does with every generated tree in every build, changed or not (CommonCompiler:
    /// <c>EmbeddedText.FromSource</c>, the text encoded and deflated for the PDB), the search segments' apart.
    /// </summary>
    private static string EmbeddingCost(System.Collections.Immutable.ImmutableArray<SyntaxTree> trees)
    {
        var search = TimeSpan.Zero;
        var other = TimeSpan.Zero;
        long searchBytes = 0, otherBytes = 0;
        foreach (var tree in trees)
        {
            var text = tree.GetText();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var embedded = EmbeddedText.FromSource(tree.FilePath, text);
            var spent = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var isSearch = tree.FilePath.Contains("Corpus.Search.", StringComparison.Ordinal);
            if (isSearch)
            {
                search += spent;
                searchBytes += text.Encoding!.GetByteCount(text.ToString());
            }
            else
            {
                other += spent;
                otherBytes += text.Encoding!.GetByteCount(text.ToString());
            }

            GC.KeepAlive(embedded);
        }

        return string.Create(CultureInfo.InvariantCulture, $"search segments {search.TotalSeconds:F2} ({searchBytes / 1e6:F1} MB encoded), the other files {other.TotalSeconds:F2} ({otherBytes / 1e6:F1} MB)");
    }

    /// <summary>The six steps of the last run that took longest, their runs' times summed (wall time: parallel steps overlap).</summary>
    private static string SlowestSteps(GeneratorDriver driver) =>
        string.Join(", ", driver.GetRunResult().Results.Single().TrackedSteps
            .Select(step => (step.Key, Seconds: step.Value.Sum(run => run.ElapsedTime.TotalSeconds)))
            .OrderByDescending(step => step.Seconds)
            .Take(6)
            .Select(step => string.Create(CultureInfo.InvariantCulture, $"{step.Key} {step.Seconds:F2}")));

    public const string EditHeader = "| seeds | generator after one seed's edit (s) | GetDiagnostics (s) | Emit (s) | edit CPU, generator included (s) | assembly MB | errors |\n|---:|---:|---:|---:|---:|---:|---|";

    /// <summary>The running runtime's assemblies that the generated code needs.</summary>
    public static MetadataReference[] References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Collections.dll" or "System.Runtime.Extensions.dll" or "System.Linq.dll" or "System.ComponentModel.Primitives.dll" or "System.Memory.dll" or "System.Text.Encoding.Extensions.dll" or "System.Threading.dll" or "System.Private.Uri.dll")
            .Select(p => MetadataReference.CreateFromFile(p)).ToArray();

    public const string Header = "| seeds | seed MB | generated files | generated M chars | generator (s) | generator CPU (s) | GetDiagnostics (s) | Emit (s) | compile CPU (s) | assembly MB | allocated GB (process) | working set MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
}
