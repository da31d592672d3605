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
        var settings = new EmitSettings(new EmitOptions("Consumer", "Articles", false, "bench"), EquatableArray<DiagnosticInfo>.Empty, (int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12);
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
