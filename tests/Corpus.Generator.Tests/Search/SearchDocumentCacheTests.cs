using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Corpus.Generator.Model;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.RealCorpus;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// A full build queues each article's analysis as soon as it is read (<see cref="SearchDocumentCache.Prefetch"/>, an
/// implementation output), for background threads; the index's step (<see cref="SearchDocumentCache.Of"/>) then finds it
/// made. The IDE, which runs no implementation output, analyses nothing.
/// </summary>
public sealed class SearchDocumentCacheTests
{
    // Generous: a background thread's 300 short analyses take milliseconds. Only a prefetch that never runs waits this long.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Prefetched_articles_are_analysed_in_the_background_as_Of_analyses_them()
    {
        var articles = Articles(300, "prefetched");
        Assert.DoesNotContain(articles, SearchDocumentCache.IsAnalysed);
        foreach (var article in articles)
        {
            SearchDocumentCache.Prefetch(article, CancellationToken.None);
        }

        // No call of Of: the background threads alone analyse the queue.
        Assert.True(SpinWait.SpinUntil(() => articles.All(SearchDocumentCache.IsAnalysed), Patience), "the queued articles were not analysed");

        var documents = SearchDocumentCache.Of([.. articles], CancellationToken.None);
        Assert.Equal(articles.Count, documents.Length);
        for (var i = 0; i < articles.Count; i++)
        {
            Assert.Equal(SearchDocument.Of(articles[i]), documents[i]);
        }

        // Kept: asked again, the very same documents.
        var again = SearchDocumentCache.Of([.. articles], CancellationToken.None);
        Assert.All(Enumerable.Range(0, articles.Count), i => Assert.Same(documents[i], again[i]));
    }

    [Fact]
    public void A_cancelled_builds_queue_is_skipped_and_Of_still_analyses_every_article()
    {
        var articles = Articles(300, "cancelled");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        foreach (var article in articles)
        {
            SearchDocumentCache.Prefetch(article, cancelled.Token);
        }

        // Queued after them: once it is analysed, the threads have passed the cancelled ones (skipped, never analysed).
        var marker = Articles(1, "marker").Single();
        SearchDocumentCache.Prefetch(marker, CancellationToken.None);
        Assert.True(SpinWait.SpinUntil(() => SearchDocumentCache.IsAnalysed(marker), Patience), "the marker was not analysed");
        Assert.DoesNotContain(articles, SearchDocumentCache.IsAnalysed);

        var documents = SearchDocumentCache.Of([.. articles], CancellationToken.None);
        Assert.Equal(articles.Select(SearchDocument.Of), documents);
    }

    [Fact]
    public void The_IDE_and_a_build_without_the_index_analyse_no_article_and_a_full_build_every_one()
    {
        var project = ThreeSeeds();
        var ideArticles = ReadArticles(project.CreateDriver(disabledOutputs: Microsoft.CodeAnalysis.IncrementalGeneratorOutputKind.Implementation).RunGenerators(project.CreateCompilation()));
        Assert.Equal(3, ideArticles.Count);
        Assert.DoesNotContain(ideArticles, SearchDocumentCache.IsAnalysed);

        var unindexed = ThreeSeeds();
        unindexed.Properties["CorpusSearchIndex"] = "false";
        var withoutIndex = ReadArticles(unindexed.CreateDriver().RunGenerators(unindexed.CreateCompilation()));
        Assert.Equal(3, withoutIndex.Count);
        Assert.DoesNotContain(withoutIndex, SearchDocumentCache.IsAnalysed);

        var full = ThreeSeeds();
        var built = ReadArticles(full.CreateDriver().RunGenerators(full.CreateCompilation()));
        Assert.Equal(3, built.Count);
        Assert.All(built, article => Assert.True(SearchDocumentCache.IsAnalysed(article), article.Key.Id));
    }

    private static CorpusProject ThreeSeeds() =>
        new CorpusProject()
            .WithProjectSeed()
            .WithSeed("seeds/second.txt", Seeds.Simple("Second story", "https://example.com/2", "Second body."))
            .WithSeed("seeds/third.txt", Seeds.Simple("Third story", "https://example.com/3", "Third body."));

    /// <summary>The articles the driver's last run read (each seed's model, as the pipeline keeps it).</summary>
    private static List<ArticleModel> ReadArticles(Microsoft.CodeAnalysis.GeneratorDriver driver) =>
        PipelineAssert.Steps(driver)[TrackingNames.SeedResults]
            .SelectMany(step => step.Outputs)
            .Select(output => ((SeedResult)output.Value).Article)
            .OfType<ArticleModel>()
            .ToList();

    /// <summary><paramref name="count"/> articles of their own (new objects, never analysed), the repository seed retitled and rewritten.</summary>
    private static List<ArticleModel> Articles(int count, string name)
    {
        var seed = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        return Enumerable.Range(0, count)
            .Select(i => i.ToString(CultureInfo.InvariantCulture))
            .Select(n => seed with { Title = name + " " + n + " 中国新闻", Text = "正文 " + n + " of the " + name + " articles, 乌克兰 北约." })
            .ToList();
    }
}
