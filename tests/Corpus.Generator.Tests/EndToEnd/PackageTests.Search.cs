using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>Search through the packed package: a fresh consumer's real build compiles the index and its program searches it.</summary>
public sealed partial class PackageTests
{
    /// <summary>Every character the index's packing uses (SearchIndexFormat.Pack: U+4E00 to U+CDFF), as one constant of the consumer.</summary>
    private static readonly string PackingRange = new(Enumerable.Range(0, 1 << 15).Select(i => (char)(0x4E00 + i)).ToArray());

    private static readonly string SearchProgram = """
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
        var range = (string)typeof(PackingRange).GetField("All", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetRawConstantValue()!;
        var intact = range.Length == 1 << 15;
        for (var i = 0; intact && i < range.Length; i++)
        {
            intact = range[i] == (char)(0x4E00 + i);
        }

        Console.WriteLine("PackingRange=" + intact);
        """ + "\nstatic class PackingRange\n{\n    internal const string All = \"" + PackingRange + "\";\n}\n";

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

        // The compiler keeps every character of the packing's range as it is, from the source to the constant's blob.
        Assert.Equal("True", values["PackingRange"]);
    }
}
