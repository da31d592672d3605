using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// The Corpus.Runtime package's ReadyToRun code (src/Corpus.Runtime.Library: made at pack time by crossgen2): an image
/// per runtime and .NET target beside the IL, each compiled for its operating system and architecture, and the one a
/// portable app over shards loads on this machine.
/// </summary>
public sealed partial class ShardPackageTests
{
    private static readonly string[] ReadyToRunRuntimes = ["linux-arm64", "linux-x64", "osx-arm64", "osx-x64", "win-arm64", "win-x64"];

    [Fact]
    public void The_Corpus_Runtime_package_holds_a_ReadyToRun_image_for_each_runtime_and_dotnet_target_beside_IL_only_libraries()
    {
        using var package = ZipFile.OpenRead(feed.RuntimePackagePath);
        var images = package.Entries.Where(e => e.FullName.StartsWith("runtimes/", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName, e => Image(e), StringComparer.Ordinal);

        var expected = new[] { "net10.0", "net8.0" }.SelectMany(tfm => ReadyToRunRuntimes.Select(rid => $"runtimes/{rid}/lib/{tfm}/Corpus.Runtime.dll"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), images.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, (readyToRun, machine)) in images)
        {
            Assert.True(readyToRun, path + " has no ReadyToRun code");
            Assert.Equal(MachineOf(path.Split('/')[1]), machine);
        }

        foreach (var tfm in new[] { "netstandard2.0", "net8.0", "net10.0" })
        {
            Assert.False(Image(package.GetEntry($"lib/{tfm}/Corpus.Runtime.dll")!).ReadyToRun, $"lib/{tfm} should hold IL only");
        }
    }

    [Fact]
    public async Task A_portable_app_over_shards_loads_the_ReadyToRun_image_of_the_runtime_it_runs_on()
    {
        var sharded = await ShardedLayout.BuildAsync(feed, output);
        var loaded = Consumer.Values(sharded.AppRun)["ShardMember.RuntimeImage"];

        var rid = RuntimeInformation.RuntimeIdentifier;
        if (!ReadyToRunRuntimes.Contains(rid))
        {
            // A runtime the package has no image for runs the IL.
            Assert.Equal("Corpus.Runtime.dll", loaded);
            return;
        }

        Assert.Equal($"runtimes/{rid}/lib/net10.0/Corpus.Runtime.dll", loaded);
        var image = File.ReadAllBytes(Path.Combine(sharded.App.OutputDirectory, loaded));
        Assert.Equal((true, MachineOf(rid)), Image(image));
    }

    private static (bool ReadyToRun, ushort Machine) Image(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Image(copy.ToArray());
    }

    // ReadyToRun code is announced by the CLI header's managed native header; its machine is the architecture's, XORed
    // with a value of the operating system (0 for Windows) so that no other OS's loader takes it for its own.
    private static (bool ReadyToRun, ushort Machine) Image(byte[] bytes)
    {
        using var reader = new PEReader(new MemoryStream(bytes));
        return (reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, (ushort)reader.PEHeaders.CoffHeader.Machine);
    }

    private static ushort MachineOf(string rid)
    {
        var parts = rid.Split('-');
        var architecture = parts[1] switch { "x64" => 0x8664, "arm64" => 0xAA64, _ => throw new ArgumentException(rid) };
        var system = new Dictionary<string, int> { ["linux"] = 0x7B79, ["osx"] = 0x4644, ["win"] = 0 }[parts[0]];
        return (ushort)(architecture ^ system);
    }
}
