using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// What a NativeAOT publish needs beyond the packed feed: the ILCompiler packages (Microsoft.DotNet.ILCompiler and its
/// runtime.&lt;rid&gt; package, whose version the SDK picks), from the machine's package folder or its package sources.
/// </summary>
internal static class NativeAot
{
    private static readonly Lazy<string?> Unavailable = new(FindUnavailable);

    /// <summary>Null when ILCompiler is in the machine's package folder or restores from its sources; else why not.</summary>
    public static string? SkipReason => Unavailable.Value;

    /// <summary>The machine's package folder (where <c>dotnet restore</c> puts packages), read as a local feed.</summary>
    public static string MachinePackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// A NuGet.config for a consumer under the packed feed's root: that root's config clears every source but the feed; this
    /// one adds the machine's package folder and the machine's own sources (as <c>dotnet nuget list source</c> gives them).
    /// </summary>
    public static string NuGetConfig()
    {
        var sources = MachineSources().Prepend(MachinePackages).Select((s, i) => $"    <add key=\"machine-{i}\" value=\"{SecurityElement.Escape(s)}\" />");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
            {string.Join("\n", sources)}
              </packageSources>
            </configuration>
            """;
    }

    /// <summary>
    /// Seeds of about 3.5 MB of text each (random words, a paragraph of 60 at a time): each about 11 MiB of constants as
    /// UTF-16 (the article 6.9 MiB, its many distinct words 4.4 MiB of index), so that three pass what NativeAOT's
    /// metadata holds without thousands of files.
    /// </summary>
    public static IEnumerable<(string Name, string Text)> LargeSeeds(string prefix, int count, int randomSeed)
    {
        var random = new Random(randomSeed);
        for (var seed = 0; seed < count; seed++)
        {
            var body = new System.Text.StringBuilder();
            while (body.Length < 3_500_000)
            {
                body.Append("<p>");
                for (var word = 0; word < 60; word++)
                {
                    body.Append(word == 0 ? string.Empty : " ").Append((char)('a' + random.Next(26))).Append((char)('a' + random.Next(26))).Append((char)('a' + random.Next(26))).Append(random.Next(1000));
                }

                body.Append(".</p>\n");
            }

            yield return (prefix + seed + ".txt", Infrastructure.Seeds.Simple("Big " + prefix + " " + seed, "https://example.com/" + prefix + "/" + seed, "Lead.") + body);
        }
    }

    private static string IlcPackage => "runtime." + RuntimeInformation.RuntimeIdentifier + ".microsoft.dotnet.ilcompiler";

    /// <summary>Already in the package folder, or restored there by a probe project with the machine's settings.</summary>
    private static string? FindUnavailable()
    {
        if (HasPackage())
        {
            return null;
        }

        var probe = Path.Combine(Path.GetTempPath(), "corpus-aot-probe-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(probe);
            File.WriteAllText(Path.Combine(probe, "Probe.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><PublishAot>true</PublishAot></PropertyGroup>
                </Project>
                """);
            var restore = DotnetCli.RunAsync(probe, ["restore", "-r", RuntimeInformation.RuntimeIdentifier]).GetAwaiter().GetResult();
            return restore.Succeeded && HasPackage()
                ? null
                : $"The ILCompiler package ({IlcPackage}) could not be restored, so NativeAOT cannot be tested here:\n{restore}";
        }
        finally
        {
            try
            {
                Directory.Delete(probe, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is not a reason to skip.
            }
        }
    }

    private static bool HasPackage() =>
        Directory.Exists(Path.Combine(MachinePackages, IlcPackage))
        && Directory.EnumerateFiles(Path.Combine(MachinePackages, IlcPackage), "*.nupkg", SearchOption.AllDirectories).Any();

    /// <summary>The enabled sources of the machine's NuGet settings, read outside the feed's root (whose config clears them).</summary>
    private static IEnumerable<string> MachineSources()
    {
        var list = DotnetCli.RunAsync(Repository.Root, ["nuget", "list", "source", "--format", "Short"]).GetAwaiter().GetResult();
        return list.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("E ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToArray();
    }
}

/// <summary>A NativeAOT test: skipped, with the reason, only where the ILCompiler package cannot be restored.</summary>
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute()
    {
        if (NativeAot.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
