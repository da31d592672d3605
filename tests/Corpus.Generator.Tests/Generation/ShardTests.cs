extern alias CorpusRuntimeLibrary;

using System;
using System.Collections.Generic;
using System.Linq;
using Corpus.Generator.Emitting;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// A corpus split over shards, through the generator and the compiler in memory: each shard compiled on its own against
/// the Corpus.Runtime library, then an app that references them (docs/architecture.md, "Large corpora: shards").
/// The packed packages and real builds are in EndToEnd.
/// </summary>
public sealed class ShardTests
{
    private static readonly byte[] RuntimeImage = System.IO.File.ReadAllBytes(typeof(CorpusRuntimeLibrary::Corpus.CorpusShardAttribute).Assembly.Location);
    private static readonly MetadataReference Runtime = MetadataReference.CreateFromImage(RuntimeImage);

    // Dates one day apart, so that the order of All interleaves the shards: a1 (newest) in A, b1 in B, a2 in A, ...
    private static string Seed(string title, string url, int day) =>
        Seeds.Simple(title, url, "Paragraph of " + title + ".", 1641989702000 + (day * 86_400_000L)) is var text
            ? text.Replace("<p>", $"<div>{new DateTime(2022, 1, 1).AddDays(day):dd/MM/yyyy} - 12:00</div><p>", StringComparison.Ordinal)
            : text;

    private static (string Path, string Text)[] ShardASeeds =>
    [
        ("seeds/a1.txt", Seed("A one", "https://www.rfi.fr/cn/a1", 9)),
        ("seeds/a2.txt", Seed("A two", "https://www.rfi.fr/cn/a2", 5)),
    ];

    private static (string Path, string Text)[] ShardBSeeds =>
    [
        ("seeds/b1.txt", Seed("B one", "https://www.rfi.fr/cn/b1", 7)),
        ("seeds/b2.txt", Seed("B two", "https://www.rfi.fr/cn/b2", 1)),
    ];

    internal static CorpusProject Shard(string name, IEnumerable<(string Path, string Text)> seeds)
    {
        var project = new CorpusProject { AssemblyName = name };
        project.Properties["RootNamespace"] = name;
        project.Properties["CorpusShard"] = "true";
        project.References.Add(Runtime);
        foreach (var (path, text) in seeds)
        {
            project.WithSeed(path, text);
        }

        return project;
    }

    internal static (CorpusProject App, Dictionary<string, byte[]> Images) App(params CorpusProject[] shards)
    {
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["Corpus.Runtime"] = RuntimeImage };
        var app = new CorpusProject();
        app.References.Add(Runtime);
        foreach (var shard in shards)
        {
            var image = shard.Generate().Image();
            images[shard.AssemblyName] = image;
            app.References.Add(MetadataReference.CreateFromImage(image));
        }

