using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Corpus.Bench;

/// <summary>
/// The lookup analyzer (issue 13) in process, on the generator's real output for N seeds: the time the compiler's
/// analyzer driver reports for it, against the time of compiling (GetDiagnostics and Emit) the same output, in the same
/// run. "plain" is code with lookups of run-time values only (the usual case, as the bench consumer has); "lookups" adds
/// four constant lookups: an unknown and a known Id, an unknown and a known URL (the URL lookups read every seed's title
/// block; the unknown one compares its URL with all of them); "ids" and "urls" have the two of each kind alone. Each repetition is a new compilation, as each build is.
/// </summary>
internal static class LookupProbe
{
    public static string Run(int count, int times)
    {
        var harness = new GeneratorHarness(count);
        var first = harness.Seeds[0];
        var knownId = Path.GetFileNameWithoutExtension(first.Path);
        var firstText = first.Text.ToString();
        var urlStart = firstText.IndexOf("](", StringComparison.Ordinal) + 2;
        var knownUrl = firstText.Substring(urlStart, firstText.IndexOf(")\n", urlStart, StringComparison.Ordinal) - urlStart);
        var programs = new (string Name, string Source)[]
        {
            ("plain", Program(string.Empty)),
            ("ids", Program($$"""
                public static readonly object?[] Found = { Articles.FindById("{{knownId[..^1]}}x"), Articles.FindById("{{knownId}}") };
                """)),
            ("urls", Program($$"""
                public static readonly object?[] Found = { Articles.FindByUrl("{{knownUrl}}x"), Articles.FindByUrl("{{knownUrl}}") };
                """)),
            ("lookups", Program($$"""
                public static readonly object?[] Found =
                {
                    Articles.FindById("{{knownId[..^1]}}x"),
                    Articles.FindById("{{knownId}}"),
                    Articles.FindByUrl("{{knownUrl}}x"),
                    Articles.FindByUrl("{{knownUrl}}"),
                };
                """)),
        };

        var report = new StringBuilder();
        report.AppendLine("| seeds | program | run | parse + declare (ms) | analyzer (ms, driver's account) | analyzer pass (ms, wall) | compile: GetDiagnostics + Emit (ms) | analyzer / compile | CORPUS015 / 016 |");
        report.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---|");
        for (var run = 1; run <= times; run++)
        {
            foreach (var (name, source) in programs)
            {
                var compilation = harness.Compilation.WithReferences(CompileProbe.References())
                    .ReplaceSyntaxTree(harness.Compilation.SyntaxTrees[0], CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, "/bench/project/Program.cs"));
                harness.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

                var analyzer = new ArticleLookupAnalyzer();
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(harness.Seeds.CastArray<AdditionalText>(), harness.Options),
                    onAnalyzerException: null,
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: true);
                var withAnalyzer = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);

                // Work the compiler does for the build anyway, whoever asks first: parsing the generated files, declaring
                // their types and the generated class's members. Done first, on the compilation the analyzer runs on,
                // so that the driver's account is the analyzer's own work.
                var watch = Stopwatch.StartNew();
                foreach (var tree in output.SyntaxTrees)
                {
                    tree.GetRoot();
                }

                withAnalyzer.Compilation.GetTypeByMetadataName("Consumer.Articles")?.GetMembers();
                var shared = watch.Elapsed;

                watch.Restart();
                var diagnostics = withAnalyzer.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var pass = watch.Elapsed;
                var own = withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;

                // The same output compiled without the analyzer: a fresh copy, so that nothing bound above is reused.
                var fresh = output.RemoveAllSyntaxTrees().AddSyntaxTrees(output.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), GeneratorHarness.ParseOptions, t.FilePath)));
                watch.Restart();
                var errors = fresh.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                using (var stream = new MemoryStream())
                {
                    var emit = fresh.Emit(stream);
                    errors += emit.Success ? 0 : 1;
                }

                var compile = watch.Elapsed;
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {count} | {name} | {run} | {shared.TotalMilliseconds:F0} | {own.TotalMilliseconds:F1} | {pass.TotalMilliseconds:F1} | {compile.TotalMilliseconds:F0} | {own.TotalMilliseconds / compile.TotalMilliseconds:P2} | {diagnostics.Count(d => d.Id == "CORPUS015")} / {diagnostics.Count(d => d.Id == "CORPUS016")}{(errors > 0 ? $" ({errors} compile errors)" : string.Empty)} |");
            }
        }

        return report.ToString();
    }

    private static string Program(string members) => $$"""
        namespace Consumer;

        public static class Program
        {
            public static int Touch()
            {
                var found = 0;
                foreach (var article in Articles.All)
                {
                    found += Articles.FindById(article.Id) is null ? 0 : 1;
                    found += Articles.FindByUrl(article.Url) is null ? 0 : 1;
                }

                return found;
            }

            {{members}}
        }
        """;
}
