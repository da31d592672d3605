using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// Seeds named in every form a project may give their path (issue 21): through <c>..</c> with Windows separators as the
/// samples do, with <c>./</c> and doubled separators, and through symbolic links. The compiler hands the generator the
/// path as the command line had it, MSBuild normalises its own; the package and the generator must agree on each.
/// </summary>
public sealed partial class PackageTests
{
    // The constant FindById also puts the lookup analyzer to the test: a seed it did not take would be warning CORPUS015.
    private const string PathsProgram = """
        System.Console.WriteLine("Count=" + Consumer.Articles.Count);
        System.Console.WriteLine("Ids=" + string.Join(",", System.Linq.Enumerable.Select(System.Linq.Enumerable.OrderBy(Consumer.Articles.All, a => a.Id, System.StringComparer.Ordinal), a => a.Id)));
        System.Console.WriteLine("SeedPaths=" + string.Join(",", System.Linq.Enumerable.Select(System.Linq.Enumerable.OrderBy(Consumer.Articles.All, a => a.Id, System.StringComparer.Ordinal), a => a.SeedPath)));
        System.Console.WriteLine("Title=" + Consumer.Articles.FindById("000_153ef59660deb970")?.Title);
        """;

    [Fact]
    public async Task Seeds_named_through_dot_dot_dot_slash_and_doubled_separators_are_read_once_by_the_folder()
    {
        // The samples' layout: the seeds two folders up, named with Windows separators, beside a consumer in a subfolder.
        var seeds = feed.CreateProject(Path.Combine("dot-dot", "shared-seeds"), "README.md", "Seeds shared by the projects below.\n")
            .WithProjectSeed(".")
            .WithFile(Path.Combine("2022", "second.txt"), "[Second](https://example.org/paths/second)\n------\n\n<div><p>In a subfolder.</p></div>\n");
        var consumer = feed.CreateConsumer(Path.Combine("dot-dot", "apps", "App"), PathsProgram,
            properties: """
                <CorpusSeedsDirectory>..\..\shared-seeds</CorpusSeedsDirectory>
            """,
            items: """
              <ItemGroup Condition="'$(Respelled)' == 'true'">
                <!-- The same two files again, in other spellings: each is still read once, by the folder. -->
                <AdditionalFiles Include="./../../shared-seeds//000_153ef59660deb970.txt" CorpusSeed="true" />
                <AdditionalFiles Include="../../apps/../shared-seeds/./2022/second.txt" CorpusSeed="true" />
              </ItemGroup>
            """);

        foreach (var properties in new[] { Array.Empty<string>(), ["-p:Respelled=true"] })
        {
            var values = await BuiltByTheFolderAlone(consumer, properties);
            Assert.Equal("2", values["Count"]);
            Assert.Equal("000_153ef59660deb970,second", values["Ids"]);
            Assert.Equal("../../shared-seeds/000_153ef59660deb970.txt,../../shared-seeds/2022/second.txt", values["SeedPaths"]);
            Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演", values["Title"]);
        }

        Assert.True(Directory.Exists(seeds.Directory));
    }

