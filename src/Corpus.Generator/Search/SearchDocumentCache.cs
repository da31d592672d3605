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
internal static class SearchDocumentCache
{
    /// <summary>Fewer articles are analysed on one thread: starting others would cost more than they save.</summary>
    private const int ParallelArticles = 256;

    // Weak keys: an analysis lives as long as the driver keeps its article, and no longer.
    private static readonly ConditionalWeakTable<ArticleModel, SearchDocument> Documents = new();

    private static readonly ConditionalWeakTable<ArticleModel, SearchDocument>.CreateValueCallback Analyse = SearchDocument.Of;

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
