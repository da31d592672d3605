using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// A corpus split over shard projects (issue 11), built by the real SDK from the packed Corpus.Generator and
/// Corpus.Runtime: one app over two shards has every value of a single project of the same seeds; a shard packed and
/// consumed by PackageReference too; the cross-shard and version diagnostics fail the app's real build.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedFeedCollection.Name)]
public sealed partial class ShardPackageTests(PackedFeed feed, ITestOutputHelper output)
{
    /// <summary>Every public member of Article, from its documentation: the dump must have walked them all.</summary>
    private static readonly string[] ArticleMembers =
    [
        "Author", "Categories", "CharacterCount", "Column", "Credit", "FeedPublishedAt", "Html", "Id", "Images", "Language", "Lead",
        "Media", "Outlet", "Paragraphs", "PublishedAt", "PublishedAtPrecision", "RawTitle", "ReadingTime", "Sections", "SeedPath",
        "Tags", "Text", "Title", "Url",
    ];

    [Fact]
    public void The_Corpus_Runtime_package_holds_the_library_for_netstandard2_0_net8_0_and_net10_0_and_depends_on_nothing()
    {
        using var package = ZipFile.OpenRead(feed.RuntimePackagePath);
        var files = package.Entries.Select(e => e.FullName).Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                "lib/net10.0/Corpus.Runtime.dll", "lib/net10.0/Corpus.Runtime.xml", "lib/net8.0/Corpus.Runtime.dll", "lib/net8.0/Corpus.Runtime.xml",
                "lib/netstandard2.0/Corpus.Runtime.dll", "lib/netstandard2.0/Corpus.Runtime.xml",
            },
            files);

        var metadata = Nuspec(package, "Corpus.Runtime.nuspec");
        Assert.Equal("Corpus.Runtime", Value(metadata, "id"));
        Assert.Equal(feed.Version, Value(metadata, "version"));
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public async Task An_app_over_two_shards_has_every_value_of_a_single_project_of_the_same_seeds()
    {
        var sharded = await ShardedLayout.BuildAsync(feed, output);

        var app = ShardedLayout.Dump(sharded.AppRun);
        var single = ShardedLayout.Dump(sharded.StandaloneRun);
        output.WriteLine($"dump: {app.Length} lines, SHA-256 app {Hash(app)}, single project {Hash(single)}");

        // Every line: all members of every article (SeedPath included: each seed is in seeds/ of its own project, as
        // in the single project), in the order of All, and each article's lookups.
        Assert.Equal(single, app);
        var values = Consumer.Values(sharded.AppRun);
        Assert.Equal(ArticleMembers, values["Members"].Split(','));
        Assert.Equal("7", values["Count"]);
        Assert.Equal("7", values["AllCount"]);
        Assert.Equal(string.Join(",", ShardedLayout.ExpectedOrder), values["Order"]);
        Assert.True(app.Length > 250, "The dump is too short to hold every value:\n" + string.Join("\n", app));
    }

    [Fact]
    public async Task The_merged_articles_keep_their_seeds_values_and_every_lookup_finds_each_across_shards()
    {
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        var values = Consumer.Values(sharded.AppRun);

        // By hand from the seeds: shard A's repository seed (second in All) and its hand-made seed (fourth).
        Assert.Equal("000_153ef59660deb970", values["All[1].Id"]);
        Assert.Equal("seeds/000_153ef59660deb970.txt", values["All[1].SeedPath"]);
        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演", values["All[1].Title"]);
        Assert.Equal("2022-01-12T12:44:00.0000000+01:00", values["All[1].PublishedAt"]);
        Assert.Equal("美国重建北约以对抗俄罗斯，计划却被普京打乱", values["All[1].Sections[1].Heading"]);
        Assert.Equal("俄罗斯则否认有任何不当行为。", values["All[1].Paragraphs[4]"]);
        Assert.Equal("a-2021-spring", values["All[3].Id"]);
        Assert.Equal("seeds/a-2021-spring.txt", values["All[3].SeedPath"]);
        Assert.Equal("https://example.org/img/blossom.jpg", values["All[3].Images[0].Url"]);
        Assert.Equal("Cherry blossoms by the river.", values["All[3].Images[0].Caption"]);
        Assert.Equal("https://www.youtube.com/embed/abc123", values["All[3].Media[0].Url"]);
        Assert.Equal("spring", values["All[3].Tags[0]"]);
        Assert.Equal("weather", values["All[3].Categories[0]"]);
        Assert.Equal("Farmers", values["All[3].Sections[1].Heading"]);
        Assert.Equal("<null>", values["All[6].PublishedAt"]);

        for (var i = 0; i < ShardedLayout.ExpectedOrder.Length; i++)
        {
            Assert.Equal("True", values[$"All[{i}].FindById"]);
            Assert.Equal("True", values[$"All[{i}].FindByUrl"]);
            Assert.Equal("True", values[$"All[{i}].FindByUrlWithFragment"]);
        }

        Assert.Equal("True", values["FindById(absent)"]);
        Assert.Equal("True", values["FindByUrl(absent)"]);
    }

    [Fact]
    public async Task Each_shard_keeps_its_documented_members_and_every_article_is_Corpus_Runtimes_one_Article_type()
    {
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        var values = Consumer.Values(sharded.AppRun);

        Assert.Equal("True", values["ShardMember.ShardA"]);
        Assert.Equal("True", values["ShardMember.ShardB"]);
        Assert.Equal("True", values["ShardMember.App"]);
        Assert.Equal("3", values["ShardMember.ShardACount"]);
        Assert.StartsWith("Corpus.Article, Corpus.Runtime, ", values["ShardMember.MemberType"], StringComparison.Ordinal);
        Assert.Equal(values["ShardMember.MemberType"], values["ShardMember.AllType"]);
    }

    [Fact]
    public async Task A_shards_evaluation_lists_no_seed_which_its_build_collects_while_an_app_keeps_its_seed_items()
    {
        // Every build of an app evaluates each shard it references (twice): a shard's seeds are collected when it builds
        // (CorpusCollectShardSeeds), the SDK's default items skip its seeds folder, and the SDK's Link update of every
        // item is off (docs/performance.md#shards). The app's own seeds stay items, shown in the IDE's tree.
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        var shardDirectory = Path.Combine(Path.GetDirectoryName(sharded.App.Directory.TrimEnd(Path.DirectorySeparatorChar))!, "ShardA");

        var shard = await Evaluate(shardDirectory, "ShardA.csproj");
        var app = await Evaluate(sharded.App.Directory, "App.csproj");

        Assert.Equal("false", shard.GetProperty("Properties").GetProperty("SetLinkMetadataAutomatically").GetString());
        Assert.Equal(string.Empty, app.GetProperty("Properties").GetProperty("SetLinkMetadataAutomatically").GetString());
        Assert.Empty(ItemPaths(shard, "AdditionalFiles"));
        Assert.DoesNotContain(ItemPaths(shard, "None"), p => p.Contains("seeds", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(shardDirectory, "seeds") + Path.DirectorySeparatorChar, shard.GetProperty("Properties").GetProperty("CorpusSeedsPath").GetString());
        Assert.Equal(["seeds/app-2023.txt", "seeds/app-undated.txt"], ItemPaths(app, "AdditionalFiles").Select(p => p.Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(sharded.App.Directory.TrimEnd(Path.DirectorySeparatorChar), "seeds") + Path.DirectorySeparatorChar, app.GetProperty("Properties").GetProperty("CorpusSeedsPath").GetString());

        // What the build collected: shard A's three seeds, each once (the app's dump has their values: other tests).
        Assert.Equal("3", Consumer.Values(sharded.AppRun)["ShardMember.ShardACount"]);
    }

    [Fact]
    public async Task A_shard_writes_no_PDB_unless_CorpusShardDebugSymbols_while_the_app_keeps_its_own()
    {
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        var folder = Path.GetDirectoryName(sharded.App.Directory.TrimEnd(Path.DirectorySeparatorChar))!;

        foreach (var shard in new[] { "ShardA", "ShardB" })
        {
            var files = Directory.GetFiles(Path.Combine(folder, shard, "bin"), shard + ".*", SearchOption.AllDirectories).Select(Path.GetFileName);
            Assert.Contains(shard + ".dll", files);
            Assert.DoesNotContain(shard + ".pdb", files);
        }

        Assert.True(File.Exists(Path.Combine(sharded.App.OutputDirectory, "Consumer.pdb")));

        var listed = await ListedShardBuild();
        Assert.True(File.Exists(Path.Combine(listed.OutputDirectory, "Consumer.pdb")));
    }

    [Fact]
    public async Task A_shard_seed_also_listed_as_an_item_is_read_once_one_listed_as_no_seed_is_left_out_and_a_text_file_outside_seeds_is_no_seed()
    {
        var listed = await ListedShardBuild();
        var values = Consumer.Values(await listed.RunAsync().LoggedTo(output));

        // seeds/one.txt is collected and listed with CorpusSeed="true"; seeds/two.txt is collected; seeds/draft.txt is
        // listed with CorpusSeed="false"; notes.txt, beside the project, is another analyzer's file: two articles, no CORPUS007.
        Assert.Equal("2", values["Count"]);
        Assert.Equal("one,two", values["Ids"]);
    }

    /// <summary>
    /// A shard with <c>CorpusShardDebugSymbols</c>, one of its seeds also listed as an item, one file of its seeds folder
    /// listed with <c>CorpusSeed="false"</c>, and a text file of another analyzer; an executable (assembly
    /// <c>Consumer</c>), so that it prints what it holds.
    /// </summary>
    private Task<Consumer> ListedShardBuild() => feed.Shared("sharded-listed", async () =>
    {
        var shard = ShardedLayout.Shard(feed, "ShardListed", "net10.0",
        [
            ("one.txt", "---\ntitle: \"Listed one\"\ndate: 2022-02-02T00:00:00+00:00\n---\n[Listed one](https://example.org/listed/one)\n------\n\n<div><p>Collected and listed.</p></div>\n"),
            ("two.txt", "---\ntitle: \"Listed two\"\ndate: 2022-01-01T00:00:00+00:00\n---\n[Listed two](https://example.org/listed/two)\n------\n\n<div><p>Collected only.</p></div>\n"),
            ("draft.txt", "[A draft left out](https://example.org/listed/draft)\n------\n\n<div><p>Listed with CorpusSeed=false.</p></div>\n"),
        ],
        """
        <OutputType>Exe</OutputType>
        <AssemblyName>Consumer</AssemblyName>
        <CorpusClassName>Listed</CorpusClassName>
        <CorpusShardDebugSymbols>true</CorpusShardDebugSymbols>
        </PropertyGroup>
        <ItemGroup>
          <AdditionalFiles Include="seeds/one.txt" CorpusSeed="true" />
          <AdditionalFiles Include="seeds/draft.txt" CorpusSeed="false" />
          <AdditionalFiles Include="notes.txt" />
        </ItemGroup>
        <PropertyGroup>
        """)
            .WithFile("notes.txt", "[Not a seed](https://example.org/notes)\n------\n\n<div><p>Another analyzer's file.</p></div>\n")
            .WithFile("Program.cs", """
                System.Console.WriteLine("Count=" + ShardListed.Listed.Count);
                System.Console.WriteLine("Ids=" + string.Join(",", System.Linq.Enumerable.Select(ShardListed.Listed.All, a => a.Id)));
                """);
        var build = await shard.BuildAsync().LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("CORPUS", build.Output, StringComparison.Ordinal);
        return shard;
    });

    [Fact]
    public async Task A_shards_compiler_gets_the_generator_cache_and_its_own_process_runs_without_tiered_PGO_unless_the_shard_says_otherwise()
    {
        var shard = ShardedLayout.Shard(feed, "ShardEnvironment", "netstandard2.0",
            [("one.txt", "[Environment one](https://example.org/environment/one)\n------\n\n<div><p>One.</p></div>\n")],
            "<LangVersion>9</LangVersion><CscEnvironment>CORPUS_PROJECT_SETTING=1</CscEnvironment>");

        // The SDK's Csc task logs the variables it hands its compiler process (detailed verbosity): the real build.
        var build = await shard.BuildAsync("-v:d").LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());
        var handed = build.Output.Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Contains("DOTNET_TieredPGO=0", handed);
        Assert.Contains("CORPUS_PROJECT_SETTING=1", handed);

        // The compiler server's generator cache (CorpusGeneratorCache, on by default): on the compiler's command line.
        Assert.Contains("/features:enable-generator-cache", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("enable-generator-cache", Property(await Evaluate(shard.Directory, "ShardEnvironment.csproj", "-p:CorpusGeneratorCache=false"), "Features"), StringComparison.Ordinal);

        // Evaluations: the shard's own setting, the compiler server (a process this never reaches), an app.
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        Assert.Equal("CORPUS_PROJECT_SETTING=1", CscEnvironment(await Evaluate(shard.Directory, "ShardEnvironment.csproj", "-p:UseSharedCompilation=false", "-p:CorpusShardTieredPGO=true")));
        Assert.Equal("CORPUS_PROJECT_SETTING=1", CscEnvironment(await Evaluate(shard.Directory, "ShardEnvironment.csproj", "-p:UseSharedCompilation=true")));
        Assert.Equal(string.Empty, CscEnvironment(await Evaluate(sharded.App.Directory, "App.csproj", "-p:UseSharedCompilation=false")));

        static string CscEnvironment(System.Text.Json.JsonElement evaluation) =>
            evaluation.GetProperty("Properties").GetProperty("CscEnvironment").GetString()!.Trim(';');
    }

    /// <summary>What MSBuild's evaluation of a project gives (no target runs): its items and properties, as JSON.</summary>
    private async Task<System.Text.Json.JsonElement> Evaluate(string directory, string project, params string[] properties)
    {
        var result = await DotnetCli.RunAsync(directory,
        [
            "msbuild", project, "-getItem:AdditionalFiles", "-getItem:None",
            "-getProperty:SetLinkMetadataAutomatically", "-getProperty:CorpusSeedsPath", "-getProperty:CscEnvironment",
            "-getProperty:ProduceReferenceAssembly", "-getProperty:TargetRefPath", "-getProperty:Features", .. properties,
        ]).LoggedTo(output);
        Assert.True(result.Succeeded, result.ToString());
        return System.Text.Json.JsonDocument.Parse(result.Output).RootElement;
    }

    private static string Property(System.Text.Json.JsonElement evaluation, string name) =>
        evaluation.GetProperty("Properties").GetProperty(name).GetString()!;

    private static string[] ItemPaths(System.Text.Json.JsonElement evaluation, string type) =>
        evaluation.GetProperty("Items").TryGetProperty(type, out var items)
            ? [.. items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!)]
            : [];

    [Fact]
    public async Task An_apps_static_graph_build_builds_its_shards_first_and_gives_the_values_of_a_single_project()
    {
        // The README's advice for clean builds of a sharded layout (dotnet build -graph: MSBuild schedules the shards
        // on every node before the app asks for them); the package's targets must hold in that mode too.
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        ShardedLayout.Shard(feed, "GraphShardA", "netstandard2.0", ShardedLayout.ShardASeeds, "<LangVersion>9</LangVersion>");
        ShardedLayout.Shard(feed, "GraphShardB", "net10.0", ShardedLayout.ShardBSeeds);
        var app = ShardedLayout.App(feed, "GraphApp", ShardedLayout.ProjectReferences("GraphShardA", "GraphShardB"), ShardedLayout.AppSeeds, string.Empty);

        var build = await app.BuildAsync("-graph").LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("Static graph loaded", build.Output, StringComparison.Ordinal);
        var run = await app.RunAsync().LoggedTo(output);
        Assert.True(run.Succeeded, run.ToString());

        Assert.Equal(ShardedLayout.Dump(sharded.StandaloneRun), ShardedLayout.Dump(run));
    }

    [Fact]
    public async Task The_app_gets_Corpus_Runtime_and_its_shards_and_the_single_project_nothing_but_its_own_assembly()
    {
        var sharded = await ShardedLayout.BuildAsync(feed, output);

        var app = Directory.GetFiles(sharded.App.OutputDirectory).Select(Path.GetFileName).ToArray();
        var single = Directory.GetFiles(sharded.Standalone.OutputDirectory).Select(Path.GetFileName).ToArray();

        Assert.Contains("Corpus.Runtime.dll", app);
        Assert.Contains("ShardA.dll", app);
        Assert.Contains("ShardB.dll", app);
        Assert.DoesNotContain("Corpus.Generator.dll", app);
        Assert.DoesNotContain("AngleSharp.dll", app);
        Assert.All(single, f => Assert.Equal("Consumer", f!.Split('.')[0]));
        Assert.DoesNotContain("Corpus.Runtime", File.ReadAllText(Path.Combine(sharded.Standalone.OutputDirectory, "Consumer.deps.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_packed_into_a_feed_and_consumed_by_PackageReference_gives_the_same_values()
    {
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        var shardA = Path.Combine(feed.Root, ShardedLayout.Folder, "ShardA");

        // As a CI machine would publish it: packed from its own build, into a feed the app restores from. A prerelease,
        // as a stable package may not depend on this run's prerelease Corpus.Runtime (NU5104).
        var pack = await DotnetCli.RunAsync(shardA, ["pack", "-c", "Debug", "--no-build", "-o", feed.Feed, "-p:PackageVersion=1.0.0-e2e"]).LoggedTo(output);
        Assert.True(pack.Succeeded, pack.ToString());
        using (var package = ZipFile.OpenRead(Path.Combine(feed.Feed, "ShardA.1.0.0-e2e.nupkg")))
        {
            var files = package.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/netstandard2.0/ShardA.dll", files);

            // Its reference assembly and documentation in ref/, which the app compiles against: the API, claims and size, no data.
            Assert.Contains("ref/netstandard2.0/ShardA.xml", files);
            var reference = Path.Combine(feed.Root, "ShardA.packed-reference.dll");
            package.GetEntry("ref/netstandard2.0/ShardA.dll")!.ExtractToFile(reference, overwrite: true);
            var (types, _, constants, claims) = Read(reference);
            Assert.Contains("ArticlesData", types);
            Assert.Equal(["Claims", "ConstantsKibibytes", "Count", "Order"], constants.Order(StringComparer.Ordinal));
            Assert.Contains("a-2021-spring", claims, StringComparison.Ordinal);
            var dependencies = Nuspec(package, "ShardA.nuspec").Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
            // Corpus.Runtime flows to the app through the shard; the generator (PrivateAssets) does not.
            Assert.Equal(new[] { "Corpus.Runtime " + feed.Version }, dependencies.Select(d => d.Attribute("id")?.Value + " " + d.Attribute("version")?.Value));
        }

        var app = ShardedLayout.App(
            feed, "PackagedApp", "<PackageReference Include=\"ShardA\" Version=\"1.0.0-e2e\" />\n" + ShardedLayout.ProjectReferences("ShardB"), ShardedLayout.AppSeeds, ShardedLayout.ShardMemberLines);
        var build = await app.BuildAsync().LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());
        var run = await app.RunAsync().LoggedTo(output);

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(ShardedLayout.Dump(sharded.StandaloneRun), ShardedLayout.Dump(run));
        var values = Consumer.Values(run);
        Assert.Equal("True", values["ShardMember.ShardA"]);
        Assert.Equal(values["ShardMember.MemberType"], values["ShardMember.AllType"]);
    }

    [Fact]
    public async Task The_lookup_analyzer_knows_a_shards_Ids_in_the_apps_real_build_and_names_the_member_on_the_shards_class()
    {
        // The shard's articles reach the analyzer from its built assembly (the claims constant); its member from the
        // shard's metadata. CORPUS016 is a suggestion, raised to a warning here so that the build prints it.
        await ShardedLayout.BuildAsync(feed, output);
        var app = ShardedLayout.App(feed, "LookupApp", ShardedLayout.ProjectReferences("ShardA"), [], string.Empty)
            .WithFile("Program.cs", """
                var wrong = Consumer.Articles.FindById("a-undatex");
                var right = Consumer.Articles.FindById("a-undated");
                System.Console.WriteLine("WrongIsNull=" + (wrong is null));
                System.Console.WriteLine("Right=" + right?.Id);
                """)
            .WithFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CORPUS016.severity = warning\n");

        var build = await app.BuildAsync().LoggedTo(output);

        Assert.True(build.Succeeded, build.ToString());
        Assert.Matches(@"Program\.cs\(1,40\): warning CORPUS015: No article has the Id 'a-undatex'; the closest: 'a-undated'", build.Output);
        Assert.Matches(@"Program\.cs\(2,13\): warning CORPUS016: The lookup of 'a-undated' can be the member ShardA\.Articles\.AUndated", build.Output);
        var run = await app.RunAsync().LoggedTo(output);
        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("True", Consumer.Values(run)["WrongIsNull"]);
        Assert.Equal("a-undated", Consumer.Values(run)["Right"]);
    }

    [Fact]
    public async Task Two_shards_with_the_same_Id_fail_the_apps_build_naming_both_seeds_and_their_projects()
    {
        var build = await FaultyBuild();

        var errors = Lines(build, "error CORPUS007", "FaultyApp");

        // The two Id clashes and nothing else: shard A and shard B share no Id.
        Assert.Equal(2, errors.Length);
        Assert.Single(errors, l => l.Contains("'ShardA: seeds/a-2021-spring.txt'", StringComparison.Ordinal)
            && l.Contains("'ShardDup: seeds/a-2021-spring.txt'", StringComparison.Ordinal)
            && l.Contains("the Id 'a-2021-spring'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_shards_with_the_same_URL_warn_in_the_apps_build_naming_both_seeds_and_their_projects()
    {
        var build = await FaultyBuild();

        var warning = Assert.Single(Lines(build, "warning CORPUS008", "FaultyApp"));

        Assert.Contains("'ShardDup: seeds/dup-same-url.txt'", warning, StringComparison.Ordinal);
        Assert.Contains("'ShardB: seeds/b-undated.txt'", warning, StringComparison.Ordinal);
        Assert.Contains("(https://example.org/b/undated)", warning, StringComparison.Ordinal);
        Assert.Empty(Lines(build, "error CORPUS008", "FaultyApp"));
    }

    [Fact]
    public async Task An_app_seed_with_a_shards_Id_is_an_error_at_the_app_seeds_file()
    {
        var build = await FaultyBuild();

        var errors = Lines(build, "error CORPUS007", "FaultyApp");

        // MSBuild's canonical format, so IDEs and CI annotate the app's own seed: FILE(LINE,COL[,LINE,COL]): error CODE.
        Assert.Single(errors, l => Regex.IsMatch(l, @"/FaultyApp/seeds/b-undated\.txt\(\d+,\d+(,\d+,\d+)?\): error CORPUS007: Seed 'seeds/b-undated\.txt' .*'ShardB: seeds/b-undated\.txt'"));
    }

    [Fact]
    public async Task A_library_that_marks_itself_as_a_shard_of_another_data_format_fails_the_apps_build_naming_it()
    {
        var build = await FaultyBuild();

        var error = Assert.Single(Lines(build, "error CORPUS018", "FaultyApp"));

        Assert.Contains("Shard 'FutureShard' has corpus data format 999", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_without_Corpus_Runtime_fails_its_build_with_CORPUS017_alone_telling_the_package_version()
    {
        var build = await FaultyBuild();

        var error = Assert.Single(Lines(build, "error", "NoRuntime"));

        Assert.Contains("error CORPUS017: ", error, StringComparison.Ordinal);
        Assert.Contains($"<PackageReference Include=\"Corpus.Runtime\" Version=\"{feed.Version}\" />", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// One build of the faulty projects, shared by the diagnostics' tests: an app over ShardA, ShardB, ShardDup (an Id
    /// of ShardA, a URL of ShardB) and FutureShard (a hand-made mark of data format 999), with a seed of ShardB's Id;
    /// and, in the same solution, a shard without Corpus.Runtime.
    /// </summary>
    private Task<CommandResult> FaultyBuild() => feed.Shared("sharded-faulty", async () =>
    {
        // ShardA and ShardB are built by the good build: this one only references them.
        await ShardedLayout.BuildAsync(feed, output);
        ShardedLayout.Shard(feed, "ShardDup", "net10.0",
        [
            ("a-2021-spring.txt", "[Another article that took shard A's Id](https://example.org/dup/spring)\n------\n\n<div><p>Same file name as a seed of shard A.</p></div>\n"),
            ("dup-same-url.txt", "[Another article at shard B's address](https://example.org/b/undated)\n------\n\n<div><p>Its own Id, shard B's URL.</p></div>\n"),
        ]);
        feed.CreateProject(Path.Combine(ShardedLayout.Folder, "FutureShard"), "FutureShard.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Corpus.Runtime" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """).WithFile("FutureShard.cs", """
            // What a shard written by a future generator would carry: its mark, with a data format this one cannot read.
            [assembly: Corpus.CorpusShard(typeof(FutureShard.ArticlesData), 999, 0)]

            namespace FutureShard
            {
                public static class ArticlesData
                {
                    public const string Claims = "";
                }
            }
            """);
        ShardedLayout.App(
            feed, "FaultyApp", ShardedLayout.ProjectReferences("ShardA", "ShardB", "ShardDup", "FutureShard"),
            [("b-undated.txt", "[The app's article that took shard B's Id](https://example.org/faulty/b-undated)\n------\n\n<div><p>Same file name as a seed of shard B.</p></div>\n")],
            string.Empty);
        ShardedLayout.Shard(feed, "NoRuntime", "net10.0", [("lonely.txt", "[A shard without its runtime](https://example.org/lonely)\n------\n\n<div><p>Text.</p></div>\n")], withRuntime: false);

        var build = await ShardedLayout.Solution(feed, "faulty", "FaultyApp", "NoRuntime").BuildAsync("faulty.slnx").LoggedTo(output);
        Assert.False(build.Succeeded, build.ToString());
        return build;
    });

    /// <summary>The distinct lines of the build's output that hold <paramref name="text"/> and are about <paramref name="project"/>.</summary>
    private static string[] Lines(CommandResult build, string text, string project) =>
        build.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains(text, StringComparison.Ordinal) && l.Contains($"/{project}/{project}.csproj]", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static XElement Nuspec(ZipArchive package, string name)
    {
        using var stream = package.GetEntry(name)!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string Hash(string[] lines) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..16];
}
