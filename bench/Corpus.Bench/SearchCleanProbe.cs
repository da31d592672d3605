using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator;
using Corpus.Generator.Model;
using Corpus.Generator.Search;

namespace Corpus.Bench;

/// <summary>
/// The search index's part of a clean build, stage by stage, in a fresh process as the command-line compiler runs it
/// (run it with <c>DOTNET_gcServer=1</c>: csc's runtimeconfig turns Server GC on): every article analysed (the
/// generator's <see cref="SearchDocumentCache"/>, on every core), then each segment written and its files' texts and
/// compiler texts made, a part a thread (<see cref="SearchSegmentParts"/>; <see cref="SearchSegmentText"/>: the UTF-16
/// bytes, the checksum, the PDB blob). Per stage: wall and CPU time, the GC's pauses, bytes allocated and the
/// collections of each generation it caused (issue 23's clean-build cost).
/// </summary>
internal static class SearchCleanProbe
{
    public const string Header = "| stage | wall (s) | CPU (s) | GC pauses (s) | allocated (MB) | gen0 / gen1 / gen2 |\n|---|---:|---:|---:|---:|---|";

    public static string Run(string directory)
    {
        var articles = SearchSize.Articles(directory);
        var text = new StringBuilder();
        var total = new Stage("the index, in all");
        var documents = Stage.Time("analysis (SearchDocumentCache.Of)", text, () => SearchDocumentCache.Of([.. articles], CancellationToken.None));
        var settings = Settings(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12);
        foreach (var spec in SearchPlan.Segments(documents, settings).Where(s => s.Documents.Count > 0))
        {
            var name = "segment " + spec.Segment.ToString(CultureInfo.InvariantCulture) + ": ";
            var (d, blocks) = Stage.Time(name + "write (SearchSegmentUpdate.Write)", text, () => SearchSegmentUpdate.Write(spec.Documents, CancellationToken.None));
            // As the generator makes them: each part's packing, text and compiler text on its own thread.
            var parts = SearchSegmentParts.Split(SearchSegmentParts.Constants(d, blocks), SearchSegmentParts.PartCharacters).Count;
            Stage.Time(name + "files and compiler texts, " + parts.ToString(CultureInfo.InvariantCulture) + " parts (SearchSegmentParts.Texts)", text, () => SearchSegmentParts.Texts(spec, d, blocks, CancellationToken.None));
        }

        total.End(text);
        return text.ToString();
    }

    /// <summary>
    /// One seed edited after a full write, as a build after that edit makes it: the first article's text one word longer
    /// (what bench/search.sh's edit does), analysed again, its segment written from the previous write and its files'
    /// texts and compiler texts made; then the same texts' packing alone, and their UTF-16 hash and PDB blob alone.
    /// </summary>
    public static string Edit(string directory, int rounds)
    {
        var articles = SearchSize.Articles(directory);
        var text = new StringBuilder();
        var settings = Settings(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12);
        var documents = SearchDocumentCache.Of([.. articles], CancellationToken.None);
        var first = SearchPlan.Segments(documents, settings).First(s => s.Documents.Count > 0);
        SearchSegmentUpdate.Write(first.Documents, CancellationToken.None);
        for (var round = 1; round <= rounds; round++)
        {
            var edited = articles[0] with { Text = articles[0].Text.Replace("\n", " bench" + round.ToString(CultureInfo.InvariantCulture) + "\n", StringComparison.Ordinal) };
            articles[0] = edited;
            var name = "edit " + round.ToString(CultureInfo.InvariantCulture) + ": ";
            var again = Stage.Time(name + "analysis", text, () => SearchDocumentCache.Of([.. articles], CancellationToken.None));
            var spec = SearchPlan.Segments(again, settings).First(s => s.Documents.Count > 0);
            var (d, blocks) = Stage.Time(name + "write (SearchSegmentUpdate.Write)", text, () => SearchSegmentUpdate.Write(spec.Documents, CancellationToken.None));
            var files = Stage.Time(name + "files only (packing, UTF-16 chars)", text, () => SearchSegmentParts.Make(spec, d, blocks, SearchSegmentParts.PartCharacters, static (_, file) => file, CancellationToken.None));
            Stage.Time(name + "compiler texts only (hash, blob), parallel", text, () => { System.Threading.Tasks.Parallel.ForEach(files, f => Corpus.Generator.Emitting.EmbeddedSourceText.From(f)); return 0; });
            Stage.Time(name + "files and compiler texts (SearchSegmentParts.Texts)", text, () => SearchSegmentParts.Texts(spec, d, blocks, CancellationToken.None));
        }

        return text.ToString();
    }

