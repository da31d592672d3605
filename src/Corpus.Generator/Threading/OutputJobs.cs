using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Corpus.Generator.Threading;

/// <summary>
/// An output's text made early in a full build, on background threads, while the generator's own thread makes the other
/// outputs (the generator's outputs run one after another on one thread, the other cores idle but for this). An
/// implementation output registered before those outputs <see cref="Start"/>s each new or edited spec; the output that
/// adds the text, registered after them, <see cref="Finish"/>es it: takes the text made, waits for one under way, or
/// makes one not yet begun itself. The IDE runs no implementation output, so it starts nothing. Only the time changes:
/// the text is a pure function of its spec, whichever thread makes it.
/// </summary>
internal sealed class OutputJobs<TSpec, TResult>
    where TSpec : class
    where TResult : class
{
    private readonly Func<TSpec, CancellationToken, TResult> _make;

    // A job lives as long as the driver keeps its spec (the same object reaches both outputs of a run), and no longer.
    private readonly ConditionalWeakTable<TSpec, Job> _jobs = new();

    // Jobs started and not yet taken by a background thread.
    private readonly BackgroundQueue<Job> _pending = new(static job => job.TryRun());

    public OutputJobs(Func<TSpec, CancellationToken, TResult> make) => _make = make;

    /// <summary>Queues the making of <paramref name="spec"/>'s text on a background thread. Returns at once.</summary>
    public void Start(TSpec spec, CancellationToken cancellationToken)
    {
        var job = new Job(this, spec, cancellationToken);
        lock (_jobs)
        {
            _jobs.Remove(spec);
            _jobs.Add(spec, job);
        }

        _pending.Enqueue(job);
    }

    /// <summary>
    /// <paramref name="spec"/>'s text: the one a background thread made, or is making once made, or made here now when
    /// no thread has begun it (or when that thread failed: then the failure is met here, on the driver's thread).
    /// </summary>
    public TResult Finish(TSpec spec, CancellationToken cancellationToken)
    {
        Job? job;
        lock (_jobs)
        {
            if (_jobs.TryGetValue(spec, out job))
            {
                _jobs.Remove(spec);
            }
        }

        return job?.Finish(cancellationToken) ?? _make(spec, cancellationToken);
    }

    /// <summary>Whether <paramref name="spec"/> was started and not yet finished (the tests).</summary>
    internal bool IsStarted(TSpec spec)
    {
        lock (_jobs)
        {
            return _jobs.TryGetValue(spec, out _);
        }
    }

    /// <summary>Whether <paramref name="spec"/>'s text was made by a background thread, and not yet finished (the tests).</summary>
    internal bool IsMade(TSpec spec)
    {
        lock (_jobs)
        {
            return _jobs.TryGetValue(spec, out var job) && job.IsMade;
        }
    }

    /// <summary>One spec's making: queued, under way (by a background thread or the driver's), or done.</summary>
    private sealed class Job(OutputJobs<TSpec, TResult> owner, TSpec spec, CancellationToken cancellationToken)
    {
        private const int Queued = 0;
        private const int Running = 1;

        private readonly ManualResetEventSlim _done = new(false);
        private int _state = Queued;
        private TResult? _result;

        /// <summary>Makes the text on this (background) thread unless another has begun it or the build was cancelled.</summary>
        public void TryRun()
        {
            if (cancellationToken.IsCancellationRequested || !TryBegin())
            {
                return;
            }

            try
            {
                _result = owner._make(spec, cancellationToken);
            }
#pragma warning disable CA1031 // On a background thread an exception would end the compiler: Finish makes the text again on the driver's thread, and what fails is reported there.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
            finally
            {
                _done.Set();
            }
        }

        public TResult Finish(CancellationToken finishing)
        {
            if (TryBegin())
            {
                // No background thread has begun it: made here.
                return owner._make(spec, finishing);
            }

            _done.Wait(finishing);
            return _result ?? owner._make(spec, finishing);
        }

        public bool IsMade => Volatile.Read(ref _result) is not null;

        private bool TryBegin() => Interlocked.CompareExchange(ref _state, Running, Queued) == Queued;
    }
}
