using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>The test classes that share one <see cref="PackedFeed"/>: packed once per run, and they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}

/// <summary>
/// Corpus.Generator and Corpus.Runtime packed once, with a version no cache has seen, into a folder feed in a fresh
/// temporary directory, and consumer projects beside it that restore from that feed alone into their own package
/// folder. Nothing of the machine's package cache or of this repository's build settings reaches the consumers.
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

    public string RuntimePackagePath => Path.Combine(Feed, $"Corpus.Runtime.{Version}.nupkg");

    public CommandResult Pack { get; private set; } = null!;

    private readonly Dictionary<string, Task> shared = new(StringComparer.Ordinal);

    /// <summary>A consumer (or a set of projects) made and built once per run, for tests that only look at it or rebuild it unchanged.</summary>
    public Task<T> Shared<T>(string name, Func<Task<T>> create)
    {
        lock (shared)
        {
            if (!shared.TryGetValue(name, out var made))
            {
                made = create();
                shared.Add(name, made);
            }

            return (Task<T>)made;
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);

        // Both packages by one command, so the generator is built once. Its own artifacts folder, so packing neither
        // reads nor overwrites the repository's bin/ and obj/ while the tests (built from them) run. Before the
        // consumers' NuGet.config below exists: the packed projects restore as the repository does.
        var solution = Path.Combine(Root, "packages.slnx");
        File.WriteAllText(solution, $"""
            <Solution>
              <Project Path="{Path.GetRelativePath(Root, Repository.File("src", "Corpus.Generator", "Corpus.Generator.csproj"))}" />
              <Project Path="{Path.GetRelativePath(Root, Repository.File("src", "Corpus.Runtime.Library", "Corpus.Runtime.Library.csproj"))}" />
              <Project Path="{Path.GetRelativePath(Root, Repository.File("src", "Corpus.Generator.CodeFixes", "Corpus.Generator.CodeFixes.csproj"))}" />
              <Project Path="{Path.GetRelativePath(Root, Repository.File("src", "Corpus.Runtime", "Corpus.Runtime.csproj"))}" />
            </Solution>
            """);
        var artifacts = Path.Combine(Root, "artifacts");
        Pack = await DotnetCli.RunAsync(Repository.Root,
        [
            "pack", solution,
            "-c", "Release",
            "-o", Feed,
            "--artifacts-path", artifacts,
            "-p:Version=" + Version,
            // The runtime package with its ReadyToRun images (off by default): ShardPackageTests checks them.
            "-p:CorpusReadyToRun=true",
            "--disable-build-servers",
            "-p:UseSharedCompilation=false",
        ]);
        if (!Pack.Succeeded || !File.Exists(PackagePath) || !File.Exists(RuntimePackagePath))
        {
            throw new InvalidOperationException("Packing Corpus.Generator and Corpus.Runtime failed:\n" + Pack);
        }

        CopyNetStandardPackages(Path.Combine(artifacts, "obj", "Corpus.Runtime.Library", "project.assets.json"));

        // The consumers see no Directory.Build.* or Directory.Packages.props from above /tmp, and restore from the feed
        // alone: a net10.0 project needs no other package (its reference and host packs ship with the SDK), a
        // netstandard2.0 one the NETStandard.Library copied in above.
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
    public Consumer CreateConsumer(string name, string program, string properties = "", string items = "") =>
        CreateProject(name, "Consumer.csproj", $"""
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
            """).WithFile("Program.cs", program);

    /// <summary>A new project directory <paramref name="name"/> (a relative path) under the root, with its project file.</summary>
    public Consumer CreateProject(string name, string projectFileName, string project) =>
        new Consumer(Path.Combine(Root, name)).WithFile(projectFileName, project);

    /// <summary>
    /// A netstandard2.0 project restores NETStandard.Library (and what it depends on) as a package: the feed gets the
    /// copies that restoring Corpus.Runtime's own netstandard2.0 build just put in the machine's package folder.
    /// </summary>
    private void CopyNetStandardPackages(string assetsFile)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        var packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        var copied = 0;
        foreach (var library in assets.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Name.StartsWith("NETStandard.Library/", StringComparison.Ordinal) || library.Name.StartsWith("Microsoft.NETCore.Platforms/", StringComparison.Ordinal))
            {
                var folder = Path.Combine(packageFolder, library.Value.GetProperty("path").GetString()!);
                foreach (var package in Directory.GetFiles(folder, "*.nupkg"))
                {
                    File.Copy(package, Path.Combine(Feed, Path.GetFileName(package)));
                    copied++;
                }
            }
        }

        if (copied != 2)
        {
            throw new InvalidOperationException($"Expected NETStandard.Library and Microsoft.NETCore.Platforms in {assetsFile}, copied {copied} packages.");
        }
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
