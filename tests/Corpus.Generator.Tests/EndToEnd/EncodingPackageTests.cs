using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// Seeds that are not UTF-8 through the real compiler of this machine (csc on .NET off Windows, which decodes such a
/// file as UTF-8 with U+FFFD replacements): the build fails with CORPUS001 at the first bad byte, seeds that hold a
/// correctly encoded U+FFFD are fine, and with CORPUS001 turned into a warning every other seed is still generated.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(CompatibilityFeed.Collection)]
public sealed class EncodingPackageTests(CompatibilityFeed feed, ITestOutputHelper output)
{
    private const string Program = """
        using System;

        Console.WriteLine("Count=" + Consumer.Articles.Count);
        foreach (var article in Consumer.Articles.All)
        {
            Console.WriteLine("Text:" + article.Id + "=" + article.Text);
        }
        """;

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Bytes_that_are_not_UTF8_fail_the_build_at_their_line_and_column_and_cost_no_other_seed()
    {
        var consumer = feed.CreateProject("encoding", new Dictionary<string, string>
        {
            ["Consumer.csproj"] = feed.ProjectFile("net10.0", properties: "<OutputType>Exe</OutputType><RootNamespace>Consumer</RootNamespace>"),
            ["Program.cs"] = Program,
            ["seeds/" + PackedFeed.ProjectSeedName] = File.ReadAllText(Repository.File("seeds", PackedFeed.ProjectSeedName)),
        });
        // Line 5 (the body) of bad.txt: "<p>" + U+FFFD (EF BF BD, correct) + " abc" + C3 28 FF + "def</p>": the U+FFFD is
        // column 4, the bad 0xC3 column 9, at byte 21 + 37 + 7 + 1 + 3 + 3 + 4 = 76.
        Write(consumer, "seeds/bad.txt", [.. Utf8("<!--1641989702000-->\n[Bad bytes](https://example.com/bad)\n------\n\n<p>\uFFFD abc"), 0xC3, (byte)'(', 0xFF, .. Utf8("def</p>\n")]);
        // The same body with a UTF-8 BOM, which every compiler decodes with Encoding.UTF8 (replacing too): "<p>abc" puts
        // 0xC3 at column 7, byte 3 + 21 + 41 + 7 + 1 + 6 = 79.
        Write(consumer, "seeds/bad-bom.txt", [.. Bom, .. Utf8("<!--1641989702000-->\n[Bad bytes](https://example.com/bad-bom)\n------\n\n<p>abc"), 0xC3, (byte)'(', 0xFF, .. Utf8("def</p>\n")]);
        Write(consumer, "seeds/fffd.txt", Utf8("<!--1641989702000-->\n[Held](https://example.com/fffd)\n------\n\n<p>abc\uFFFDdef</p>\n"));
        Write(consumer, "seeds/fffd-bom.txt", [.. Bom, .. Utf8("<!--1641989702000-->\n[Held too](https://example.com/fffd-bom)\n------\n\n<p>ghi\uFFFDjkl</p>\n")]);

        var failed = await TargetFrameworkPackageTests.Logged(output, consumer.BuildAsync());

        Assert.False(failed.Succeeded, failed.ToString());
        Assert.Contains(
            "seeds/bad.txt(5,9): error CORPUS001: Seed 'seeds/bad.txt' is not UTF-8 text: byte 0xC3 at byte offset 76 is not valid UTF-8 (the compiler read the file as utf-8, replacing what is not UTF-8 with U+FFFD)",
            failed.Output,
            StringComparison.Ordinal);
        Assert.Contains(
            "seeds/bad-bom.txt(5,7): error CORPUS001: Seed 'seeds/bad-bom.txt' is not UTF-8 text: byte 0xC3 at byte offset 79 is not valid UTF-8 (the compiler read the file as utf-8, replacing what is not UTF-8 with U+FFFD)",
            failed.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("fffd", ErrorLines(failed), StringComparison.Ordinal);
        Assert.DoesNotContain("CS8784", failed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", failed.Output, StringComparison.Ordinal);

        // CORPUS001 as a warning: the build succeeds, the bad seeds are left out and the others are all there.
        consumer.WithFile(".globalconfig", "is_global = true\ndotnet_diagnostic.CORPUS001.severity = warning\n");
        var warned = await TargetFrameworkPackageTests.Logged(output, consumer.BuildAsync());
        var run = await TargetFrameworkPackageTests.Logged(output, consumer.RunAsync());

        Assert.True(warned.Succeeded, warned.ToString());
        Assert.Contains("seeds/bad.txt(5,9): warning CORPUS001: ", warned.Output, StringComparison.Ordinal);
        Assert.True(run.Succeeded, run.ToString());
        var texts = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("Text:", StringComparison.Ordinal)).ToList();
        Assert.Contains("Count=3", run.Output, StringComparison.Ordinal);
        Assert.Contains("Text:fffd=abc\uFFFDdef", texts);
        Assert.Contains("Text:fffd-bom=ghi\uFFFDjkl", texts);
        Assert.Contains(texts, t => t.StartsWith("Text:000_153ef59660deb970=今天（1月12日），俄罗斯将向北约提出", StringComparison.Ordinal));
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static void Write(Consumer consumer, string relativePath, byte[] bytes)
    {
        var path = Path.Combine(consumer.Directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static string ErrorLines(CommandResult build) =>
        string.Join("\n", build.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)));
}
