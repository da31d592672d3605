using System.IO;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>Incremental builds of a real project: what MSBuild decides to recompile when seeds come and go.</summary>
public sealed partial class PackageTests
{
    private const string CountProgram = """
        System.Console.WriteLine("Count=" + Consumer.Articles.Count);
        System.Console.WriteLine("Ids=" + string.Join(",", System.Linq.Enumerable.Select(Consumer.Articles.All, a => a.Id)));
        """;

    [Fact]
    public async Task Deleting_a_seed_or_adding_one_older_than_the_build_recompiles_a_project_and_a_shard()
    {
        // No input of the compiler is newer than its output after either change, and the SDK's hash of the compiler's
        // inputs leaves AdditionalFiles out: without the package's CorpusHashSeeds, both builds would keep the old articles.
        var single = feed.CreateConsumer(Path.Combine(ShardedLayout.Folder, "IncrementalSingle"), CountProgram)
            .WithFile(Path.Combine("seeds", "first.txt"), Seed("First"))
            .WithFile(Path.Combine("seeds", "second.txt"), Seed("Second"));
        var shard = ShardedLayout.Shard(
            feed, "IncrementalShard", "net10.0", [("first.txt", Seed("First")), ("second.txt", Seed("Second"))],
            "<OutputType>Exe</OutputType><AssemblyName>Consumer</AssemblyName><CorpusNamespace>Consumer</CorpusNamespace>")
            .WithFile("Program.cs", CountProgram);
        var solution = feed.CreateProject(ShardedLayout.Folder, "incremental.slnx",
            "<Solution>\n  <Project Path=\"IncrementalSingle/Consumer.csproj\" />\n  <Project Path=\"IncrementalShard/IncrementalShard.csproj\" />\n</Solution>\n");

        await Build();
        foreach (var project in new[] { single, shard })
        {
            Assert.Equal("first,second", await Ids(project));
            File.Delete(Path.Combine(project.Directory, "seeds", "second.txt"));
        }

        await Build();
        foreach (var project in new[] { single, shard })
        {
            Assert.Equal("first", await Ids(project));

            // A seed restored from an archive or another machine keeps its old time: older than the assembly.
            var third = Path.Combine(project.Directory, "seeds", "third.txt");
            File.WriteAllText(third, Seed("Third"));
            File.SetLastWriteTimeUtc(third, File.GetLastWriteTimeUtc(Path.Combine(project.Directory, "seeds", "first.txt")));
        }

        await Build();
        foreach (var project in new[] { single, shard })
        {
            Assert.Equal("first,third", await Ids(project));
        }

        async Task Build()
        {
            var build = await solution.BuildAsync("incremental.slnx").LoggedTo(output);
            Assert.True(build.Succeeded, build.ToString());
        }

        async Task<string> Ids(Consumer project) => Consumer.Values(await project.RunAsync().LoggedTo(output))["Ids"];

        static string Seed(string title) =>
            $"[{title}](https://example.org/incremental/{title.ToLowerInvariant()})\n------\n\n<div><p>{title} article.</p></div>\n";
    }
}
