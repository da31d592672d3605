using System;
using System.Globalization;
using System.Linq;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Corpus.Generator.Tests.Generation;

/// <summary>The pipeline re-does only what an edit touches: nothing for a code edit, one seed for a seed edit.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] AllSteps =
    [
        TrackingNames.SeedFiles, TrackingNames.ReadOptions, TrackingNames.EmitOptions, TrackingNames.SeedResults,
        TrackingNames.Summaries, TrackingNames.Records, TrackingNames.Claims, TrackingNames.CorpusChecks,
        TrackingNames.Index, TrackingNames.Chunks,
    ];

    private static CorpusProject ThreeSeeds() =>
        new CorpusProject()
            .WithProjectSeed()
            .WithSeed("seeds/second.txt", Seeds.Simple("Second story", "https://example.com/2", "Second body."))
            .WithSeed("seeds/third.txt", Seeds.Simple("Third story", "https://example.com/3", "Third body."));

    [Fact]
    public void An_unrelated_code_edit_reads_no_seed_and_regenerates_nothing()
    {
        var project = ThreeSeeds();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", project.ParseOptions));
        driver = driver.RunGenerators(edited);

        PipelineAssert.AllCachedOrUnchanged(driver, AllSteps);
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.SeedResults), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_one_seed_body_reads_that_seed_alone_and_leaves_the_index_alone()
    {
        var project = ThreeSeeds();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);

        var old = project.Seeds.Single(s => s.Path.EndsWith("second.txt", System.StringComparison.Ordinal));
        var edited = new SeedFile(old.Path, Seeds.Simple("Second story", "https://example.com/2", "Second body, rewritten."));
        driver = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation);

        var reasons = PipelineAssert.Reasons(driver, TrackingNames.SeedResults);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, reasons.Count(r => r == IncrementalStepRunReason.Cached));

        // Same title, URL and date: the summary is equal, so the index (the IDE's live code) is not rewritten.
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.Index), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains(IncrementalStepRunReason.Modified, PipelineAssert.Reasons(driver, TrackingNames.Records));

        var chunks = PipelineAssert.Reasons(driver, TrackingNames.Chunks);
        Assert.Equal(1, chunks.Count(r => r == IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void A_seed_that_fills_an_empty_chunk_rewrites_that_chunk_alone()
    {
        // 129 seeds make two chunks; all of these hash to chunk 1, so chunk 0 starts empty.
        var ids = Enumerable.Range(0, 10_000)
            .Select(i => "s" + i.ToString(CultureInfo.InvariantCulture))
            .Where(id => Model.CorpusPlan.ChunkOf(id, 2) == 1)
            .Take(Model.CorpusPlan.TargetRecordsPerChunk + 1)
            .ToList();
        var project = new CorpusProject();
        foreach (var id in ids)
        {
            project.WithSeed("seeds/" + id + ".txt", Seeds.Simple("Title " + id, "https://example.com/" + id, "Body of " + id + "."));
        }

        // A seed of chunk 0 that is not an article yet (no separator: CORPUS002), then is made one.
        var added = Enumerable.Range(0, 10_000).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture)).First(id => Model.CorpusPlan.ChunkOf(id, 2) == 0);
        project.WithSeed("seeds/" + added + ".txt", "not a seed yet\n");

        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);
        Assert.Equal(["Corpus.Articles.g.cs", "Corpus.Data.0001.g.cs"], driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));

        var old = project.Seeds.Single(s => s.Path.EndsWith("/" + added + ".txt", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(old, new SeedFile(old.Path, Seeds.Simple("Added", "https://example.com/added", "Added body."))).RunGenerators(compilation);

        var chunks = PipelineAssert.Reasons(driver, TrackingNames.Chunks);
        Assert.Equal(1, chunks.Count(r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        Assert.Equal(["Corpus.Articles.g.cs", "Corpus.Data.0000.g.cs", "Corpus.Data.0001.g.cs"], driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_header_that_only_moves_the_url_rechecks_duplicates_but_leaves_the_index_alone()
    {
        var project = ThreeSeeds();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);

        // "<!--NaN-->" is ten characters shorter than the epoch: the URL moves on its line, the title and date do not.
        var old = project.Seeds.Single(s => s.Path.EndsWith("second.txt", System.StringComparison.Ordinal));
        var edited = new SeedFile(old.Path, Seeds.Simple("Second story", "https://example.com/2", "Second body.").Replace("<!--1641989702000-->", "<!--NaN-->", System.StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation);

        Assert.Contains(IncrementalStepRunReason.Modified, PipelineAssert.Reasons(driver, TrackingNames.Claims));
        Assert.Contains(IncrementalStepRunReason.Modified, PipelineAssert.Reasons(driver, TrackingNames.Records));
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.Summaries), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.Index), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Retitling_a_seed_rewrites_the_index()
    {
        var project = ThreeSeeds();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);

        var old = project.Seeds.Single(s => s.Path.EndsWith("third.txt", System.StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(old, new SeedFile(old.Path, Seeds.Simple("Third story, retitled", "https://example.com/3", "Third body."))).RunGenerators(compilation);

        Assert.Contains(IncrementalStepRunReason.Modified, PipelineAssert.Reasons(driver, TrackingNames.Index));
        var index = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Corpus.Articles.g.cs").SourceText.ToString();
        Assert.Contains("/// <summary>Third story, retitled</summary>", index);
    }

    [Fact]
    public void Pipeline_models_hold_no_roslyn_objects_and_no_reference_compared_collections()
    {
        var project = ThreeSeeds();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);
        PipelineAssert.HoldsNoRoslynObjectsOrReferenceCollections(driver, AllSteps.Skip(1));

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", project.ParseOptions)));
        PipelineAssert.HoldsNoRoslynObjectsOrReferenceCollections(driver, AllSteps.Skip(1));
    }

    [Fact]
    public void The_same_seeds_give_the_same_code_byte_for_byte_in_any_order_and_culture()
    {
        var first = ThreeSeeds().Generate();

        // Another culture (the Thai Buddhist calendar) and the additional files in the opposite order: a second
        // machine or an IDE that lists the files differently must not see other code.
        var reversed = ThreeSeeds();
        reversed.Seeds.Reverse();
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        GenerationResult second;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("th-TH");
            second = reversed.Generate();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        var firstSources = first.Sources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        var secondSources = second.Sources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        Assert.Equal(firstSources, secondSources);
    }
}
