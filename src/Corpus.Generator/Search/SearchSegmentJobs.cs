using System;
using System.Runtime.CompilerServices;
using System.Threading;
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
    // A job lives as long as the driver keeps its spec (the same object reaches both outputs of a run), and no longer.
    private static readonly ConditionalWeakTable<SearchSegmentSpec, Job> Jobs = new();

    // The characters of each segment's files, once finished (CORPUS020 sums them): kept as long as the driver keeps the spec.
    private static readonly ConditionalWeakTable<SearchSegmentSpec, StrongBox<long>> Sizes = new();

    // Jobs started and not yet taken by a background thread.
    private static readonly BackgroundQueue<Job> Pending = new(static job => job.TryRun());

    /// <summary>Queues the making of <paramref name="spec"/>'s files on a background thread (at most one a core but one). Returns at once.</summary>
    public static void Start(SearchSegmentSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Documents.Count == 0)
        {
            return;
        }

        var job = new Job(spec, cancellationToken);
        lock (Jobs)
        {
            Jobs.Remove(spec);
            Jobs.Add(spec, job);
        }

        Pending.Enqueue(job);
    }

    /// <summary>
    /// <paramref name="spec"/>'s files: those a background thread made, or those it is making once made, or made here
    /// now when no thread has begun them (or when that thread failed: then the failure is met here, on the driver's thread).
    /// </summary>
    public static (string HintName, SourceText Text)[] Finish(SearchSegmentSpec spec, CancellationToken cancellationToken)
    {
        Job? job;
        lock (Jobs)
        {
            if (Jobs.TryGetValue(spec, out job))
            {
                Jobs.Remove(spec);
            }
        }

        var files = job?.Finish(cancellationToken) ?? SearchEmitter.EmitSegment(spec, cancellationToken);
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
    internal static bool IsStarted(SearchSegmentSpec spec)
    {
        lock (Jobs)
        {
            return Jobs.TryGetValue(spec, out _);
        }
    }

    /// <summary>Whether <paramref name="spec"/>'s files were made by a background thread, and not yet finished (the tests).</summary>
    internal static bool IsMade(SearchSegmentSpec spec)
    {
        lock (Jobs)
        {
            return Jobs.TryGetValue(spec, out var job) && job.IsMade;
        }
    }

    /// <summary>One segment's making: queued, under way (by a background thread or the driver's), or done.</summary>
    private sealed class Job(SearchSegmentSpec spec, CancellationToken cancellationToken)
    {
        private const int Queued = 0;
        private const int Running = 1;

        private readonly ManualResetEventSlim _done = new(false);
        private int _state = Queued;
        private (string HintName, SourceText Text)[]? _files;

        /// <summary>Makes the files on this (background) thread unless another has begun them or the build was cancelled.</summary>
        public void TryRun()
        {
            if (cancellationToken.IsCancellationRequested || !TryBegin())
            {
                return;
            }

            try
            {
                _files = SearchEmitter.EmitSegment(spec, cancellationToken);
            }
#pragma warning disable CA1031 // On a background thread an exception would end the compiler: Finish makes the files again on the driver's thread, and what fails is reported there.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
            finally
            {
                _done.Set();
            }
        }

        public (string HintName, SourceText Text)[] Finish(CancellationToken finishing)
        {
            if (TryBegin())
            {
                // No background thread has begun it: made here, on every core, as without the job.
                return SearchEmitter.EmitSegment(spec, finishing);
            }

            _done.Wait(finishing);
            return _files ?? SearchEmitter.EmitSegment(spec, finishing);
        }

        public bool IsMade => Volatile.Read(ref _files) is not null;

        private bool TryBegin() => Interlocked.CompareExchange(ref _state, Running, Queued) == Queued;
    }
}
