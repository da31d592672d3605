using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// The NuGet package as a user gets it: packed from this repository, restored by a new console project from a folder
/// feed, built with the real SDK and compiler, and run. Slow (about a minute and a half on two cores): filter with
/// <c>--filter Category!=EndToEnd</c> for a quick loop.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedFeedCollection.Name)]
public sealed partial class PackageTests(PackedFeed feed, ITestOutputHelper output)
{
    private const string ArticleProgram = """
        using System;
        using System.Globalization;

        Console.WriteLine("Count=" + Consumer.Articles.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var article in Consumer.Articles.All)
        {
            Console.WriteLine("Id=" + article.Id);
            Console.WriteLine("SeedPath=" + article.SeedPath);
            Console.WriteLine("Title=" + article.Title);
            Console.WriteLine("Outlet=" + article.Outlet);
            Console.WriteLine("PublishedAt=" + article.PublishedAt?.ToString("O", CultureInfo.InvariantCulture));
            Console.WriteLine("RawTitle=" + article.RawTitle);
            Console.WriteLine("Column=" + article.Column);
            Console.WriteLine("Url=" + article.Url.OriginalString);
            Console.WriteLine("FeedPublishedAt=" + article.FeedPublishedAt?.ToString("O", CultureInfo.InvariantCulture));
            Console.WriteLine("Lead=" + article.Lead);
            Console.WriteLine("Sections=" + string.Join("|", System.Linq.Enumerable.Select(article.Sections, s => (s.Heading ?? "-") + ":" + s.Paragraphs.Count)));
            Console.WriteLine("Paragraph4=" + (article.Paragraphs.Count > 4 ? article.Paragraphs[4] : "-"));
            Console.WriteLine("Images=" + article.Images.Count);
            Console.WriteLine("FindById=" + (Consumer.Articles.FindById(article.Id) == article));
            Console.WriteLine("FindByUrl=" + (Consumer.Articles.FindByUrl(article.Url) == article));
        }
        """;

    private static readonly string[] PackageFiles =
    [
        "Corpus.Generator.nuspec",
        "PACKAGE.md",
        "analyzers/dotnet/cs/AngleSharp.dll",
        "analyzers/dotnet/cs/Corpus.Generator.CodeFixes.dll",
        "analyzers/dotnet/cs/Corpus.Generator.dll",
        "analyzers/dotnet/cs/YamlDotNet.dll",
        "build/Corpus.Generator.props",
        "build/Corpus.Generator.targets",
    ];

    [Fact]
    public void The_package_holds_the_generator_AngleSharp_and_YamlDotNet_as_analyzers_and_nothing_for_run_time()
    {
        output.WriteLine($"{feed.Pack.Duration.TotalSeconds,5:F1} s  exit {feed.Pack.ExitCode}  {feed.Pack.CommandLine}");
        using var package = ZipFile.OpenRead(feed.PackagePath);
        var files = package.Entries.Select(e => e.FullName).Where(IsContent).Order(StringComparer.Ordinal);
        Assert.Equal(PackageFiles, files);

        var nuspec = XDocument.Load(package.GetEntry("Corpus.Generator.nuspec")!.Open()).Root!;
        var metadata = nuspec.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("Corpus.Generator", Value("id"));
        Assert.Equal(feed.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("PACKAGE.md", Value("readme"));
        Assert.Contains("source-generator", Value("tags")!.Split(' '));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal("https://github.com/corpus-generator/Corpus.Generator", repository.Attribute("url")?.Value);
        // Everything the generator needs is inside the package: a consumer inherits no package through it.
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName is "dependencies" or "dependency");

        using var symbols = ZipFile.OpenRead(feed.SymbolsPackagePath);
        Assert.Equal(["analyzers/dotnet/cs/Corpus.Generator.pdb"], symbols.Entries.Select(e => e.FullName).Where(IsContent).Where(f => f != "Corpus.Generator.nuspec"));

        static bool IsContent(string path) =>
            !path.StartsWith("_rels/", StringComparison.Ordinal) && !path.StartsWith("package/", StringComparison.Ordinal) && path != "[Content_Types].xml";
    }

