using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Corpus.Generator.Model;
using Corpus.Generator.Threading;

namespace Corpus.Generator.Search;

/// <summary>
/// Every article's analysis for search (<see cref="SearchDocument.Of"/>), on every core, each kept beside its article.
/// The driver keeps an unchanged seed's <see cref="ArticleModel"/> between runs (the same object, compiler server
/// included), so an edit analyses the edited seed alone, as a per-seed step would; but a per-seed step runs one seed
/// after another on one thread, and a clean build's analysis is a third of the index's cost. In the compiler's builds
/// each seed's analysis is begun on a background thread as soon as the seed is read (<see cref="Begin"/>): the driver
/// reads the seeds one after another on its own thread, and the other cores would be idle meanwhile (about 1.4 s of
/// a second core at 10,000 seeds); <see cref="Of"/> then finds them done. Only the time changes: an analysis is a pure
/// function of its article, whichever thread makes it.
/// </summary>
internal static class SearchDocumentCache
{
    /// <summary>Fewer articles are analysed on one thread: starting others would cost more than they save.</summary>
    private const int ParallelArticles = 256;

    // Weak keys: an analysis lives as long as the driver keeps its article, and no longer.
    private static readonly ConditionalWeakTable<ArticleModel, SearchDocument> Documents = new();

    private static readonly ConditionalWeakTable<ArticleModel, SearchDocument>.CreateValueCallback Analyse = SearchDocument.Of;

    private static readonly BackgroundQueue<(ArticleModel Article, CancellationToken Cancellation)> Early = new(static item =>
    {
        if (item.Cancellation.IsCancellationRequested)
        {
            return;
        }

        try
        {
            Documents.GetValue(item.Article, Analyse);
        }
#pragma warning disable CA1031 // On a background thread an exception would end the compiler: Of analyses the article again on the driver's thread, and what fails is reported there.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    });

    /// <summary>
    /// Whether this process is the command-line compiler or the compiler server, whose builds run the index's outputs:
    /// there seeds are analysed as they are read (<see cref="Begin"/>). Not in the IDE, which runs no implementation
    /// output, so it would analyse every seed, and keep the analyses, for nothing.
    /// </summary>
    public static bool InCompilerBuild { get; } = IsCompiler(System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name);

    internal static bool IsCompiler(string? entryAssembly) => entryAssembly is "csc" or "VBCSCompiler";

    /// <summary>Queues <paramref name="article"/>'s analysis on a background thread (at most one a core but one). Returns at once.</summary>
    public static void Begin(ArticleModel article, CancellationToken cancellationToken) => Early.Enqueue((article, cancellationToken));

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
            Parallel.For(0, documents.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => documents[i] = Documents.GetValue(articles[i], Analyse));
        }

        return ImmutableArray.Create(documents);
    }

    /// <summary>Whether <paramref name="article"/> has its analysis kept (the tests: which builds analyse).</summary>
    internal static bool IsAnalysed(ArticleModel article) => Documents.TryGetValue(article, out _);
}
