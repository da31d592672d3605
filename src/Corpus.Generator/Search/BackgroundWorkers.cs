using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Corpus.Generator.Search;

/// <summary>
/// Work for the cores the driver's one thread leaves idle: queued, and done by at most <c>limit</c> background threads
/// of their own at once, started when work comes and ended when none is left (not the thread pool's: the compiler
/// server needs those, and a worker here runs for as long as a clean build reads its seeds). Each piece of work is a
/// <see cref="Lazy{T}"/> the generator asks for later: done here, it is ready then; not yet started, the generator's
/// thread does it itself. A failure stays in the Lazy and is met where the generator asks (the driver reports it); it
/// never escapes a worker, which would end the compiler's process.
/// </summary>
internal sealed class BackgroundWorkers
{
    private readonly ConcurrentQueue<(Func<object> Work, CancellationToken CancellationToken)> _waiting = new();
    private readonly string _name;
    private readonly int _limit;
    private int _workers;

    public BackgroundWorkers(string name, int limit)
    {
        _name = name;
        _limit = limit;
    }

    /// <summary>Queues the value's work, unless it is done; skipped once <paramref name="cancellationToken"/> is cancelled.</summary>
    public void Queue<T>(Lazy<T> value, CancellationToken cancellationToken)
    {
        if (value.IsValueCreated || _limit < 1)
        {
            return;
        }

        _waiting.Enqueue((() => value.Value!, cancellationToken));
        if (TryClaimWorker())
        {
            new Thread(Drain) { IsBackground = true, Name = _name }.Start();
        }
    }

    private bool TryClaimWorker()
    {
        var workers = Volatile.Read(ref _workers);
        while (workers < _limit)
        {
            var seen = Interlocked.CompareExchange(ref _workers, workers + 1, workers);
            if (seen == workers)
            {
                return true;
            }

            workers = seen;
        }

        return false;
    }

    private void Drain()
    {
        do
        {
            while (_waiting.TryDequeue(out var item))
            {
                if (item.CancellationToken.IsCancellationRequested)
                {
                    continue;
                }

                try
                {
                    _ = item.Work();
                }
                catch (Exception)
                {
                    // Kept by the Lazy (see the summary).
                }
            }

            Interlocked.Decrement(ref _workers);
        }

        // Work queued between the last dequeue and the decrement: this worker goes on, unless another took it.
        while (!_waiting.IsEmpty && TryClaimWorker());
    }
}
