using System;
using System.Linq;
using System.Threading;
using Corpus.Generator.Search;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// The background threads the generator's search work uses beside the driver's (<see cref="BackgroundWorkers"/>):
/// every piece queued is done once, by at most the limit of threads at once, a failure stays in its Lazy, and work
/// queued under a cancelled token is left to whoever asks for it.
/// </summary>
public sealed class BackgroundWorkersTests
{
    [Fact]
    public void Every_piece_is_done_once_by_at_most_the_limit_of_workers_and_the_asker()
    {
        var workers = new BackgroundWorkers("test", 2);
        var running = 0;
        var most = 0;
        var done = 0;
        var values = Enumerable.Range(0, 200).Select(i => new Lazy<int>(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.SpinWait(20_000);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref done);
            return i * 2;
        }, LazyThreadSafetyMode.ExecutionAndPublication)).ToArray();

        foreach (var value in values)
        {
            workers.Queue(value, CancellationToken.None);
        }

        // Whatever the workers have not reached yet, the asking thread does itself: every value is there, made once.
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * 2), values.Select(v => v.Value));
        Assert.Equal(200, done);
        Assert.InRange(most, 1, 2 + 1);
    }

    [Fact]
    public void A_failure_stays_in_its_value_and_the_workers_go_on()
    {
        var workers = new BackgroundWorkers("test", 1);
        var failing = new Lazy<int>(() => throw new InvalidOperationException("seed"), LazyThreadSafetyMode.ExecutionAndPublication);
        var after = new Lazy<int>(() => 7, LazyThreadSafetyMode.ExecutionAndPublication);
        workers.Queue(failing, CancellationToken.None);
        workers.Queue(after, CancellationToken.None);

        SpinWait.SpinUntil(() => after.IsValueCreated, TimeSpan.FromSeconds(30));
        Assert.True(after.IsValueCreated);
        Assert.Equal("seed", Assert.Throws<InvalidOperationException>(() => failing.Value).Message);
    }

    [Fact]
    public void Work_under_a_cancelled_token_or_without_workers_is_left_to_the_asker()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var skipped = new Lazy<int>(() => 1, LazyThreadSafetyMode.ExecutionAndPublication);
        var marker = new Lazy<int>(() => 2, LazyThreadSafetyMode.ExecutionAndPublication);
        var workers = new BackgroundWorkers("test", 1);
        workers.Queue(skipped, cancelled.Token);
        workers.Queue(marker, CancellationToken.None);
        SpinWait.SpinUntil(() => marker.IsValueCreated, TimeSpan.FromSeconds(30));
        Assert.True(marker.IsValueCreated);
        Assert.False(skipped.IsValueCreated);

        var none = new Lazy<int>(() => 3, LazyThreadSafetyMode.ExecutionAndPublication);
        new BackgroundWorkers("test", 0).Queue(none, CancellationToken.None);
        Thread.Sleep(50);
        Assert.False(none.IsValueCreated);
        Assert.Equal(3, none.Value);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var before = Interlocked.CompareExchange(ref target, value, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }
}
