using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// The packed package (<see cref="PackedFeed"/>) for projects that also need packages of the registry: the targeting
/// packs of netstandard2.0/2.1 and .NET Framework, the Roslyn 4.14 compiler toolset. Those restore from the machine's
/// package folder, where the test project's <c>PackageDownload</c> items put them when it is restored, so the builds
/// here use no network. Projects live under <c>registry/</c>, whose NuGet.config adds that folder to the feed.
/// </summary>
public sealed class CompatibilityFeed : IAsyncLifetime
{
    public const string Collection = "Compatibility end-to-end";

    private readonly Dictionary<string, Task<CommandResult>> shared = new(StringComparer.Ordinal);

    public PackedFeed Packed { get; } = new();

    /// <summary>The machine's NuGet package folder, as the test project was restored with.</summary>
    public static string MachinePackages =>
        typeof(CompatibilityFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "MachinePackages").Value!;

    public string Registry => Path.Combine(Packed.Root, "registry");

    public async Task InitializeAsync()
    {
        await Packed.InitializeAsync();
        Directory.CreateDirectory(Registry);
        File.WriteAllText(Path.Combine(Registry, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="machine-packages" value="{MachinePackages}" />
              </packageSources>
            </configuration>
            """);
    }

    public Task DisposeAsync() => Packed.DisposeAsync();

    /// <summary>A project folder under <c>registry/</c> with the given files (paths relative to it).</summary>
    public Consumer CreateProject(string name, IReadOnlyDictionary<string, string> files)
    {
        var consumer = new Consumer(Path.Combine(Registry, name));
        foreach (var (path, content) in files)
        {
            consumer.WithFile(path, content);
        }

        return consumer;
    }

    /// <summary>
    /// A project file that references the packed package (unless <paramref name="generator"/> is false);
    /// <paramref name="properties"/> and <paramref name="items"/> go inside.
    /// </summary>
    public string ProjectFile(string targetFramework, string properties = "", string items = "", bool nullable = true, bool generator = true)
    {
        var frameworkProperty = targetFramework.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework";
        var package = generator ? $"""<PackageReference Include="Corpus.Generator" Version="{Packed.Version}" PrivateAssets="all" />""" : string.Empty;
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <{frameworkProperty}>{targetFramework}</{frameworkProperty}>
                <Nullable>{(nullable ? "enable" : "disable")}</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <!-- A generator that cannot load or throws is a warning by default; here it must fail the build. -->
                <WarningsAsErrors>$(WarningsAsErrors);CS8784;CS8785</WarningsAsErrors>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                {package}
              </ItemGroup>
            {items}
            </Project>
            """;
    }

    /// <summary>A command run once per test run, for the tests that compare against its result.</summary>
    public Task<CommandResult> Shared(string name, Func<Task<CommandResult>> run)
    {
        lock (shared)
        {
            if (!shared.TryGetValue(name, out var result))
            {
                result = run();
                shared.Add(name, result);
            }

            return result;
        }
    }
}

[CollectionDefinition(CompatibilityFeed.Collection)]
public sealed class CompatibilityFeedCollection : ICollectionFixture<CompatibilityFeed>
{
}
