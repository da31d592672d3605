using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>CORPUS020 over shards: what NativeAOT would keep of a shard reaches the app through its reference assembly.</summary>
public sealed partial class ShardPackageTests
{
    /// <summary>
    /// A netstandard2.0, C# 9 shard of two large seeds (about 22 MiB of constants) and an app with <c>PublishAot</c>
    /// and one of its own (about 11 MiB): neither passes the bound alone, together they do. The app compiles against the
    /// shard's reference assembly, which holds none of the shard's data but does hold its size, so the app's build is
    /// warned, with the shard's part. No ILC runs: the warning is the compiler's.
    /// </summary>
    [Fact]
    public async Task An_app_with_PublishAot_adds_its_shards_data_size_from_their_reference_assemblies_and_is_warned_past_NativeAOTs_bound()
    {
        var shard = ShardedLayout.Shard(feed, "AotShard", "netstandard2.0", NativeAot.LargeSeeds("shard", 2, 21), "<LangVersion>9</LangVersion>");
        var app = ShardedLayout.App(feed, "AotApp", ShardedLayout.ProjectReferences("AotShard"), NativeAot.LargeSeeds("app", 1, 22), string.Empty, "<PublishAot>true</PublishAot>");

        // ILCompiler's package is restored with PublishAot: from the machine's package folder and its package sources.
        app.WithFile("NuGet.config", NativeAot.NuGetConfig());
        var build = await app.BuildAsync().LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());

        // The shard's reference assembly holds its size: its implementation's data constants (the chunks' and the index
        // segments' nested classes), counted here from its metadata, to the nearest 64 KiB.
        var obj = Path.Combine(shard.Directory, "obj", "Debug", "netstandard2.0");
        var (written, _) = Sizes(Path.Combine(obj, "ref", "AotShard.dll"));
        var (inImplementation, dataBytes) = Sizes(Path.Combine(obj, "AotShard.dll"));
        Assert.Equal(written, inImplementation);
        Assert.InRange(dataBytes, 16L * 1024 * 1024, 30L * 1024 * 1024 - 1);
        Assert.Equal(0, written % 64);
        Assert.InRange(written, (dataBytes / 1024.0) - 33, (dataBytes / 1024.0) + 33);

        // The app alone is under the bound; with the shard's size it is warned, once (the shard does not publish).
        var warnings = build.Output.Split('\n').Where(l => l.Contains("warning CORPUS020", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToArray();
        var warning = Assert.Single(warnings);
        Assert.Contains("AotApp.csproj", warning, StringComparison.Ordinal);
        var parts = Regex.Match(warning, @"\(the app's articles ([0-9.]+) MiB, the app's search index ([0-9.]+) MiB, the shards ([0-9.]+) MiB\)");
        Assert.True(parts.Success, warning);
        var own = double.Parse(parts.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(parts.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.InRange(own, 5, 30);
        Assert.Equal((written / 1024.0).ToString("F1", CultureInfo.InvariantCulture), parts.Groups[3].Value);
        Assert.Contains("compile fewer seeds into the app and its shards", warning, StringComparison.Ordinal);
    }

    private static (int Written, long DataBytes) Sizes(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return Infrastructure.ShardImage.Sizes(pe);
    }
}
