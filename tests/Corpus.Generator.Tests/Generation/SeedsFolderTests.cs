using System;
using System.Linq;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// The seeds/ convention's folder (<c>CorpusSeedsPath</c>, set by build/Corpus.Generator.targets): the generator takes
/// the <c>.txt</c> files under it as seeds when their item has no <c>CorpusSeed</c> metadata, as a shard's seeds
/// (collected when it builds) and every project's seeds once the package leaves the per-seed metadata out of the
/// .editorconfig. The real builds are in EndToEnd (PackageTests.SeedItems, ShardPackageTests).
/// </summary>
public sealed class SeedsFolderTests
{
    private static CorpusProject Project(string seedsPath)
    {
        var project = new CorpusProject();
        project.Properties["CorpusSeedsPath"] = seedsPath;
        void Other(string path, string title, string? corpusSeed = null)
        {
            var file = CorpusProject.Directory + path;
            project.OtherFiles.Add(new SeedFile(file, Seeds.Simple(title, "https://www.rfi.fr/cn/" + title.Replace(' ', '-'), "Text of " + title + ".")));
            if (corpusSeed is not null)
            {
                project.OtherFileCorpusSeed[file] = corpusSeed;
            }
        }

        Other("seeds/top.txt", "Top level seed");
        Other("seeds/2022/01/nested.txt", "Nested seed");
        Other("seeds/notes.md", "Markdown beside the seeds");
        Other("seeds/left-out.txt", "Left out by its item", corpusSeed: "false");
        Other("seeds-old/old.txt", "Sibling folder with the same prefix");
        Other("PublicAPI.Shipped.txt", "Another analyzer's text file");
        Other("data/listed.txt", "Listed as an item", corpusSeed: "true");
        return project;
    }

    [Theory]
    [InlineData(CorpusProject.Directory + "seeds/")]
    [InlineData(CorpusProject.Directory + "seeds")]
    public void The_txt_files_under_the_seeds_folder_are_seeds_and_nothing_else_without_CorpusSeed(string seedsPath)
    {
        var result = Project(seedsPath).Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationProblems);
        var members = string.Concat(result.RunResult.GeneratedTrees
            .Where(t => t.FilePath.Contains("Corpus.Members.", StringComparison.Ordinal))
            .Select(t => t.GetText().ToString()));
        var index = result.RunResult.GeneratedTrees.Single(t => t.FilePath.EndsWith("Corpus.Articles.g.cs", StringComparison.Ordinal)).GetText().ToString();

        Assert.Contains("public const int Count = 3;", index, StringComparison.Ordinal);
        Assert.Contains("<summary>Top level seed</summary>", members, StringComparison.Ordinal);
        Assert.Contains("<summary>Nested seed</summary>", members, StringComparison.Ordinal);
        Assert.Contains("<summary>Listed as an item</summary>", members, StringComparison.Ordinal);
        Assert.Contains("Seed: seeds/2022/01/nested.txt", members, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_seeds_folder_only_CorpusSeed_items_are_seeds()
    {
        var project = Project(CorpusProject.Directory + "seeds/");
        project.Properties.Remove("CorpusSeedsPath");

        var index = project.Generate().RunResult.GeneratedTrees.Single(t => t.FilePath.EndsWith("Corpus.Articles.g.cs", StringComparison.Ordinal)).GetText().ToString();

        Assert.Contains("public const int Count = 1;", index, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData(CorpusProject.Directory + "seeds/")]
    [InlineData(CorpusProject.Directory + "app/../seeds")]
    [InlineData(CorpusProject.Directory + "./seeds//")]
    public void Seeds_named_through_dot_dot_dot_slash_and_doubled_separators_are_under_the_folder_with_one_SeedPath(string seedsPath)
    {
        // Issue 21: the compiler hands the generator a path as the command line had it (app/../../seeds/x.txt).
        var project = new CorpusProject();
        project.Properties["CorpusSeedsPath"] = seedsPath;
        foreach (var (path, title) in new[]
        {
            ("app/../seeds/through-dot-dot.txt", "Through dot dot"),
            ("./seeds//2022/./doubled.txt", "Doubled separators"),
            ("seeds-old/../seeds/back-in.txt", "Back in"),
            ("seeds/../notes/outside.txt", "Outside after all"),
        })
        {
            project.OtherFiles.Add(new SeedFile(CorpusProject.Directory + path, Seeds.Simple(title, "https://www.rfi.fr/cn/" + title.Replace(' ', '-'), "Text of " + title + ".")));
        }

        var corpus = project.Generate().Load();

        Assert.Equal(
            ["seeds/2022/doubled.txt", "seeds/back-in.txt", "seeds/through-dot-dot.txt"],
            corpus.All.Select(a => a.SeedPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_seeds_of_one_Id_named_through_dot_dot_are_reported_by_their_paths_relative_to_the_project()
    {
        var project = new CorpusProject()
            .WithSeed("seeds/a/story.txt", Seeds.Simple("A", "https://www.rfi.fr/cn/a", "Text of a."))
            .WithSeed("app/../../project/seeds/./b/story.txt", Seeds.Simple("B", "https://www.rfi.fr/cn/b", "Text of b."));

        var duplicate = Assert.Single(project.Generate().GeneratorDiagnostics, d => d.Id == "CORPUS007");

        Assert.Equal("Seed 'seeds/b/story.txt' is left out: the Id 'story' is already used by seed 'seeds/a/story.txt'", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
