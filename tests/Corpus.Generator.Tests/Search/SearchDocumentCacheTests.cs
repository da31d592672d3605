using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Corpus.Generator.Model;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.RealCorpus;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// The analyses kept beside their articles (<see cref="SearchDocumentCache"/>): started early, as the command-line
/// compiler's seed step starts them, they are the analyses <see cref="SearchDocument.Of"/> makes, once each.
/// </summary>
public sealed class SearchDocumentCacheTests
{
    [Fact]
    public void Only_the_command_line_compiler_analyses_early()
    {
        Assert.True(SearchDocumentCache.IsCommandLineCompiler("csc"));
        Assert.True(SearchDocumentCache.IsCommandLineCompiler("VBCSCompiler"));
        Assert.False(SearchDocumentCache.IsCommandLineCompiler("testhost"));
        Assert.False(SearchDocumentCache.IsCommandLineCompiler("Microsoft.CodeAnalysis.LanguageServer"));
        Assert.False(SearchDocumentCache.IsCommandLineCompiler(null));

        // This process is a test host: the generator under test analyses at the index step, as an IDE would not at all.
        Assert.False(SearchDocumentCache.AnalysesEarly);
    }

    [Fact]
    public void Articles_started_early_give_their_own_analysis_once()
    {
        var articles = Articles(600);
        foreach (var article in articles)
        {
            SearchDocumentCache.Start(article, CancellationToken.None);
        }

        var documents = SearchDocumentCache.Of(articles, CancellationToken.None);
        Assert.Equal(articles.Length, documents.Length);
        for (var i = 0; i < articles.Length; i++)
        {
            Assert.Equal(SearchDocument.Of(articles[i]), documents[i]);
        }

        // Asked again (or started again), the same objects: nothing analysed twice.
        foreach (var article in articles.Take(10))
        {
            SearchDocumentCache.Start(article, CancellationToken.None);
        }

        var again = SearchDocumentCache.Of(articles, CancellationToken.None);
        Assert.All(Enumerable.Range(0, articles.Length), i => Assert.Same(documents[i], again[i]));
    }

    [Fact]
    public void A_cancelled_start_leaves_the_analysis_to_the_index_step()
    {
        var articles = Articles(300);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        foreach (var article in articles)
        {
            SearchDocumentCache.Start(article, cancelled.Token);
        }

        var documents = SearchDocumentCache.Of(articles, CancellationToken.None);
        Assert.All(Enumerable.Range(0, articles.Length), i => Assert.Equal(SearchDocument.Of(articles[i]), documents[i]));
    }

    /// <summary>Distinct article objects (new ones for every test: the cache is keyed by the object), texts of the repository seed varied.</summary>
    private static ImmutableArray<ArticleModel> Articles(int count)
    {
        var seed = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        return Enumerable.Range(0, count)
            .Select(i => seed with { Title = seed.Title + " " + i, Text = seed.Text.Substring(0, Math.Min(seed.Text.Length, 200 + (i * 7 % 1000))) + " 第" + i + "条" })
            .ToImmutableArray();
    }
}
