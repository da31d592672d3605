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
/// Where every build writes the index (<see cref="AnalysesEarly"/>), the seed step starts each article's analysis as
/// soon as the article is read (<see cref="Start"/>): the driver reads seeds on one thread, so the analyses run on the
/// cores it leaves idle, and <see cref="Of"/> then finds them done.
/// </remarks>
internal static class SearchDocumentCache
{
    /// <summary>Fewer articles are analysed on one thread: starting others would cost more than they save.</summary>
    private const int ParallelArticles = 256;

    // Weak keys: an analysis lives as long as the driver keeps its article, and no longer. Lazy: computed once,
    // whichever thread asks first (an early worker or Of), the others wait for it.
    private static readonly ConditionalWeakTable<ArticleModel, Lazy<SearchDocument>> Documents = new();

    private static readonly ConditionalWeakTable<ArticleModel, Lazy<SearchDocument>>.CreateValueCallback Analysis =
        static article => new Lazy<SearchDocument>(() => SearchDocument.Of(article), LazyThreadSafetyMode.ExecutionAndPublication);

    // Articles read and not yet analysed, and how many workers analyse them (at most one a core the seed step leaves).
    private static readonly ConcurrentQueue<(Lazy<SearchDocument> Document, CancellationToken CancellationToken)> Waiting = new();
    private static int _workers;

    /// <summary>
    /// Whether <see cref="Start"/> is worth calling: in the command-line compiler (csc, or its server VBCSCompiler),
    /// where every build runs the implementation outputs and so writes the index, on a machine of more than one core.
    /// An IDE runs no implementation output: there an early analysis would cost CPU and memory for nothing.
    /// </summary>
    public static bool AnalysesEarly { get; } = IsCommandLineCompiler(EntryAssemblyName()) && SearchIndexWriter.Cores > 1;

    internal static bool IsCommandLineCompiler(string? entryAssembly) => entryAssembly is "csc" or "VBCSCompiler";

    private static string? EntryAssemblyName()
    {
        try
        {
            return System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
        }
        catch (Exception)
        {
            // A host that hides its entry assembly is not the command-line compiler.
            return null;
        }
    }

    /// <summary>Queues the analysis of an article just read, for a core the seed step leaves idle.</summary>
    public static void Start(ArticleModel article, CancellationToken cancellationToken)
    {
        var document = Documents.GetValue(article, Analysis);
        if (document.IsValueCreated)
        {
            return;
        }

        Waiting.Enqueue((document, cancellationToken));
        if (TryClaimWorker())
        {
            ThreadPool.QueueUserWorkItem(static _ => Drain());
        }
    }

    /// <summary>A worker's place, if fewer than one a core the seed step leaves work now.</summary>
    private static bool TryClaimWorker()
    {
        var workers = Volatile.Read(ref _workers);
        while (workers < SearchIndexWriter.Cores - 1)
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

    private static void Drain()
    {
        do
        {
            while (Waiting.TryDequeue(out var item))
            {
                if (item.CancellationToken.IsCancellationRequested)
                {
                    continue;
                }

                try
                {
                    _ = item.Document.Value;
                }
                catch (Exception)
                {
                    // Kept by the Lazy: Of asks for the value again and the generator fails there, where the driver
                    // reports it. A worker thread must never let it escape (that would end the compiler's process).
                }
            }

            Interlocked.Decrement(ref _workers);
        }

        // An article queued between the last dequeue and the decrement: this worker goes on, unless another took it.
        while (!Waiting.IsEmpty && TryClaimWorker());
    }

    public static ImmutableArray<SearchDocument> Of(ImmutableArray<ArticleModel> articles, CancellationToken cancellationToken)
    {
        var documents = new SearchDocument[articles.Length];
        if (articles.Length < ParallelArticles)
        {
            for (var i = 0; i < documents.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                documents[i] = Documents.GetValue(articles[i], Analysis).Value;
            }
        }
        else
        {
            Parallel.For(0, documents.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => documents[i] = Documents.GetValue(articles[i], Analysis).Value);
        }

        return ImmutableArray.Create(documents);
    }
}
