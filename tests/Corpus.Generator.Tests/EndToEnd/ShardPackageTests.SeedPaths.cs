using System;
using System.IO;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// A shard collects its seeds when it builds, by a glob of CorpusSeedsPath (issue 21): seeds named through <c>..</c>
/// and reached through links are collected under the paths the project names them by, and a shard that collects
/// nothing says so (CORPUS019; an error here, as the layout's shards treat warnings as errors).
/// </summary>
public sealed partial class ShardPackageTests
{
    [Fact]
    public async Task A_shard_collects_seeds_named_through_dot_dot_and_links_and_a_shard_with_none_is_CORPUS019()
    {
        var seeds = feed.CreateProject(Path.Combine(ShardedLayout.Folder, "ShardPathsSeeds"), "README.md", "A shard's seeds beside it.\n")
            .WithFile("real.txt", "[Real](https://example.org/shard-paths/real)\n------\n\n<div><p>A seed file.</p></div>\n");
        var outside = feed.CreateProject(Path.Combine(ShardedLayout.Folder, "ShardPathsElsewhere"), "linked.txt", "[Linked](https://example.org/shard-paths/linked)\n------\n\n<div><p>Reached through a link.</p></div>\n");
        File.CreateSymbolicLink(Path.Combine(seeds.Directory, "linked.txt"), Path.Combine(outside.Directory, "linked.txt"));
        var folder = feed.CreateProject(Path.Combine(ShardedLayout.Folder, "ShardPathsFolder"), "in-folder.txt", "[In a folder](https://example.org/shard-paths/in-folder)\n------\n\n<div><p>In a linked folder.</p></div>\n");
        Directory.CreateSymbolicLink(Path.Combine(seeds.Directory, "folder-link"), folder.Directory);
        var shard = ShardedLayout.Shard(feed, "ShardPaths", "net10.0", [], """
            <OutputType>Exe</OutputType>
            <AssemblyName>Consumer</AssemblyName>
            <CorpusSeedsDirectory>..\ShardPathsSeeds\.\</CorpusSeedsDirectory>
            """)
            .WithFile("Program.cs", """
                System.Console.WriteLine("SeedPaths=" + string.Join(",", System.Linq.Enumerable.Select(System.Linq.Enumerable.OrderBy(ShardPaths.Articles.All, a => a.SeedPath, System.StringComparer.Ordinal), a => a.SeedPath)));
                """);

        var build = await shard.BuildAsync().LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("CORPUS", build.Output, StringComparison.Ordinal);
        var run = await DotnetCli.RunAsync(shard.Directory, [Path.Combine(shard.OutputDirectory, "Consumer.dll")]).LoggedTo(output);
        Assert.Equal(
            "../ShardPathsSeeds/folder-link/in-folder.txt,../ShardPathsSeeds/linked.txt,../ShardPathsSeeds/real.txt",
            Consumer.Values(run)["SeedPaths"]);

        // A global property wins over the project's: the same shard pointed at a folder that does not exist.
        var empty = await shard.BuildAsync("-p:CorpusSeedsDirectory=no-such-folder").LoggedTo(output);
        Assert.False(empty.Succeeded, empty.ToString());
        Assert.Contains(
            $"error CORPUS019: The project has no article: no seed was found; CorpusSeedsDirectory is 'no-such-folder', the folder {Path.Combine(shard.Directory, "no-such-folder")}{Path.DirectorySeparatorChar}, whose .txt files the shard collects when it builds.",
            empty.Output,
            StringComparison.Ordinal);
    }
}