        return (app, images);
    }

    [Fact]
    public void The_app_merges_its_own_seeds_and_every_shard_in_the_order_one_project_would_have()
    {
        var (app, images) = App(Shard("ShardA", ShardASeeds), Shard("ShardB", ShardBSeeds));
        app.WithSeed("seeds/own.txt", Seed("Own", "https://www.rfi.fr/cn/own", 6));
        var merged = app.Generate().Load(dependencies: images);

        var single = new CorpusProject();
        foreach (var (path, text) in ShardASeeds.Concat(ShardBSeeds).Append(("seeds/own.txt", Seed("Own", "https://www.rfi.fr/cn/own", 6))))
        {
            single.WithSeed(path, text);
        }

        var expected = single.Generate().Load();
        Assert.Equal(["a1", "b1", "own", "a2", "b2"], merged.All.Select(a => a.Id));
        Assert.Equivalent(expected.All, merged.All, strict: true);
        Assert.Equal(5, merged.Count);
        Assert.Equal("B two", merged.FindById("b2")?.Title);
        Assert.Equal("a2", merged.FindByUrl("HTTPS://WWW.RFI.FR/cn/a2/")?.Id);
        Assert.Null(merged.FindById("missing"));
    }

    [Fact]
    public void The_app_orders_All_at_compile_time_from_the_shards_order_keys_as_the_merge_at_run_time_does()
    {
        // Ties on the day across stores (a3, b3 and own2: day 5, 12:00) and undated seeds in every store.
        (string Path, string Text)[] a = [.. ShardASeeds, ("seeds/a3.txt", Seed("A three", "https://www.rfi.fr/cn/a3", 5)), ("seeds/a0.txt", Seeds.Simple("A undated", "https://www.rfi.fr/cn/a0", "Undated."))];
        (string Path, string Text)[] b = [.. ShardBSeeds, ("seeds/b3.txt", Seed("B three", "https://www.rfi.fr/cn/b3", 5)), ("seeds/b0.txt", Seeds.Simple("B undated", "https://www.rfi.fr/cn/b0", "Undated."))];
        (string Path, string Text)[] own = [("seeds/own2.txt", Seed("Own two", "https://www.rfi.fr/cn/own2", 5)), ("seeds/c0.txt", Seeds.Simple("Own undated", "https://www.rfi.fr/cn/c0", "Undated."))];
        var (app, images) = App(Shard("ShardA", a), Shard("ShardB", b));
        var single = new CorpusProject();
        foreach (var (path, text) in own)
        {
            app.WithSeed(path, text);
        }

        foreach (var (path, text) in a.Concat(b).Concat(own))
        {
            single.WithSeed(path, text);
        }

        var result = app.Generate();
        var merged = result.Load(dependencies: images);

        Assert.Contains("The order of All, made at compile time", result.Source(CorpusEmitter.IndexHintName), StringComparison.Ordinal);
        Assert.Equal(["a1", "b1", "a2", "a3", "b3", "own2", "b2", "a0", "b0", "c0"], merged.All.Select(x => x.Id));
        Assert.Equal(single.Generate().Load().All.Select(x => x.Id), merged.All.Select(x => x.Id));
        Assert.Equal(merged.All.Select(x => x.Id), MergedAtRunTime(result.Image(), images, "ShardA", "ShardB"));
    }

    // The Ids of All as the runtime merges the app's and the shards' stores itself (no order table).
    private static List<string> MergedAtRunTime(byte[] appImage, Dictionary<string, byte[]> images, params string[] shards)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("merge-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (loader, name) => name.Name is { } simple && images.TryGetValue(simple, out var bytes) ? loader.LoadFromStream(new System.IO.MemoryStream(bytes)) : null;
        try
        {
            var app = context.LoadFromStream(new System.IO.MemoryStream(appImage));
            object Store(System.Reflection.Assembly assembly, string dataClass) =>
                assembly.GetType(dataClass, throwOnError: true)!.GetField("Store", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
            var runtime = context.LoadFromAssemblyName(new System.Reflection.AssemblyName("Corpus.Runtime"));
            var storeType = runtime.GetType("Corpus.ArticleStore", throwOnError: true)!;
            var stores = Array.CreateInstance(storeType, shards.Length + 1);
            stores.SetValue(Store(app, "Consumer.ArticlesData"), 0);
            for (var i = 0; i < shards.Length; i++)
            {
                stores.SetValue(Store(context.LoadFromAssemblyName(new System.Reflection.AssemblyName(shards[i])), shards[i] + ".ArticlesData"), i + 1);
            }

            var merged = Activator.CreateInstance(runtime.GetType("Corpus.MergedArticleStore", throwOnError: true)!, [stores])!;
            var all = (System.Collections.IEnumerable)merged.GetType().GetProperty("All")!.GetValue(merged)!;
            return all.Cast<object>().Select(x => (string)x.GetType().GetProperty("Id")!.GetValue(x)!).ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void A_shard_has_its_own_documented_members_and_marks_its_assembly()
    {
        var result = Shard("ShardA", ShardASeeds).Generate();
        var corpus = result.Load("Articles", "ShardA", new Dictionary<string, byte[]> { ["Corpus.Runtime"] = RuntimeImage });

        Assert.Equal("A one", corpus.Member("A1").Title);
        Assert.Equal(["a1", "a2"], corpus.All.Select(a => a.Id));
        var shardFile = result.Source("Corpus.Shard.g.cs");
        Assert.Contains("[assembly: global::Corpus.CorpusShard(typeof(global::ShardA.ArticlesData), 3, 2)]", shardFile, StringComparison.Ordinal);
        // No runtime of its own: Article is Corpus.Runtime's.
        Assert.DoesNotContain(result.Sources, s => s.HintName.StartsWith("Corpus.Runtime", StringComparison.Ordinal));
        Assert.Contains("global::Corpus.Article", result.Source("Corpus.Articles.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_across_shards_are_reported_in_the_app_naming_both_projects()
    {
        var sameIdAsA = new[] { ("seeds/a1.txt", Seed("Another a1", "https://www.rfi.fr/cn/other", 3)) };
        var sameUrlAsA = new[] { ("seeds/c1.txt", Seed("C one", "https://www.rfi.fr/cn/a2", 2)) };
        var (app, _) = App(Shard("ShardA", ShardASeeds), Shard("ShardB", sameIdAsA), Shard("ShardC", sameUrlAsA));
        app.WithSeed("seeds/b1.txt", Seed("Own b1", "https://www.rfi.fr/cn/own-b1", 4));
        var diagnostics = app.Generate().GeneratorDiagnostics;

        var duplicateIds = diagnostics.Where(d => d.Id == "CORPUS007").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["Seed 'ShardB: seeds/a1.txt' is left out: the Id 'a1' is already used by seed 'ShardA: seeds/a1.txt'"], duplicateIds);
        var duplicateUrl = Assert.Single(diagnostics, d => d.Id == "CORPUS008");
        Assert.Equal(DiagnosticSeverity.Warning, duplicateUrl.Severity);
        Assert.Equal("Seed 'ShardC: seeds/c1.txt' has the same URL as seed 'ShardA: seeds/a2.txt' (https://www.rfi.fr/cn/a2)", duplicateUrl.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Location.None, duplicateUrl.Location);
    }

    [Fact]
    public void An_app_seed_that_a_shard_already_has_is_reported_at_the_app_seed()
    {
        var (app, _) = App(Shard("ShardA", ShardASeeds));
        app.WithSeed("seeds/a1.txt", Seed("Own a1", "https://www.rfi.fr/cn/own", 4));
        var diagnostic = Assert.Single(app.Generate().GeneratorDiagnostics);

        Assert.Equal("CORPUS007", diagnostic.Id);
        Assert.Equal(CorpusProject.Directory + "seeds/a1.txt", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("'ShardA: seeds/a1.txt'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_without_Corpus_Runtime_is_CORPUS017()
    {
        var shard = Shard("ShardA", ShardASeeds);
        shard.References.Clear();
        var diagnostic = Assert.Single(shard.Generate().GeneratorDiagnostics);

        Assert.Equal("CORPUS017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("<PackageReference Include=\"Corpus.Runtime\"", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_of_another_data_format_is_CORPUS018_and_left_out()
    {
        // A shard written by some other generator version: its mark says format 999.
        var other = CSharpCompilation.Create(
            "OldShard",
            [CSharpSyntaxTree.ParseText("[assembly: Corpus.CorpusShard(typeof(OldShard.ArticlesData), 999, 1)] namespace OldShard { public static class ArticlesData { public const string Claims = \"\"; } }")],
            TestReferences.All.Append(Runtime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new System.IO.MemoryStream();
        Assert.True(other.Emit(stream).Success);

        var (app, images) = App(Shard("ShardA", ShardASeeds));
        app.References.Add(MetadataReference.CreateFromImage(stream.ToArray()));
        var result = app.Generate();
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);

        Assert.Equal("CORPUS018", diagnostic.Id);
        Assert.StartsWith("Shard 'OldShard' has corpus data format 999, but this project's Corpus.Generator writes format 3", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(["a1", "a2"], result.Load(dependencies: images).All.Select(a => a.Id));
    }

    [Fact]
    public void A_shard_writes_the_size_of_its_data_constants_to_the_nearest_64_KiB()
    {
        // About 200,000 characters of text, held as the text and again in the HTML template's runs, and in the index.
        var paragraphs = string.Concat(Enumerable.Range(0, 2_000).Select(i => "<p>Paragraph " + i + " of the long story, with words enough to count " + (i * 7919 % 1000) + ".</p>"));
        var shard = Shard("BigShard", ShardASeeds);
        shard.WithSeed("seeds/long.txt", Seeds.Simple("Long", "https://www.rfi.fr/cn/long", "Lead.").Replace("<p>Lead.</p>", paragraphs, StringComparison.Ordinal));
        var result = shard.Generate();
        Assert.Contains(result.Sources, s => s.HintName == CorpusEmitter.ShardSizeHintName);

        // What the image's data constants hold as UTF-16 (the chunks' and the segments' nested classes), counted by hand.
        using var pe = new System.Reflection.PortableExecutable.PEReader(System.Collections.Immutable.ImmutableArray.Create(result.Image()));
        var (written, dataBytes) = ShardImage.Sizes(pe);

        Assert.True(dataBytes > 256 * 1024, dataBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, written % 64);
        Assert.InRange(written, (dataBytes / 1024.0) - 33, (dataBytes / 1024.0) + 33);
    }

    [Fact]
    public void An_app_published_with_NativeAOT_adds_its_shards_sizes_to_its_own_and_is_warned_past_the_bound()
    {
        // Shards as their full builds mark them, with no article (so the app merges nothing of them) and a size each:
        // 16 MiB alone fits beside the app's own seeds, two of them do not.
        var (alone, _) = App(Shard("ShardA", ShardASeeds));
        alone.WithSeed("seeds/own.txt", Seed("Own", "https://www.rfi.fr/cn/own", 6));
        alone.References.Add(SizedShard("Sixteen", 16 * 1024));
        alone.Properties["PublishAot"] = "true";
        Assert.DoesNotContain(alone.Generate().GeneratorDiagnostics, d => d.Id == "CORPUS020");

        alone.References.Add(SizedShard("SixteenMore", 16 * 1024));
        var diagnostic = Assert.Single(alone.Generate().GeneratorDiagnostics, d => d.Id == "CORPUS020");
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(message.StartsWith("NativeAOT cannot hold this corpus: its constants are about 32.0 MiB (the app's articles 0.0 MiB, the app's search index 0.0 MiB, the shards 32.0 MiB)", StringComparison.Ordinal), message);
        Assert.Contains("compile fewer seeds into the app and its shards (CorpusSearchIndex=false leaves a project's index out: the app's 0.0 MiB).", message, StringComparison.Ordinal);

        // Without PublishAot nothing is said.
        alone.Properties.Remove("PublishAot");
        Assert.DoesNotContain(alone.Generate().GeneratorDiagnostics, d => d.Id == "CORPUS020");

        static MetadataReference SizedShard(string name, int kibibytes)
        {
            var source = $"[assembly: Corpus.CorpusShard(typeof({name}.ArticlesData), {RecordEncoder.FormatVersion}, 0)] namespace {name} {{ public static class ArticlesData {{ public const string Claims = \"\"; public const string Order = \"\"; public const int ConstantsKibibytes = {kibibytes}; }} }}";
            var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], TestReferences.All.Append(Runtime), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new System.IO.MemoryStream();
            Assert.True(compilation.Emit(stream).Success);
            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }

    [Fact]
    public void An_app_code_edit_reads_no_shard_again_and_rewrites_nothing()
    {
        var (app, _) = App(Shard("ShardA", ShardASeeds), Shard("ShardB", ShardBSeeds));
        app.Sources.Add("namespace Consumer { internal static class Code { public static int Value => 1; } }");
        var compilation = app.CreateCompilation();
        var driver = app.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Code { public static int Value => 2; } }", app.ParseOptions));
        driver = driver.RunGenerators(edited);

        // The discovery step runs on every compilation, but what it finds is equal: everything after it is cached.
        Assert.All(PipelineAssert.Reasons(driver, TrackingNames.References), r => Assert.Equal(Microsoft.CodeAnalysis.IncrementalStepRunReason.Unchanged, r));
        PipelineAssert.AllCachedOrUnchanged(driver, [TrackingNames.EmitSettings, TrackingNames.Index, TrackingNames.ShardChecks, TrackingNames.Members, TrackingNames.Chunks]);
        PipelineAssert.HoldsNoRoslynObjectsOrReferenceCollections(driver, [TrackingNames.References, TrackingNames.ShardChecks, TrackingNames.Shard]);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_lookup_analyzer_knows_the_articles_of_the_shards()
    {
        var (app, _) = App(Shard("ShardA", ShardASeeds));
        app.Sources.Add("namespace Consumer { internal static class Use { public static object? Known => Articles.FindById(\"a2\"); public static object? Unknown => Articles.FindById(\"a9\"); } }");
        var output = app.Generate().Output;
        var globals = app.Properties.ToDictionary(p => "build_property." + p.Key, p => p.Value);
        var options = new AnalyzerOptions([], new TestOptionsProvider(globals, new Dictionary<string, IReadOnlyDictionary<string, string>>()));
        var diagnostics = await output
            .WithAnalyzers([new Corpus.Generator.Analyzers.ArticleLookupAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync();

        // The shard's Id is known (no CORPUS015); a wrong one is reported, with the shard's Ids as the closest.
        var unknown = Assert.Single(diagnostics, d => d.Id == "CORPUS015");
        Assert.Contains("'a9'", unknown.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("'a2'", unknown.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
