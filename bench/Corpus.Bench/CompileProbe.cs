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
        stopwatch.Restart();
        var diagnostics = output.GetDiagnostics();
        var bind = stopwatch.Elapsed;
        stopwatch.Restart();
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var emitTime = stopwatch.Elapsed;
        var compileCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var errors = diagnostics.Concat(emit.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {count} | {harness.Bytes / 1e6:F1} | {generated.Length} | {chars / 1e6:F1} | {generate.TotalSeconds:F2} | {generatorCpu.TotalSeconds:F2} | {bind.TotalSeconds:F2} | {emitTime.TotalSeconds:F2} | {compileCpu.TotalSeconds:F2} | {stream.Length / 1e6:F1} | {GC.GetTotalAllocatedBytes() / 1e9:F1} | {Environment.WorkingSet / 1e6:F0} | {(errors.Count == 0 && emit.Success ? "ok" : string.Join("; ", errors))} |");
        return report.ToString();
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
        using (var stream = new MemoryStream())
        {
            output.Emit(stream);
        }

        var middle = harness.Seeds.Length / 2;
        driver = driver.ReplaceAdditionalText(harness.Seeds[middle], harness.EditedBody(middle, "edit"));
        GC.Collect();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var edited, out _);
        var generate = stopwatch.Elapsed;
        stopwatch.Restart();
        var diagnostics = edited.GetDiagnostics();
        var bind = stopwatch.Elapsed;
        stopwatch.Restart();
        using var emitted = new MemoryStream();
        var emit = edited.Emit(emitted);
        var emitTime = stopwatch.Elapsed;
        var editCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var ok = emit.Success && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps
            .Select(step => (step.Key, Seconds: step.Value.Sum(run => run.ElapsedTime.TotalSeconds)))
            .OrderByDescending(step => step.Seconds)
            .Take(6)
            .Select(step => string.Create(CultureInfo.InvariantCulture, $"{step.Key} {step.Seconds:F2}"));
        Console.Error.WriteLine("slowest steps of the edit run (s): " + string.Join(", ", steps));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {generate.TotalSeconds:F2} | {bind.TotalSeconds:F2} | {emitTime.TotalSeconds:F2} | {editCpu.TotalSeconds:F2} | {emitted.Length / 1e6:F1} | {(ok ? "ok" : "errors")} |\n");
    }

    /// <summary>One index segment written again, as a seed edit writes it: the index writer, the packing, the whole file.</summary>
    public static string Segment(int count)
    {
        var harness = new GeneratorHarness(count);
        var run = harness.CreateDriver(trackSteps: true).RunGenerators(harness.Compilation).GetRunResult().Results.Single();
        var spec = (Corpus.Generator.Search.SearchSegmentSpec)run.TrackedSteps["SearchSegments"].SelectMany(step => step.Outputs).First().Value;
        var articles = run.TrackedSteps["SeedResults"].SelectMany(step => step.Outputs)
            .Select(output => ((Corpus.Generator.Model.SeedResult)output.Value).Article).OfType<Corpus.Generator.Model.ArticleModel>().ToList();
        var stopwatch = Stopwatch.StartNew();
        foreach (var article in articles)
        {
            Corpus.Generator.Search.SearchDocument.Of(article);
        }

        var analyse = stopwatch.Elapsed;
        stopwatch.Restart();
        var (directory, blocks) = Corpus.Generator.Search.SearchIndexWriter.Write(spec.Documents);
        var write = stopwatch.Elapsed;
        stopwatch.Restart();
        var packed = blocks.Sum(b => (long)global::SearchIndexFormat.Pack(b, b.Length).Length);
        var pack = stopwatch.Elapsed;
        stopwatch.Restart();
        var text = Corpus.Generator.Search.SearchEmitter.EmitSegment(spec);
        var file = text.Length;
        var emit = stopwatch.Elapsed;
        stopwatch.Restart();
        CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions).GetRoot();
        var parse = stopwatch.Elapsed;
        return string.Create(CultureInfo.InvariantCulture,
            $"{articles.Count} articles analysed {analyse.TotalSeconds:F2} s; segment of {spec.Documents.Count} documents: parse of its file {parse.TotalSeconds:F2} s, write {write.TotalSeconds:F2} s ({blocks.Count} blocks, {directory.Length + blocks.Sum(b => b.Length)} bytes), pack {pack.TotalSeconds:F2} s ({packed} chars), whole file {emit.TotalSeconds:F2} s ({file} chars)");
    }

    public const string EditHeader = "| seeds | generator after one seed's edit (s) | GetDiagnostics (s) | Emit (s) | edit CPU (s) | assembly MB |\n|---:|---:|---:|---:|---:|---:|---|";

    /// <summary>The running runtime's assemblies that the generated code needs.</summary>
    public static MetadataReference[] References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Collections.dll" or "System.Runtime.Extensions.dll" or "System.Linq.dll" or "System.ComponentModel.Primitives.dll" or "System.Memory.dll" or "System.Text.Encoding.Extensions.dll" or "System.Threading.dll" or "System.Private.Uri.dll")
            .Select(p => MetadataReference.CreateFromFile(p)).ToArray();

    public const string Header = "| seeds | seed MB | generated files | generated M chars | generator (s) | generator CPU (s) | GetDiagnostics (s) | Emit (s) | compile CPU (s) | assembly MB | allocated GB (process) | working set MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
}