    /// <summary>
    /// What the compiler does with the index's files in every build, changed or not (the compiler server parses every
    /// generated file again and embeds each in the PDB; <c>EmbeddedText.FromSource</c> runs even with <c>/debug-</c>):
    /// the segments' texts as the generator hands them over, then parsed, bound and emitted alone with the PDB and
    /// their embedded texts, one thread. The floor of a seed edit's index cost that no format of local edits removes.
    /// </summary>
    public static string Compile(string directory, int rounds)
    {
        var articles = SearchSize.Articles(directory);
        var settings = Settings(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9);
        var documents = SearchDocumentCache.Of([.. articles], CancellationToken.None);
        var texts = new List<(string HintName, Microsoft.CodeAnalysis.Text.SourceText Text)>();
        foreach (var spec in SearchPlan.Segments(documents, settings).Where(s => s.Documents.Count > 0))
        {
            var (d, blocks) = SearchSegmentUpdate.Write(spec.Documents, CancellationToken.None);
            texts.AddRange(SearchSegmentParts.Texts(spec, d, blocks, CancellationToken.None));
        }

        var characters = texts.Sum(t => (long)t.Text.Length);
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count} files, {characters / 1e6:F1} M characters"));
        text.AppendLine("| round | parse (s) | bind and emit, PDB with the texts embedded (s) | assembly MB |\n|---:|---:|---:|---:|");
        var parseOptions = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9);
        for (var round = 1; round <= rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            var trees = texts.Select(t => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(t.Text, parseOptions, t.HintName)).ToArray();
            var parse = stopwatch.Elapsed;
            stopwatch.Restart();
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Index", trees, CompileProbe.References(), new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, optimizationLevel: Microsoft.CodeAnalysis.OptimizationLevel.Release, deterministic: true));
            using var assembly = new System.IO.MemoryStream();
            using var pdb = new System.IO.MemoryStream();
            var emitted = compilation.Emit(assembly, pdb, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb), embeddedTexts: texts.Select(t => Microsoft.CodeAnalysis.EmbeddedText.FromSource(t.HintName, t.Text)));
            var emit = stopwatch.Elapsed;
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join("; ", emitted.Diagnostics.Take(3)));
            }

            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {parse.TotalSeconds:F3} | {emit.TotalSeconds:F3} | {assembly.Length / 1e6:F1} |"));
        }

        return text.ToString();
    }

    /// <summary>A console app's settings (the bench's consumer) at C# <paramref name="version"/>.</summary>
    private static EmitSettings Settings(Microsoft.CodeAnalysis.CSharp.LanguageVersion version) =>
        new(new EmitOptions("Consumer", "Articles", false, "bench"), EquatableArray<DiagnosticInfo>.Empty, (int)version);

    private sealed class Stage(string name)
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: true);
        private readonly TimeSpan _paused = GC.GetTotalPauseDuration();
        private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

        public static T Time<T>(string name, StringBuilder text, Func<T> stage)
        {
            var timer = new Stage(name);
            var result = stage();
            timer.End(text);
            return result;
        }

        public void End(StringBuilder text)
        {
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds;
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - _allocated) / 1e6;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {_wall.Elapsed.TotalSeconds:F3} | {cpu:F3} | {(GC.GetTotalPauseDuration() - _paused).TotalSeconds:F3} | {allocated:F0} | {GC.CollectionCount(0) - _collections[0]} / {GC.CollectionCount(1) - _collections[1]} / {GC.CollectionCount(2) - _collections[2]} |"));
        }
    }
}
