using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// NativeAOT: a small corpus app that references the packed package, published with <c>PublishAot=true</c> (ILCompiler
/// and clang, no JIT at run time), prints every value of every article and what a few searches and related-article
/// look-ups return, exactly as the same app built and run on the JIT does, and the publish raises no trim or AOT warning.
/// The app allows unsafe code and opens the metadata on the first read (the <c>Corpus.ReadInPlaceAtOnce</c> switch: else
/// its few values would all be read by reflection, under the budget of CompiledConstants): on the JIT its runtime reads
/// the constants in place, in the native app, whose metadata is not mapped, by reflection; the two dumps are the same.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedFeedCollection.Name)]
public sealed class NativeAotPackageTests(PackedFeed feed, ITestOutputHelper output)
{
    /// <summary>Searches of every kind over the crafted seeds: CJK, words, a phrase, a prefix, filters, pages, nothing, hostile.</summary>
    private const string SearchDump = """
        void Hits(string label, Generated.SearchResults r)
        {
            Add("Search", label + " | total " + r.Total + " | terms " + string.Join("|", r.Terms) + " | query " + r.Query.Length);
            foreach (var h in r.Hits)
            {
                Add("Hit", h.Article.Id + " " + h.Score.ToString("R", CultureInfo.InvariantCulture) + " @" + h.Snippet.Offset + " " + h.Snippet.Text
                    + " [" + string.Join(",", h.Snippet.Matches.Select(m => m.Start + ":" + m.Length)) + "]");
            }

            foreach (var f in r.Facets.Outlets.Concat(r.Facets.Languages).Concat(r.Facets.Years))
            {
                Add("Facet", f.ToString());
            }
        }

        foreach (var q in new[] { "北约", "乌克兰 北约", "俄", "\"Body text\"", "pos", "caption", "Emoji 😀", "第二段", "ＣＯＶＩＤ－１９", "", "\0 .*[ (a+)+", new string('约', 5000), "nothing-matches-this" })
        {
            Hits(q.Length > 20 ? q.Substring(0, 20) + "…" : q, Generated.Articles.Search(q));
        }

        Hits("newest", Generated.Articles.Search("the", new Generated.SearchOptions { Sort = Generated.SearchSort.Newest, Skip = 1, Take = 2 }));
        Hits("outlet", Generated.Articles.Search("北约", new Generated.SearchOptions { Outlet = "RFI", Language = "zh" }));
        foreach (var a in Generated.Articles.All)
        {
            Add("Related", a.Id + " " + string.Join(",", Generated.Articles.Related(a, 3).Select(r => r.Id)));
        }
        """;

