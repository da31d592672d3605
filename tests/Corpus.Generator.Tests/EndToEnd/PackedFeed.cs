using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// Corpus.Generator packed once, with a version no cache has seen, into a folder feed in a fresh temporary directory,
/// and consumer projects beside it that restore from that feed alone into their own package folder. Nothing of the
/// machine's package cache or of this repository's build settings reaches the consumers.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    /// <summary>Set to 1 to keep the temporary directory (feed, consumers, logs) for a look after the run.</summary>
    public const string KeepVariable = "CORPUS_E2E_KEEP";

    public const string ProjectSeedName = "000_153ef59660deb970.txt";

    public PackedFeed()
    {
        // A prerelease identifier that starts with a letter: a bare hex run could be numeric with a leading zero (not SemVer).
        Version = "0.1.0-e2e.g" + Guid.NewGuid().ToString("N")[..12];
        Root = Path.Combine(Path.GetTempPath(), "corpus-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    }

    public string Version { get; }

    public string Root { get; }

    public string Feed => Path.Combine(Root, "feed");

    public string PackagePath => Path.Combine(Feed, $"Corpus.Generator.{Version}.nupkg");

    public string SymbolsPackagePath => Path.Combine(Feed, $"Corpus.Generator.{Version}.snupkg");

    public CommandResult Pack { get; private set; } = null!;

    private readonly Dictionary<string, Task<Consumer>> shared = new(StringComparer.Ordinal);

    /// <summary>A consumer made and built once per run, for tests that only look at it or rebuild it unchanged.</summary>
    public Task<Consumer> Shared(string name, Func<Task<Consumer>> create)
    {
        lock (shared)
        {
            if (!shared.TryGetValue(name, out var consumer))
            {
                consumer = create();
                shared.Add(name, consumer);
            }

            return consumer;
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);

        // The consumers see no Directory.Build.* or Directory.Packages.props from above /tmp, and restore from the feed
        // alone: a net10.0 console needs no other package (its reference and host packs ship with the SDK).
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="corpus-e2e" value="{Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
            </configuration>
            """);

        // Its own artifacts folder, so packing neither reads nor overwrites the repository's bin/ and obj/ while the
        // tests (built from them) run.
        Pack = await DotnetCli.RunAsync(Repository.Root,
        [
            "pack", Repository.File("src", "Corpus.Generator", "Corpus.Generator.csproj"),
            "-c", "Release",
            "-o", Feed,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version,
            "--disable-build-servers",
            "-p:UseSharedCompilation=false",
        ]);
        if (!Pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException("Packing Corpus.Generator failed:\n" + Pack);
        }
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is not a test failure.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A new console project that references the package as the README tells users to, plus what the test adds.
    /// </summary>
    public Consumer CreateConsumer(string name, string program, string properties = "", string items = "")
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RootNamespace>Consumer</RootNamespace>
                <!-- A generator that cannot load or throws is a warning by default; here it must fail the build. -->
                <WarningsAsErrors>$(WarningsAsErrors);CS8784;CS8785</WarningsAsErrors>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Corpus.Generator" Version="{Version}" />
              </ItemGroup>
            {items}
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return new Consumer(directory);
    }
}

/// <summary>One consumer project directory.</summary>
public sealed class Consumer(string directory)
{
    public string Directory { get; } = directory;

    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", "net10.0");

    /// <summary>Copies the repository's project seed to <paramref name="relativeFolder"/> under the project.</summary>
    public Consumer WithProjectSeed(string relativeFolder = "seeds") =>
        WithFile(Path.Combine(relativeFolder, PackedFeed.ProjectSeedName), File.ReadAllText(Repository.File("seeds", PackedFeed.ProjectSeedName)));

    public Consumer WithFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary><c>dotnet build</c> as the brief's users run it, without a compiler server so each build loads the package's DLLs afresh.</summary>
    public Task<CommandResult> BuildAsync(params string[] extra) =>
        DotnetCli.RunAsync(Directory, ["build", "--disable-build-servers", "-p:UseSharedCompilation=false", .. extra]);

    public Task<CommandResult> RunAsync() =>
        DotnetCli.RunAsync(Directory, [Path.Combine(OutputDirectory, "Consumer.dll")], TimeSpan.FromMinutes(1));

    /// <summary>The <c>Name=value</c> lines a consumer program prints.</summary>
    public static IReadOnlyDictionary<string, string> Values(CommandResult run) =>
        run.Output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Contains('='))
            .ToDictionary(line => line[..line.IndexOf('=')], line => line[(line.IndexOf('=') + 1)..]);
}
