using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// The sharded layout in the IDE: each project's command line from a real design-time build, compiled with the packed
/// generator as the IDE runs it (no implementation outputs, so no data), the shards linked to the app by their
/// compilations. The app's <c>Articles</c> sees both shards and binds; each shard's members bind with their docs.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedFeedCollection.Name)]
public sealed class ShardDesignTimeTests(PackedFeed feed, ITestOutputHelper output)
{
    [Fact]
    public async Task At_design_time_the_apps_Articles_and_each_shards_members_bind_with_their_docs_and_no_data()
    {
        // The good build restored every project and wrote the files the command lines name (obj/*.cs, the editorconfig).
        await ShardedLayout.BuildAsync(feed, output);
        var folder = Path.Combine(feed.Root, ShardedLayout.Folder);
        var shardA = await DesignTimeProject.LoadAsync(Path.Combine(folder, "ShardA"), output);
        var shardB = await DesignTimeProject.LoadAsync(Path.Combine(folder, "ShardB"), output);
        var app = await DesignTimeProject.LoadAsync(Path.Combine(folder, "App"), output);

        using var generator = new PackedGenerator(app.Arguments);
        output.WriteLine("generator: " + generator.Path);
        Assert.StartsWith(Path.Combine(feed.Root, "packages"), generator.Path, StringComparison.Ordinal);

        var a = shardA.Generate(generator.Generator, []);
        var b = shardB.Generate(generator.Generator, []);
        var articles = app.Generate(generator.Generator, [a.Output, b.Output]);

        foreach (var (name, run) in new[] { ("ShardA", a), ("ShardB", b), ("App", articles) })
        {
            Assert.Null(run.Run.Exception);
            Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8784" or "CS8785");
            Assert.DoesNotContain(run.Run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.DoesNotContain(run.HintNames, h => h.StartsWith("Corpus.Data.", StringComparison.Ordinal));
            Assert.True(run.Errors.Length == 0, name + " does not compile at design time:\n" + string.Join("\n", run.Errors));
        }

        // The shards mark themselves in the IDE too: the app's Count spans its 2 seeds and the shards' 3 and 2.
        Assert.Contains("Corpus.Shard.g.cs", a.HintNames);
        var index = articles.Output.GetTypeByMetadataName("Consumer.Articles")!;
        Assert.Equal(7, index.GetMembers("Count").OfType<IFieldSymbol>().Single().ConstantValue);
        Assert.Contains("newest first", index.GetMembers("All").Single().GetDocumentationCommentXml(), StringComparison.Ordinal);
        Assert.Contains("own article is the newest", index.GetMembers("App2023").Single().GetDocumentationCommentXml(), StringComparison.Ordinal);

        // Program.cs uses ShardA.Articles.Seed_000_153ef59660deb970 and ShardB.Articles.B2022SameInstant: it compiled
        // above; their docs are the seeds' titles, as the app's IDE shows them.
        var spring = articles.Output.GetTypeByMetadataName("ShardA.Articles")!.GetMembers("A2021Spring").Single();
        Assert.Contains("Spring comes early to the valley", spring.GetDocumentationCommentXml(), StringComparison.Ordinal);
        Assert.Equal("Corpus.Article", ((IPropertySymbol)spring).Type.ToDisplayString());
        var sameInstant = articles.Output.GetTypeByMetadataName("ShardB.Articles")!.GetMembers("B2022SameInstant").Single();
        Assert.Contains("Published at the same instant as the RFI article", sameInstant.GetDocumentationCommentXml(), StringComparison.Ordinal);
    }
}
