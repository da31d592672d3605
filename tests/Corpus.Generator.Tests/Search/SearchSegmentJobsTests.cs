using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Corpus.Generator.Model;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.RealCorpus;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// A full build begins each new or edited segment's files as soon as the segments are planned
/// (<see cref="SearchSegmentJobs.Start"/>, an implementation output), on background threads; the index's output, last,
/// takes them (<see cref="SearchSegmentJobs.Finish"/>), the same files <see cref="SearchEmitter.EmitSegment"/> makes. The
/// IDE, which runs no implementation output, analyses and begins nothing.
/// </summary>
public sealed class SearchSegmentJobsTests
{
    // Generous: a background thread writes a segment of 300 short articles in milliseconds. Only a job that never runs waits this long.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_started_segment_is_made_in_the_background_and_finished_as_EmitSegment_makes_it()
    {
        var spec = Spec("background", 300);
        Assert.False(SearchSegmentJobs.IsStarted(spec));
        SearchSegmentJobs.Start(spec, CancellationToken.None);

        // No call of Finish: a background thread alone makes the files.
        Assert.True(SpinWait.SpinUntil(() => SearchSegmentJobs.IsMade(spec), Patience), "the started segment was not made");

        var files = SearchSegmentJobs.Finish(spec, CancellationToken.None);
        AssertSameFiles(SearchEmitter.EmitSegment(spec), files);
        Assert.True(files.Length > 0);

        // Taken: the job is let go, and a second Finish makes the files again, the same.
        Assert.False(SearchSegmentJobs.IsStarted(spec));
        AssertSameFiles(files, SearchSegmentJobs.Finish(spec, CancellationToken.None));
    }

    [Fact]
    public void A_cancelled_builds_segment_is_skipped_and_Finish_still_makes_it()
    {
        var spec = Spec("cancelled", 300);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        SearchSegmentJobs.Start(spec, cancelled.Token);

        // Started after it: once it is made, the threads have passed the cancelled one (skipped, never made).
        var marker = Spec("marker", 20);
        SearchSegmentJobs.Start(marker, CancellationToken.None);
        Assert.True(SpinWait.SpinUntil(() => SearchSegmentJobs.IsMade(marker), Patience), "the marker was not made");
        Assert.True(SearchSegmentJobs.IsStarted(spec));
        Assert.False(SearchSegmentJobs.IsMade(spec));

        AssertSameFiles(SearchEmitter.EmitSegment(spec), SearchSegmentJobs.Finish(spec, CancellationToken.None));
        AssertSameFiles(SearchEmitter.EmitSegment(marker), SearchSegmentJobs.Finish(marker, CancellationToken.None));
    }

    [Fact]
    public void A_segment_never_started_is_made_by_Finish_and_an_empty_one_is_never_started()
    {
        var spec = Spec("unstarted", 40);
        AssertSameFiles(SearchEmitter.EmitSegment(spec), SearchSegmentJobs.Finish(spec, CancellationToken.None));

        var empty = Spec("empty", 0);
        SearchSegmentJobs.Start(empty, CancellationToken.None);
        Assert.False(SearchSegmentJobs.IsStarted(empty));
    }