    [NativeAotFact]
    public async Task A_NativeAOT_app_reads_every_value_and_searches_as_the_JIT_run_of_the_same_app()
    {
        var consumer = feed.CreateConsumer(
            "native-aot",
            ArticleDump.Program("Consumer", SearchDump),
            properties: "<PublishAot>true</PublishAot><AllowUnsafeBlocks>true</AllowUnsafeBlocks>",
            items: """<ItemGroup><RuntimeHostConfigurationOption Include="Corpus.ReadInPlaceAtOnce" Value="true" /></ItemGroup>""");
        foreach (var (path, content) in ArticleDump.Seeds())
        {
            consumer.WithFile(path, content);
        }

        // ILCompiler comes from the machine's package folder and its package sources; the corpus packages from the feed.
        consumer.WithFile("NuGet.config", NativeAot.NuGetConfig());

        var build = await Logged(consumer.BuildAsync());
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("CORPUS020", build.Output, StringComparison.Ordinal);
        var jit = await Logged(consumer.RunAsync());
        Assert.True(jit.Succeeded, jit.ToString());

        var rid = RuntimeInformation.RuntimeIdentifier;
        var publish = await Logged(DotnetCli.RunAsync(consumer.Directory,
            ["publish", "-c", "Release", "-r", rid, "--disable-build-servers", "-p:UseSharedCompilation=false"], TimeSpan.FromMinutes(10)));
        Assert.True(publish.Succeeded, publish.ToString());
        // Trim and AOT analysis of the generated corpus and its runtime: not one warning (they would be errors here too).
        Assert.DoesNotContain("warning IL", publish.Output, StringComparison.Ordinal);
        var native = Path.Combine(consumer.Directory, "bin", "Release", "net10.0", rid, "publish", "Consumer");
        Assert.True(File.Exists(native), publish.ToString());
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(native)!, "Consumer.dll")), "a NativeAOT publish has no IL assembly to run");
        var aot = await Logged(DotnetCli.RunProgramAsync(native, consumer.Directory, [], TimeSpan.FromMinutes(1)));
        Assert.True(aot.Succeeded, aot.ToString());

        var values = ArticleDump.Values(jit);
        Assert.Equal(values, ArticleDump.Values(aot));
        Assert.Equal(ArticleDump.Hash(jit), ArticleDump.Hash(aot));

        // Not vacuous: every seed, and searches that found something, with scores and match ranges.
        Assert.Contains("V:Count=" + ArticleDump.Seeds().Count, values);
        Assert.Contains(values, v => v.StartsWith("V:Search=北约 | total 1 |", StringComparison.Ordinal));
        Assert.Contains(values, v => v.StartsWith("V:Hit=000_153ef59660deb970 ", StringComparison.Ordinal) && v.Contains(':', StringComparison.Ordinal));
        Assert.Contains(values, v => v.StartsWith("V:Search=\"Body text\" | total 1 |", StringComparison.Ordinal));
        Assert.Contains(values, v => v.StartsWith("V:Facet=RFI (", StringComparison.Ordinal));
        Assert.Equal(ArticleDump.Seeds().Count, values.Count(v => v.StartsWith("V:Related=", StringComparison.Ordinal)));
    }

    /// <summary>
    /// CORPUS020 in a real build: an app with PublishAot whose corpus NativeAOT cannot hold (three seeds of about 3.5 MB of
    /// text, about 34 MiB of constants as UTF-16, articles and index) is warned when it builds, before any publish; the
    /// same app without PublishAot is not. No ILC runs: the warning is the compiler's.
    /// </summary>
    [Fact]
    public async Task An_app_with_PublishAot_and_a_corpus_past_NativeAOTs_metadata_is_warned_when_it_builds()
    {
        var consumer = feed.CreateConsumer("native-aot-too-large", "System.Console.WriteLine(\"Count=\" + Consumer.Articles.Count);", properties: "<PublishAot>true</PublishAot>");

        // ILCompiler's package is restored with PublishAot: from the machine's package folder and its package sources.
        consumer.WithFile("NuGet.config", NativeAot.NuGetConfig());
        foreach (var (name, text) in NativeAot.LargeSeeds("big", 3, 20))
        {
            consumer.WithFile(Path.Combine("seeds", name), text);
        }

        var build = await Logged(consumer.BuildAsync());
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("warning CORPUS020: NativeAOT cannot hold this corpus: its constants are about ", build.Output, StringComparison.Ordinal);
        Assert.Contains("(the articles ", build.Output, StringComparison.Ordinal);
        Assert.Contains(", the search index ", build.Output, StringComparison.Ordinal);
        Assert.Contains("Publish it as ReadyToRun instead (PublishAot false, PublishReadyToRun true)", build.Output, StringComparison.Ordinal);
        Assert.Equal("3", Consumer.Values(await Logged(consumer.RunAsync()))["Count"]);

        var withoutAot = await Logged(consumer.BuildAsync("-p:PublishAot=false"));
        Assert.True(withoutAot.Succeeded, withoutAot.ToString());
        Assert.DoesNotContain("CORPUS020", withoutAot.Output, StringComparison.Ordinal);
    }

    private Task<CommandResult> Logged(Task<CommandResult> command) => command.LoggedTo(output);
}
