using System.Runtime.CompilerServices;
using System.Threading;
using Corpus.Generator.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Search;

/// <summary>
/// Each segment's files made early in a full build (<see cref="SearchEmitter.EmitSegment"/>), on background threads,
/// while the generator's own thread makes the other outputs (the members, the records, the chunks: about a second on
/// one core at 10,000 seeds, the other cores idle but for this). An implementation output registered before those
/// outputs <see cref="Start"/>s each new or edited segment; the index's output, registered last, <see cref="Finish"/>es
/// it: takes the files made, waits for a segment under way, or makes one not yet started itself. The IDE runs no
/// implementation output, so it starts nothing. Only the time changes: a segment's files are a pure function of its
/// spec, whichever thread makes them.
/// </summary>
internal static class SearchSegmentJobs
{
    private static readonly OutputJobs<SearchSegmentSpec, (string HintName, SourceText Text)[]> Jobs = new(static (spec, cancellationToken) => SearchEmitter.EmitSegment(spec, cancellationToken));

    // The characters of each segment's files, once finished (CORPUS020 sums them): kept as long as the driver keeps the spec.
    private static readonly ConditionalWeakTable<SearchSegmentSpec, StrongBox<long>> Sizes = new();

    /// <summary>Queues the making of <paramref name="spec"/>'s files on a background thread (at most one a core but one). Returns at once.</summary>
    public static void Start(SearchSegmentSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Documents.Count > 0)
        {
            Jobs.Start(spec, cancellationToken);
        }
    }

    /// <summary>
    /// <paramref name="spec"/>'s files: those a background thread made, or those it is making once made, or made here
    /// now when no thread has begun them (or when that thread failed: then the failure is met here, on the driver's thread).
    /// </summary>
    public static (string HintName, SourceText Text)[] Finish(SearchSegmentSpec spec, CancellationToken cancellationToken)
    {
        var files = Jobs.Finish(spec, cancellationToken);
        long characters = 0;
        foreach (var (_, text) in files)
        {
            characters += text.Length;
        }

        Sizes.GetValue(spec, static _ => new StrongBox<long>()).Value = characters;
        return files;
    }

    /// <summary>The characters of <paramref name="segments"/>' files, as <see cref="Finish"/> made them (a segment not finished counts none).</summary>
    public static long Characters(System.Collections.Immutable.ImmutableArray<SearchSegmentSpec> segments)
    {
        long characters = 0;
        foreach (var segment in segments)
        {
            if (Sizes.TryGetValue(segment, out var size))
            {
                characters += size.Value;
            }
        }

        return characters;
    }

    /// <summary>Whether <paramref name="spec"/> was started and not yet finished (the tests: which builds start segments).</summary>
    internal static bool IsStarted(SearchSegmentSpec spec) => Jobs.IsStarted(spec);

    /// <summary>Whether <paramref name="spec"/>'s files were made by a background thread, and not yet finished (the tests).</summary>
    internal static bool IsMade(SearchSegmentSpec spec) => Jobs.IsMade(spec);
}
