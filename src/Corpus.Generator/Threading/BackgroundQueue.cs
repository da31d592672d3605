using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Corpus.Generator.Threading;

/// <summary>
/// Work handed to background threads while the generator's own thread goes on: at most one thread a core but one (that
/// one is the generator's), each draining the queue and let go when it is empty. The work must not throw: on a
/// background thread an exception would end the compiler.
/// </summary>
internal sealed class BackgroundQueue<T>(Action<T> work)
{
    private readonly ConcurrentQueue<T> _pending = new();
    private int _draining;

    private static int Threads => Math.Max(1, ProcessorCores.Count - 1);

    public bool IsEmpty => _pending.IsEmpty;

    public void Enqueue(T item)
    {
        _pending.Enqueue(item);
        if (TryStartDraining())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static queue => ((BackgroundQueue<T>)queue!).Drain(), this);
        }
    }

    /// <summary>A background thread's work: the queue drained, then the thread let go, unless more came meanwhile.</summary>
    private void Drain()
    {
        do
        {
            while (_pending.TryDequeue(out var item))
            {
                work(item);
            }

            Interlocked.Decrement(ref _draining);
        }
        while (!_pending.IsEmpty && TryStartDraining());
    }

    /// <summary>Whether one more background thread may drain the queue (and is counted): fewer than <see cref="Threads"/> do.</summary>
    private bool TryStartDraining()
    {
        var draining = Volatile.Read(ref _draining);
        return draining < Threads && Interlocked.CompareExchange(ref _draining, draining + 1, draining) == draining;
    }
}