    [Fact]
    public void The_IDE_and_a_build_without_the_index_analyse_no_article_and_a_full_build_finishes_every_segment_it_begins()
    {
        var project = ThreeSeeds();
        var ide = project.CreateDriver(disabledOutputs: Microsoft.CodeAnalysis.IncrementalGeneratorOutputKind.Implementation).RunGenerators(project.CreateCompilation());
        var ideArticles = ReadArticles(ide);
        Assert.Equal(3, ideArticles.Count);
        Assert.DoesNotContain(ideArticles, SearchDocumentCache.IsAnalysed);
        Assert.False(PipelineAssert.Steps(ide).ContainsKey(TrackingNames.SearchSegments));

        var unindexed = ThreeSeeds();
        unindexed.Properties["CorpusSearchIndex"] = "false";
        var withoutIndex = ReadArticles(unindexed.CreateDriver().RunGenerators(unindexed.CreateCompilation()));
        Assert.Equal(3, withoutIndex.Count);
        Assert.DoesNotContain(withoutIndex, SearchDocumentCache.IsAnalysed);

        var full = ThreeSeeds();
        var driver = full.CreateDriver().RunGenerators(full.CreateCompilation());
        var built = ReadArticles(driver);
        Assert.Equal(3, built.Count);
        Assert.All(built, article => Assert.True(SearchDocumentCache.IsAnalysed(article), article.Key.Id));
        var segments = PipelineAssert.Steps(driver)[TrackingNames.SearchSegments]
            .SelectMany(step => step.Outputs)
            .Select(output => (SearchSegmentSpec)output.Value)
            .ToList();
        Assert.Contains(segments, segment => segment.Documents.Count == 3);
        Assert.DoesNotContain(segments, SearchSegmentJobs.IsStarted);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, tree => tree.FilePath.EndsWith(SearchEmitter.SegmentHintName(0), StringComparison.Ordinal));
    }

    [Fact]
    public void In_the_compilers_builds_each_seed_is_analysed_as_it_is_read_and_the_output_is_the_same()
    {
        // Implementation outputs off, as the IDE runs: nothing but the read step can have begun the analyses.
        var project = ThreeSeeds();
        project.AnalyseAsRead = true;
        var read = ReadArticles(project.CreateDriver(disabledOutputs: Microsoft.CodeAnalysis.IncrementalGeneratorOutputKind.Implementation).RunGenerators(project.CreateCompilation()));
        Assert.Equal(3, read.Count);
        Assert.True(SpinWait.SpinUntil(() => read.All(SearchDocumentCache.IsAnalysed), Patience), "the seeds read were not analysed");

        // Not with the index off.
        var unindexed = ThreeSeeds();
        unindexed.AnalyseAsRead = true;
        unindexed.Properties["CorpusSearchIndex"] = "false";
        var withoutIndex = ReadArticles(unindexed.CreateDriver(disabledOutputs: Microsoft.CodeAnalysis.IncrementalGeneratorOutputKind.Implementation).RunGenerators(unindexed.CreateCompilation()));
        Thread.Sleep(200);
        Assert.DoesNotContain(withoutIndex, SearchDocumentCache.IsAnalysed);

        // A full build's files are the same, analysed as read or not.
        var early = ThreeSeeds();
        early.AnalyseAsRead = true;
        Assert.Equal(Files(ThreeSeeds().Generate().RunResult), Files(early.Generate().RunResult));

        static string[] Files(Microsoft.CodeAnalysis.GeneratorDriverRunResult run) =>
            [.. run.GeneratedTrees.Select(tree => tree.FilePath + "\n" + tree.GetText())];
    }

    [Fact]
    public void Seeds_are_analysed_as_read_in_the_command_line_compiler_and_the_compiler_server_only()
    {
        Assert.True(SearchDocumentCache.IsCompiler("csc"));
        Assert.True(SearchDocumentCache.IsCompiler("VBCSCompiler"));
        Assert.False(SearchDocumentCache.IsCompiler("testhost"));
        Assert.False(SearchDocumentCache.IsCompiler("Microsoft.CodeAnalysis.LanguageServer"));
        Assert.False(SearchDocumentCache.IsCompiler(null));
        Assert.False(SearchDocumentCache.InCompilerBuild);
    }

    private static void AssertSameFiles((string HintName, SourceText Text)[] expected, (string HintName, SourceText Text)[] actual)
    {
        Assert.Equal(expected.Select(file => file.HintName), actual.Select(file => file.HintName));
        Assert.Equal(expected.Select(file => file.Text.ToString()), actual.Select(file => file.Text.ToString()));
        Assert.Equal(expected.Select(file => Convert.ToBase64String([.. file.Text.GetChecksum()])), actual.Select(file => Convert.ToBase64String([.. file.Text.GetChecksum()])));
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

    /// <summary>A segment of <paramref name="count"/> documents of its own (new objects), the repository seed retitled and rewritten.</summary>
    private static SearchSegmentSpec Spec(string name, int count)
    {
        var seed = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        var documents = Enumerable.Range(0, count)
            .Select(i => i.ToString(CultureInfo.InvariantCulture))
            .Select(n => SearchDocument.Of(seed with { Title = name + " " + n + " 中国新闻", Text = "正文 " + n + " of the " + name + " articles, 乌克兰 北约." }))
            .ToEquatableArray();
        return new SearchSegmentSpec("Consumer", "ArticlesData", "internal", 0, documents);
    }
}
