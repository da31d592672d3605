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
        var stopwatch = Stopwatch.StartNew();
        var driver = harness.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var generate = stopwatch.Elapsed;
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
            $"| {count} | {harness.Bytes / 1e6:F1} | {generated.Length} | {chars / 1e6:F1} | {generate.TotalSeconds:F2} | {bind.TotalSeconds:F2} | {emitTime.TotalSeconds:F2} | {compileCpu.TotalSeconds:F2} | {stream.Length / 1e6:F1} | {GC.GetTotalAllocatedBytes() / 1e9:F1} | {Environment.WorkingSet / 1e6:F0} | {(errors.Count == 0 && emit.Success ? "ok" : string.Join("; ", errors))} |");
        return report.ToString();
    }

    /// <summary>The running runtime's assemblies that the generated code needs.</summary>
    public static MetadataReference[] References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Collections.dll" or "System.Runtime.Extensions.dll" or "System.Linq.dll" or "System.ComponentModel.Primitives.dll" or "System.Memory.dll" or "System.Text.Encoding.Extensions.dll" or "System.Threading.dll" or "System.Private.Uri.dll")
            .Select(p => MetadataReference.CreateFromFile(p)).ToArray();

    public const string Header = "| seeds | seed MB | generated files | generated M chars | generator (s) | GetDiagnostics (s) | Emit (s) | compile CPU (s) | assembly MB | allocated GB (process) | working set MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
}
