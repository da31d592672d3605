using System.Collections.Generic;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>Search through the packed package: a fresh consumer's real build compiles the index and its program searches it.</summary>
public sealed partial class PackageTests
{
    private const string SearchProgram = """
        using System;
        using Consumer;

        var results = Articles.Search("乌克兰 北约");
        Console.WriteLine("Total=" + results.Total);
        Console.WriteLine("First=" + results.Hits[0].Article.Id);
        Console.WriteLine("Positive=" + (results.Hits[0].Score > 0));
        Console.WriteLine("Match=" + results.Hits[0].Snippet.Text.Substring(results.Hits[0].Snippet.Matches[0].Start, results.Hits[0].Snippet.Matches[0].Length));
        Console.WriteLine("Outlet=" + results.Facets.Outlets[0]);
        var filtered = Articles.Search("北约", new SearchOptions { Language = "en", Sort = SearchSort.Newest });
        Console.WriteLine("Filtered=" + filtered.Total);
        Console.WriteLine("Nothing=" + Articles.Search("\"((\u0000😀").Total);
        Console.WriteLine("Related=" + Articles.Related(Articles.All[0], 5).Count);
        Console.WriteLine("Indexed=" + (typeof(ArticlesData).GetNestedType("Search0000", System.Reflection.BindingFlags.NonPublic) is not null));
        """;

    /// <summary>Then built again with <c>CorpusSearchIndex=false</c>: no segment is compiled and the scan gives the same answers.</summary>
    [Fact]
    public async Task A_consumer_searches_the_index_its_build_compiled()
    {
        var consumer = feed.CreateConsumer("search", SearchProgram).WithProjectSeed();

        var indexed = await SearchRun(consumer);
        Assert.Equal("True", indexed["Indexed"]);
        AssertSearchValues(indexed);

        var scanned = await SearchRun(consumer, "-p:CorpusSearchIndex=false");
        Assert.Equal("False", scanned["Indexed"]);
        AssertSearchValues(scanned);
    }

    private async Task<IReadOnlyDictionary<string, string>> SearchRun(Consumer consumer, params string[] properties)
    {
        var build = await Logged(consumer.BuildAsync(properties));
        Assert.True(build.Succeeded, build.ToString());

        var run = await Logged(consumer.RunAsync());
        Assert.True(run.Succeeded, run.ToString());
        return Consumer.Values(run);
    }

    private static void AssertSearchValues(IReadOnlyDictionary<string, string> values)
    {
        Assert.Equal("1", values["Total"]);
        Assert.Equal("000_153ef59660deb970", values["First"]);
        Assert.Equal("True", values["Positive"]);
        Assert.Equal("北约", values["Match"]);
        Assert.Equal("RFI (1)", values["Outlet"]);
        Assert.Equal("0", values["Filtered"]);
        Assert.Equal("0", values["Nothing"]);
        Assert.Equal("0", values["Related"]);
    }
}