    [Fact]
    public async Task A_linked_seeds_folder_and_links_inside_it_keep_the_links_paths_and_a_file_reached_twice_is_CORPUS007()
    {
        // app/seeds -> ../real-seeds; inside it a linked folder and a linked file, both pointing outside.
        var root = Path.Combine(feed.Root, "links");
        var real = feed.CreateProject(Path.Combine("links", "real-seeds"), "README.md", "The seeds, reached through links.\n").WithProjectSeed(".");
        feed.CreateProject(Path.Combine("links", "more"), "second.txt", "[Second](https://example.org/links/second)\n------\n\n<div><p>In a linked folder.</p></div>\n");
        feed.CreateProject(Path.Combine("links", "elsewhere"), "third.txt", "[Third](https://example.org/links/third)\n------\n\n<div><p>A linked file.</p></div>\n");
        Directory.CreateSymbolicLink(Path.Combine(real.Directory, "linked-folder"), Path.Combine("..", "more"));
        File.CreateSymbolicLink(Path.Combine(real.Directory, "linked.txt"), Path.Combine("..", "elsewhere", "third.txt"));
        var consumer = feed.CreateConsumer(Path.Combine("links", "app"), PathsProgram, items: """
              <ItemGroup Condition="'$(AlsoReal)' == 'true'">
                <AdditionalFiles Include="../real-seeds/000_153ef59660deb970.txt" CorpusSeed="true" />
              </ItemGroup>
            """);
        Directory.CreateSymbolicLink(Path.Combine(consumer.Directory, "seeds"), Path.Combine("..", "real-seeds"));

        var values = await BuiltByTheFolderAlone(consumer);
        // A linked file is named by its link: Id linked, not third.
        Assert.Equal("000_153ef59660deb970,linked,second", values["Ids"]);
        Assert.Equal("seeds/000_153ef59660deb970.txt,seeds/linked.txt,seeds/linked-folder/second.txt", values["SeedPaths"]);

        // The same file by its real path too: two paths, two seeds of one Id. Paths are never resolved through links
        // (as MSBuild and the compiler do not), so this is reported rather than silently read once.
        var twice = await Logged(consumer.BuildAsync("-p:AlsoReal=true"));
        Assert.False(twice.Succeeded, twice.ToString());
        Assert.Contains("error CORPUS007: Seed 'seeds/000_153ef59660deb970.txt' is left out: the Id '000_153ef59660deb970' is already used by seed '../real-seeds/000_153ef59660deb970.txt'", twice.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(root));
    }

    [Fact]
    public async Task A_project_with_no_article_is_warned_with_the_folder_it_looked_in_and_its_count_of_txt_files()
    {
        var consumer = feed.CreateConsumer("empty-corpus", PathsProgram,
            properties: """
                <CorpusSeedsDirectory Condition="'$(Folder)' != ''">$(Folder)</CorpusSeedsDirectory>
            """,
            items: """
              <ItemGroup>
                <AdditionalFiles Remove="drafts/**" />
              </ItemGroup>
            """)
            .WithFile(Path.Combine("drafts", "one.txt"), "not a seed yet\n")
            .WithFile(Path.Combine("drafts", "later", "two.txt"), "not a seed yet\n")
            .WithFile(Path.Combine("drafts", "notes.md"), "not counted\n");
        var folder = Path.Combine(consumer.Directory, "seeds") + Path.DirectorySeparatorChar;

        // No seeds/ folder at all.
        var missing = await Logged(consumer.BuildAsync());
        Assert.True(missing.Succeeded, missing.ToString());
        Assert.Contains($"warning CORPUS019: The project has no article: no seed was found; CorpusSeedsDirectory is 'seeds', the folder {folder}, which does not exist. Put seed files (*.txt) in that folder", missing.Output, StringComparison.Ordinal);
        Assert.Equal("0", Consumer.Values(await Logged(consumer.RunAsync()))["Count"]);

        // A folder whose two .txt files (one in a subfolder) are taken out by an item.
        var removed = await Logged(consumer.BuildAsync("-p:Folder=drafts"));
        Assert.True(removed.Succeeded, removed.ToString());
        Assert.Contains($"CorpusSeedsDirectory is 'drafts', the folder {Path.Combine(consumer.Directory, "drafts")}{Path.DirectorySeparatorChar}, which holds 2 .txt files. Its files are left out by items", removed.Output, StringComparison.Ordinal);

        // A seed: no warning.
        consumer.WithProjectSeed();
        var seeded = await Logged(consumer.BuildAsync());
        Assert.True(seeded.Succeeded, seeded.ToString());
        Assert.DoesNotContain("CORPUS019", seeded.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Builds without any CORPUS diagnostic, the seeds known by their folder alone (no per-seed section in the generated
    /// .editorconfig, so the generator had to agree with the targets on every path), and runs: the values it printed.
    /// </summary>
    private async Task<System.Collections.Generic.IReadOnlyDictionary<string, string>> BuiltByTheFolderAlone(Consumer consumer, params string[] properties)
    {
        var build = await Logged(consumer.BuildAsync(properties));
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("CORPUS", build.Output, StringComparison.Ordinal);
        var config = Directory.GetFiles(Path.Combine(consumer.Directory, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single();
        Assert.Equal(0, File.ReadLines(config).Count(l => l.StartsWith('[')));
        return Consumer.Values(await Logged(consumer.RunAsync()));
    }
}
