using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Corpus.Generator.Model;

namespace Corpus.Generator.Search;

/// <summary>
/// Every article's analysis for search (<see cref="SearchDocument.Of"/>), on every core, each kept beside its article.
/// The driver keeps an unchanged seed's <see cref="ArticleModel"/> between runs (the same object, compiler server
/// included), so an edit analyses the edited seed alone, as a per-seed step would; but a per-seed step runs one seed
/// after another on one thread, and a clean build's analysis is a third of the index's cost.
/// </summary>
/// <remarks>
/// A full build also starts each analysis early (<see cref="Prefetch"/>): its first implementation output (the IDE runs
/// none) queues each new or edited article as soon as the seeds are read, and background threads analyse the queue while
/// the generator's own thread, one core, makes the other outputs (the members, the records, the chunks). <see cref="Of"/>
/// then finds most analyses done. Only the time changes: an analysis is a pure function of its article, whichever
/// thread makes it.
/// </remarks>
internal static class SearchDocumentCache
{
    /// <summary>Fewer articles are analysed on one thread: starting others would cost more than they save.</summary>
    private const int ParallelArticles = 256;

    // Weak keys: an analysis lives as long as the driver keeps its article, and no longer.
    private static readonly ConditionalWeakTable<ArticleModel, SearchDocument> Documents = new();

    private static readonly ConditionalWeakTable<ArticleModel, SearchDocument>.CreateValueCallback Analyse = SearchDocument.Of;

    // Articles queued by Prefetch, with the build that queued them (a cancelled build's are skipped), and how many
    // background threads drain the queue now.
    private static readonly ConcurrentQueue<(ArticleModel Article, CancellationToken CancellationToken)> Pending = new();
    private static int _draining;

    // One core is the generator's own thread, still at work while the queue is drained.
    private static int BackgroundThreads => Math.Max(1, SearchIndexWriter.Cores - 1);

    /// <summary>
    /// Queues <paramref name="article"/>'s analysis on a background thread (at most one a core but one): called in full
    /// builds for each article read, so that <see cref="Of"/> finds it done. Returns at once.
    /// </summary>
    public static void Prefetch(ArticleModel article, CancellationToken cancellationToken)
    {
        Pending.Enqueue((article, cancellationToken));
        if (TryStartDraining())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => Drain(), null);
        }
    }

    public static ImmutableArray<SearchDocument> Of(ImmutableArray<ArticleModel> articles, CancellationToken cancellationToken)
    {
        var documents = new SearchDocument[articles.Length];
        if (articles.Length < ParallelArticles)
        {
            for (var i = 0; i < documents.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                documents[i] = Documents.GetValue(articles[i], Analyse);
            }
        }
        else
        {
            // What the background threads have not reached yet is taken from their queue first, each article by one
            // thread (in article order, this loop's threads would analyse the ones the background threads are at).
            if (!Pending.IsEmpty)
            {
                Parallel.For(0, SearchIndexWriter.Cores, new ParallelOptions { CancellationToken = cancellationToken }, _ => TakePending());
            }

            Parallel.For(0, documents.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => documents[i] = Documents.GetValue(articles[i], Analyse));
        }

        return ImmutableArray.Create(documents);
    }

    /// <summary>Whether <paramref name="article"/> has its analysis kept (the tests: which builds analyse).</summary>
    internal static bool IsAnalysed(ArticleModel article) => Documents.TryGetValue(article, out _);

    /// <summary>A background thread's work: the queue drained, then the thread let go, unless more came meanwhile.</summary>
    private static void Drain()
    {
        do
        {
            TakePending();
            Interlocked.Decrement(ref _draining);
        }
        while (!Pending.IsEmpty && TryStartDraining());
    }

    /// <summary>Whether one more background thread may drain the queue (and is counted): fewer than <see cref="BackgroundThreads"/> do.</summary>
    private static bool TryStartDraining()
    {
        var draining = Volatile.Read(ref _draining);
        return draining < BackgroundThreads && Interlocked.CompareExchange(ref _draining, draining + 1, draining) == draining;
    }

    private static void TakePending()
    {
        while (Pending.TryDequeue(out var pending))
        {
            if (pending.CancellationToken.IsCancellationRequested)
            {
                continue;
            }

            try
            {
                Documents.GetValue(pending.Article, Analyse);
            }
#pragma warning disable CA1031 // On a background thread an exception would end the compiler: Of analyses the article again, on its own thread, and reports what fails.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
