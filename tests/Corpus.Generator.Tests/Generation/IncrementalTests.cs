using System;
using System.Collections.Generic;
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
        TrackingNames.SeedFiles, TrackingNames.ReadOptions, TrackingNames.EmitSettings, TrackingNames.SeedResults,
        TrackingNames.Summaries, TrackingNames.Records, TrackingNames.Claims, TrackingNames.CorpusChecks,
        TrackingNames.IndexEntries, TrackingNames.Index, TrackingNames.Runtime, TrackingNames.Members, TrackingNames.Chunks, TrackingNames.ChunkClasses,
        TrackingNames.References, TrackingNames.ShardChecks, TrackingNames.Shard, TrackingNames.SearchArticles, TrackingNames.SearchSegments,
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
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.ChunkClasses), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    /// <summary>
    /// What the compiler server does with its generator cache (<c>Features=enable-generator-cache</c>, Roslyn's
    /// CommonCompiler.RunGenerators): the cached driver gets every additional file as a new object read from disk again,
    /// and a new options provider, on every build. Only the edited seed is read again (bench/search.sh measures it in real builds).
    /// </summary>
    [Fact]
    public void A_compiler_server_build_with_new_file_objects_reads_only_the_edited_seed()
    {
        var project = ThreeSeeds();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);

        var reread = project.Seeds
            .Select(s => s.Path.EndsWith("second.txt", StringComparison.Ordinal)
                ? new SeedFile(s.Path, Seeds.Simple("Second story", "https://example.com/2", "Second body, rewritten."))
                : new SeedFile(s.Path, ((SeedFile)s).Bytes))
            .ToArray();
        var perFile = reread.ToDictionary(s => s.Path, _ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CorpusSeed"] = "true" });
        var globals = project.Properties.ToDictionary(p => "build_property." + p.Key, p => p.Value);
        driver = driver
            .WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(globals, perFile))
            .ReplaceAdditionalTexts([.. reread])
            .RunGenerators(project.CreateCompilation());

        var reasons = PipelineAssert.Reasons(driver, TrackingNames.SeedResults);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, reasons.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Equal(1, PipelineAssert.Reasons(driver, TrackingNames.SearchArticles).Count(r => r == IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void The_runtime_is_written_again_when_the_options_change_and_not_when_the_seeds_do()
    {
        var project = ThreeSeeds();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);

        // A seed less: the index is written again (its count and tables changed), the runtime is not.
        driver = driver.RemoveAdditionalTexts([project.Seeds.Single(s => s.Path.EndsWith("third.txt", StringComparison.Ordinal))]).RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, PipelineAssert.Reasons(driver, TrackingNames.Index));
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.Runtime), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));

        // Another visibility: the runtime's parts and files are written again, now public.
        var globals = project.Properties.ToDictionary(p => "build_property." + p.Key, p => p.Value);
        globals["build_property.CorpusVisibility"] = "public";
        var perFile = project.Seeds.ToDictionary(s => s.Path, _ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CorpusSeed"] = "true" });
        driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(globals, perFile)).RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, PipelineAssert.Reasons(driver, TrackingNames.Runtime));
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        Assert.Contains("public partial class Article\n", sources.Single(s => s.HintName == Corpus.Generator.Emitting.RuntimeSource.PartsHintName).SourceText.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("#define CORPUS_PUBLIC", sources.Single(s => s.HintName == "Corpus.Runtime.ArticleMediaKind.g.cs").SourceText.Lines[5].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_that_fills_an_empty_chunk_rewrites_that_chunk_alone()
    {
        // 129 seeds make two chunks; all of these hash to chunk 1, so chunk 0 starts empty.
        var ids = Enumerable.Range(0, 10_000)
            .Select(i => "s" + i.ToString(CultureInfo.InvariantCulture))
            .Where(id => Planning.CorpusPlan.ChunkOf(id, 2) == 1)
            .Take(Planning.CorpusPlan.TargetRecordsPerChunk + 1)
            .ToList();
        var project = new CorpusProject();
        foreach (var id in ids)
        {
            project.WithSeed("seeds/" + id + ".txt", Seeds.Simple("Title " + id, "https://example.com/" + id, "Body of " + id + "."));
        }

        // A seed of chunk 0 that is not an article yet (no separator: CORPUS002), then is made one.
        var added = Enumerable.Range(0, 10_000).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture)).First(id => Planning.CorpusPlan.ChunkOf(id, 2) == 0);
        project.WithSeed("seeds/" + added + ".txt", "not a seed yet\n");

        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);
        Assert.Equal(["Corpus.Articles.g.cs", "Corpus.Data.0001.g.cs", "Corpus.Data.Classes.g.cs", "Corpus.Members.0001.g.cs", "Corpus.Search.0000.g.cs"], CorpusHints(driver));

        var old = project.Seeds.Single(s => s.Path.EndsWith("/" + added + ".txt", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(old, new SeedFile(old.Path, Seeds.Simple("Added", "https://example.com/added", "Added body."))).RunGenerators(compilation);

        var chunks = PipelineAssert.Reasons(driver, TrackingNames.Chunks);
        Assert.Equal(1, chunks.Count(r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        // Chunk 0 has a class now: the finder of the chunk classes is written again with it.
        Assert.Contains(IncrementalStepRunReason.Modified, PipelineAssert.Reasons(driver, TrackingNames.ChunkClasses));
        Assert.Equal(["Corpus.Articles.g.cs", "Corpus.Data.0000.g.cs", "Corpus.Data.0001.g.cs", "Corpus.Data.Classes.g.cs", "Corpus.Members.0000.g.cs", "Corpus.Members.0001.g.cs", "Corpus.Search.0000.g.cs"], CorpusHints(driver));
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
    public void Retitling_a_seed_rewrites_its_chunks_member_file_alone_and_leaves_the_index_alone()
    {
        // Enough seeds for several chunks, so that "one member file" is a real choice among several.
        var project = new CorpusProject();
        var ids = Enumerable.Range(0, 3 * Planning.CorpusPlan.TargetRecordsPerChunk).Select(i => "s" + i.ToString("D3", CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            project.WithSeed("seeds/" + id + ".txt", Seeds.Simple("Title " + id, "https://example.com/" + id, "Body of " + id + "."));
        }

        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var chunkCount = Planning.CorpusPlan.ChunkCountFor(ids.Count);
        Assert.Equal(4, chunkCount);

        const string Retitled = "s123";
        var old = project.Seeds.Single(s => s.Path.EndsWith("/" + Retitled + ".txt", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(old, new SeedFile(old.Path, Seeds.Simple("Retitled story", "https://example.com/" + Retitled, "Body of " + Retitled + "."))).RunGenerators(compilation);

        // Exactly that seed is read again.
        var seeds = PipelineAssert.Reasons(driver, TrackingNames.SeedResults);
        Assert.Equal(1, seeds.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(ids.Count - 1, seeds.Count(r => r == IncrementalStepRunReason.Cached));

        // The index holds no title: its entries are unchanged, so it is neither rebuilt nor written again.
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.IndexEntries), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.Index), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));

        // One member spec of the four changed: that seed's chunk's.
        var members = PipelineAssert.Reasons(driver, TrackingNames.Members);
        Assert.Equal(chunkCount, members.Count);
        Assert.Equal(1, members.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(chunkCount - 1, members.Count(r => r == IncrementalStepRunReason.Unchanged));

        var after = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var memberFile = Corpus.Generator.Emitting.CorpusEmitter.MembersHintName(Planning.CorpusPlan.ChunkOf(Retitled, chunkCount));
        Assert.Contains("/// <summary>Retitled story</summary>", after[memberFile], StringComparison.Ordinal);
        // The title is also in the data and the search index: the chunk's data file and its index segment change too
        // (implementation-only, not in the IDE).
        Assert.Equal(
            new[] { Corpus.Generator.Emitting.CorpusEmitter.ChunkHintName(Planning.CorpusPlan.ChunkOf(Retitled, chunkCount)), memberFile, Corpus.Generator.Search.SearchEmitter.SegmentHintName(0) }.OrderBy(k => k, StringComparer.Ordinal),
            after.Keys.Where(k => after[k] != before[k]).OrderBy(k => k, StringComparer.Ordinal));
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

    /// <summary>The generated files of the corpus itself (index, members, data), without the runtime's, which depend on the options alone.</summary>
    private static IEnumerable<string> CorpusHints(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName)
            .Where(n => !n.StartsWith("Corpus.Runtime.", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal);
}