    [Fact]
    public void The_packed_generator_binds_to_the_Roslyn_of_the_NET_8_SDK_and_to_the_libraries_beside_it()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath);
        var generator = References(package, "analyzers/dotnet/cs/Corpus.Generator.dll");
        var angleSharp = AssemblyVersion(package, "analyzers/dotnet/cs/AngleSharp.dll");
        var yaml = AssemblyVersion(package, "analyzers/dotnet/cs/YamlDotNet.dll");

        // A compiler loads a generator that references its own Roslyn version or an older one: 4.8 is the .NET 8 SDK's.
        Assert.Equal(new Version(4, 8, 0, 0), generator["Microsoft.CodeAnalysis"]);
        Assert.Equal(new Version(4, 8, 0, 0), generator["Microsoft.CodeAnalysis.CSharp"]);
        Assert.Equal(angleSharp, generator["AngleSharp"]);
        Assert.Equal(yaml, generator["YamlDotNet"]);
    }

    [Fact]
    public async Task The_seeds_folder_is_read_without_any_item_and_the_article_reaches_the_program()
    {
        var consumer = await BuiltDefaultConsumer();

        var run = await Logged(consumer.RunAsync());

        Assert.True(run.Succeeded, run.ToString());
        var values = Consumer.Values(run);
        Assert.Equal("1", values["Count"]);
        Assert.Equal("000_153ef59660deb970", values["Id"]);
        Assert.Equal("seeds/000_153ef59660deb970.txt", values["SeedPath"]);
        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演", values["Title"]);
        Assert.Equal("RFI", values["Outlet"]);
        Assert.Equal("2022-01-12T12:44:00.0000000+01:00", values["PublishedAt"]);
        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演 - 要闻解说", values["RawTitle"]);
        Assert.Equal("要闻解说", values["Column"]);
        Assert.StartsWith("https://www.rfi.fr/cn/%E4%B8%93%E6%A0%8F%E6%A3%80%E7%B4%A2/%E8%A6%81%E9%97%BB%E8%A7%A3%E8%AF%B4/20220112-", values["Url"], StringComparison.Ordinal);
        Assert.Equal("2022-01-12T12:15:02.0000000+00:00", values["FeedPublishedAt"]);
        Assert.Equal("今天（1月12日），俄罗斯将向北约提出其对欧洲安全保障的要求，此前俄罗斯与美国在日内瓦举行的紧张会谈显示出双方存在重大分歧需要弥合。", values["Lead"]);
        Assert.Equal("-:5|美国重建北约以对抗俄罗斯，计划却被普京打乱:4|与北约会谈前夕 俄在乌克兰边境实弹演习:12", values["Sections"]);
        Assert.Equal("俄罗斯则否认有任何不当行为。", values["Paragraph4"]);
        Assert.Equal("0", values["Images"]);
        Assert.Equal("True", values["FindById"]);
        Assert.Equal("True", values["FindByUrl"]);
    }

    [Fact]
    public async Task Nothing_of_the_generator_or_of_Corpus_Runtime_is_copied_to_the_output_folder()
    {
        var consumer = await BuiltDefaultConsumer();

        var files = Directory.GetFiles(consumer.OutputDirectory).Select(Path.GetFileName).ToArray();

        Assert.Contains("Consumer.dll", files);
        Assert.DoesNotContain("AngleSharp.dll", files);
        Assert.DoesNotContain("YamlDotNet.dll", files);
        Assert.DoesNotContain("Corpus.Generator.dll", files);
        Assert.DoesNotContain(files, f => f!.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
        // A single project needs no runtime package: only its own assembly and the host's files (Consumer, .dll, .pdb, .deps.json, .runtimeconfig.json).
        Assert.DoesNotContain("Corpus.Runtime.dll", files);
        Assert.All(files, f => Assert.Equal("Consumer", f!.Split('.')[0]));
        Assert.DoesNotContain("Corpus.Runtime", File.ReadAllText(Path.Combine(consumer.OutputDirectory, "Consumer.deps.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_without_changes_skips_the_compiler_and_an_edited_seed_runs_it()
    {
        var consumer = await BuiltDefaultConsumer();

        var unchanged = await Logged(consumer.BuildAsync("-v:n"));

        Assert.True(unchanged.Succeeded, unchanged.ToString());
        Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", unchanged.Output);

        // Seeds are compiler inputs: a newer seed must rebuild (same text, so the other tests still see the same article).
        File.SetLastWriteTimeUtc(Path.Combine(consumer.Directory, "seeds", PackedFeed.ProjectSeedName), DateTime.UtcNow);
        var edited = await Logged(consumer.BuildAsync("-v:n"));

        Assert.True(edited.Succeeded, edited.ToString());
        Assert.DoesNotContain("Skipping target \"CoreCompile\"", edited.Output);
        Assert.Matches(@"Target ""CoreCompile""|CoreCompile:", edited.Output);
    }

    [Fact]
    public async Task Options_rename_the_namespace_and_class_make_them_public_and_move_the_seeds_folder()
    {
        var consumer = feed.CreateConsumer(
            "options",
            """
            using System;

            Console.WriteLine("Count=" + Custom.Corpus.Library.Count);
            Console.WriteLine("ClassIsPublic=" + typeof(Custom.Corpus.Library).IsPublic);
            Console.WriteLine("ArticleIsPublic=" + typeof(Custom.Corpus.Article).IsPublic);
            Console.WriteLine("SeedPath=" + Custom.Corpus.Library.All[0].SeedPath);
            """,
            properties: """
                <CorpusNamespace>Custom.Corpus</CorpusNamespace>
                <CorpusClassName>Library</CorpusClassName>
                <CorpusVisibility>public</CorpusVisibility>
                <CorpusSeedsDirectory>data</CorpusSeedsDirectory>
            """,
            items: """
              <ItemGroup>
                <!-- Also named by hand: the package must not read it twice. -->
                <AdditionalFiles Include="data/nested/000_153ef59660deb970.txt" CorpusSeed="true" />
              </ItemGroup>
              <Target Name="E2EListSeeds" AfterTargets="CorpusDeduplicateSeeds">
                <Message Importance="high" Text="E2E seed: %(AdditionalFiles.FullPath)" Condition="'%(AdditionalFiles.CorpusSeed)' == 'true'" />
              </Target>
            """)
            .WithProjectSeed(Path.Combine("data", "nested"))
            // Not a seed any more once the folder moved: it would fail the build if it were read.
            .WithFile(Path.Combine("seeds", "not-a-seed.txt"), "no separator here\n");

        var build = await Logged(consumer.BuildAsync());
        var run = await Logged(consumer.RunAsync());

        Assert.True(build.Succeeded, build.ToString());
        Assert.Single(Regex.Matches(build.Output, "E2E seed: .*000_153ef59660deb970\\.txt"));
        Assert.True(run.Succeeded, run.ToString());
        var values = Consumer.Values(run);
        Assert.Equal("1", values["Count"]);
        Assert.Equal("True", values["ClassIsPublic"]);
        Assert.Equal("True", values["ArticleIsPublic"]);
        Assert.Equal("data/nested/000_153ef59660deb970.txt", values["SeedPath"]);
    }

    [Fact]
    public async Task A_malformed_seed_fails_the_build_at_its_file_until_default_seeds_are_turned_off()
    {
        var consumer = feed.CreateConsumer("malformed", ArticleProgram)
            .WithFile(Path.Combine("seeds", "bad.txt"), "<!--1641989702000-->\n[A title](https://example.com/a)\n\n<p>No separator line.</p>\n");

        var failed = await Logged(consumer.BuildAsync());

        Assert.False(failed.Succeeded, failed.ToString());
        // MSBuild's canonical error format, so IDEs and CI annotate the seed: FILE(LINE,COL[,LINE,COL]): error CODE: text.
        Assert.Matches(@"seeds/bad\.txt\(\d+,\d+(,\d+,\d+)?\): error CORPUS002: Seed 'seeds/bad\.txt': ", failed.Output);
        Assert.DoesNotContain("CS8784", failed.Output);
        Assert.DoesNotContain("CS8785", failed.Output);

        var withoutDefaults = await Logged(consumer.BuildAsync("-p:EnableDefaultCorpusSeeds=false"));
        var run = await Logged(consumer.RunAsync());

        Assert.True(withoutDefaults.Succeeded, withoutDefaults.ToString());
        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("0", Consumer.Values(run)["Count"]);
    }

    [Fact]
    public async Task Front_matter_is_read_inside_the_real_compiler_with_the_packed_YamlDotNet()
    {
        // No [title](url) block: the title and URL can only come from the YAML front matter.
        var consumer = feed.CreateConsumer("front-matter", ArticleProgram)
            .WithFile(
                Path.Combine("seeds", "jekyll-post.txt"),
                "---\nlayout: post\ntitle: \"Front matter title\"\ndate: 2020-07-30 19:36:25 +0800\nfrom: https://example.com/posts/1\ntags: [a, b]\n---\n<article><p>Body text of the post.</p></article>\n");

        var build = await Logged(consumer.BuildAsync());
        var run = await Logged(consumer.RunAsync());

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(run.Succeeded, run.ToString());
        var values = Consumer.Values(run);
        Assert.Equal("jekyll-post", values["Id"]);
        Assert.Equal("Front matter title", values["Title"]);
        Assert.Equal("2020-07-30T19:36:25.0000000+08:00", values["PublishedAt"]);
    }

    [Fact]
    public async Task Without_AngleSharp_beside_it_the_generator_fails_the_build_rather_than_generating_nothing()
    {
        // What a package that forgot AngleSharp.dll would do: the same package with that analyzer taken away.
        var consumer = feed.CreateConsumer("no-anglesharp", ArticleProgram, items: """
              <Target Name="E2EDropAngleSharp" BeforeTargets="CoreCompile">
                <ItemGroup>
                  <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'AngleSharp'" />
                </ItemGroup>
              </Target>
            """).WithProjectSeed();

        var build = await Logged(consumer.BuildAsync());

        Assert.False(build.Succeeded, build.ToString());
        Assert.Matches(@"error (CORPUS099|CS8785): .*Could not load file or assembly 'AngleSharp", build.Output);
    }

    /// <summary>Each command's line and time in the test's output, and its full output when it failed.</summary>
    private Task<CommandResult> Logged(Task<CommandResult> command) => command.LoggedTo(output);

    private static System.Collections.Generic.Dictionary<string, Version> References(ZipArchive package, string path)
    {
        using var pe = OpenAssembly(package, path);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);
    }

    private static Version AssemblyVersion(ZipArchive package, string path)
    {
        using var pe = OpenAssembly(package, path);
        var metadata = pe.GetMetadataReader();
        return metadata.GetAssemblyDefinition().Version;
    }

    private static PEReader OpenAssembly(ZipArchive package, string path)
    {
        var bytes = new MemoryStream();
        using (var entry = package.GetEntry(path)!.Open())
        {
            entry.CopyTo(bytes);
        }

        bytes.Position = 0;
        return new PEReader(bytes);
    }

    /// <summary>The plain consumer (project seed in seeds/, no item, no option), restored and built once for the tests that share it.</summary>
    private Task<Consumer> BuiltDefaultConsumer() => feed.Shared("default", async () =>
    {
        var consumer = feed.CreateConsumer("default", ArticleProgram).WithProjectSeed();
        var build = await Logged(consumer.BuildAsync());
        Assert.True(build.Succeeded, build.ToString());
        return consumer;
    });
}
