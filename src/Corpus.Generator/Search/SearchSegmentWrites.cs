using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Corpus.Generator.Search;

/// <summary>
/// A clean build's segments written all at once, beside the generator's other work. The driver runs the outputs one
/// after another on one thread (the members, the data chunks, then one segment after the other), so a segment written
/// by its own output leaves cores idle. A segment none of whose articles was planned into a segment before (a clean
/// build, or a project new to the compiler server) is started on the thread pool as soon as it is planned
/// (<see cref="Start"/>), its cores shared with the others started; its output then takes the text (<see cref="Text"/>).
/// A segment with articles planned before (an edit: the driver writes the changed segment alone) is written by its
/// output, on every core.
/// </summary>
internal static class SearchSegmentWrites
{
    private static readonly object Seen = new();

    // Weak keys: an article's mark, and a started text, live as long as the driver keeps the article or the segment.
    private static readonly ConditionalWeakTable<SearchDocument, object> Planned = new();
    private static readonly ConditionalWeakTable<SearchSegmentSpec, Lazy<string>> Started = new();

    /// <summary>The segments, as planned; those whose articles are all new started on the thread pool.</summary>
    public static IReadOnlyList<SearchSegmentSpec> Start(IEnumerable<SearchSegmentSpec> segments, CancellationToken cancellationToken)
    {
        var planned = segments.ToList();
        var fresh = planned.Where(s => s.Documents.Count > 0 && !s.Documents.Any(d => Planned.TryGetValue(d, out _))).ToList();
        foreach (var segment in planned)
        {
            foreach (var document in segment.Documents)
            {
                Planned.GetValue(document, static _ => Seen);
            }
        }

        // The cores shared among the segments started: each on fewer partitions reads its documents fewer times.
        var cores = Math.Max(1, SearchIndexWriter.Cores / Math.Max(1, fresh.Count));
        foreach (var segment in fresh)
        {
            var partitions = Math.Min(cores, SearchIndexWriter.DefaultPartitions(segment.Documents.Count));
            var text = Started.GetValue(segment, s => new Lazy<string>(() => SearchEmitter.EmitSegment(s, partitions, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
            ThreadPool.QueueUserWorkItem(static state => Write((Lazy<string>)state!), text);
        }

        return planned;
    }

    /// <summary>The segment's file: the one started for it, or written now.</summary>
    public static string Text(SearchSegmentSpec segment, CancellationToken cancellationToken) =>
        Started.TryGetValue(segment, out var text) ? text.Value : SearchEmitter.EmitSegment(segment, cancellationToken);

    private static void Write(Lazy<string> text)
    {
        try
        {
            _ = text.Value;
        }
        catch (Exception)
        {
            // Kept by the Lazy: the segment's output asks for the text again and the generator fails there, where the
            // driver reports it. A pool thread must never let it escape (that would end the compiler's process).
        }
    }
}
