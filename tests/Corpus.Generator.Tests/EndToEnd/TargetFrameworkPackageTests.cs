using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// A corpus hosted by a class library for netstandard2.0, netstandard2.1 and net462 (one multi-targeting project, the
/// .NET Framework reference assemblies from the registry's Microsoft.NETFramework.ReferenceAssemblies), read by a
/// net10.0 app through the netstandard builds: every value is what a net10.0 project that holds the seeds itself reads.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(CompatibilityFeed.Collection)]
public sealed class TargetFrameworkPackageTests(CompatibilityFeed feed, ITestOutputHelper output)
{
    private const string LibraryFrameworks = "netstandard2.0;netstandard2.1;net462";

    [Theory]
    [InlineData("netstandard2.0")]
    [InlineData("netstandard2.1")]
    public async Task A_net10_app_reads_every_value_of_a_netstandard_library_as_a_net10_project_does(string libraryFramework)
    {
        var single = await SingleProjectRun(feed, output);
        Library();
        var app = feed.CreateProject("app-" + libraryFramework, new Dictionary<string, string>
        {
            // An app that does not reference the generator: the corpus comes with the library build it names.
            ["Consumer.csproj"] = feed.ProjectFile(
                "net10.0",
                properties: "<OutputType>Exe</OutputType>",
                items: $"""
                  <ItemGroup>
                    <ProjectReference Include="../library/Corpus.Library.csproj" SetTargetFramework="TargetFramework={libraryFramework}" />
                  </ItemGroup>
                """,
                generator: false),
            ["Program.cs"] = ArticleDump.Program("Corpus.Library"),
        });

        var build = await Logged(output, app.BuildAsync());
        var run = await Logged(output, app.RunAsync());

        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains($"Corpus.Library -> {feed.Registry}/library/bin/Debug/{libraryFramework}/Corpus.Library.dll", build.Output, System.StringComparison.Ordinal);
        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(ArticleDump.Values(single), ArticleDump.Values(run));
        Assert.Equal(ArticleDump.Hash(single), ArticleDump.Hash(run));
    }

    [Theory]
    [InlineData("netstandard2.0")]
    [InlineData("netstandard2.1")]
    [InlineData("net462")]
    public async Task The_library_compiles_without_a_warning_for(string framework)
    {
        var build = await Logged(output, Library().BuildAsync("-f", framework));

        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains($"Corpus.Library -> {feed.Registry}/library/bin/Debug/{framework}/Corpus.Library.dll", build.Output, System.StringComparison.Ordinal);
        Assert.Contains(" 0 Warning(s)", build.Output, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_the_default_C_sharp_of_netstandard2_0_the_build_error_says_how_to_fix_it()
    {
        var library = feed.CreateProject("library-csharp73", new Dictionary<string, string>(ArticleDump.Seeds())
        {
            // At C# 7.3 nullable annotations are an error of their own (CS8630): a library at its defaults does not enable them.
            ["Corpus.Library.csproj"] = feed.ProjectFile("netstandard2.0", properties: "<CorpusVisibility>public</CorpusVisibility>", nullable: false),
        });

        var build = await Logged(output, library.BuildAsync());

        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("error CORPUS012: The generated corpus needs C# 9 or later, but the project uses C# 7.3: set <LangVersion>9</LangVersion> (or later) in the project file", build.Output, System.StringComparison.Ordinal);
    }

    /// <summary>The net10.0 project that holds the seeds itself, built with the SDK's compiler and run once per test run.</summary>
    internal static Task<CommandResult> SingleProjectRun(CompatibilityFeed feed, ITestOutputHelper output) => feed.Shared("single", async () =>
    {
        var single = feed.CreateProject("single", new Dictionary<string, string>(ArticleDump.Seeds())
        {
            ["Consumer.csproj"] = feed.ProjectFile("net10.0", properties: "<OutputType>Exe</OutputType><RootNamespace>Consumer</RootNamespace>"),
            ["Program.cs"] = ArticleDump.Program("Consumer"),
        });
        var build = await Logged(output, single.BuildAsync());
        Assert.True(build.Succeeded, build.ToString());
        var run = await Logged(output, single.RunAsync());
        Assert.True(run.Succeeded, run.ToString());
        // Not vacuous: every seed, and the members the project seed leaves empty, are in the output.
        var values = ArticleDump.Values(run);
        Assert.Contains("V:Count=" + ArticleDump.Seeds().Count, values);
        Assert.Contains(values, v => v.StartsWith("V:Image=https://example.com/a.jpg", System.StringComparison.Ordinal));
        Assert.Contains(values, v => v.StartsWith("V:Media=", System.StringComparison.Ordinal));
        Assert.Contains("V:Tags=a,b", values);
        return run;
    });

    internal static async Task<CommandResult> Logged(ITestOutputHelper output, Task<CommandResult> command)
    {
        var result = await command;
        output.WriteLine($"{result.Duration.TotalSeconds,5:F1} s  exit {result.ExitCode}  {result.CommandLine}");
        return result;
    }

    /// <summary>The library project, made once: netstandard2.0, netstandard2.1 and net462, public corpus, C# 9, warnings are errors.</summary>
    private Consumer Library()
    {
        var directory = System.IO.Path.Combine(feed.Registry, "library");
        if (System.IO.Directory.Exists(directory))
        {
            return new Consumer(directory);
        }

        return feed.CreateProject("library", new Dictionary<string, string>(ArticleDump.Seeds())
        {
            ["Corpus.Library.csproj"] = feed.ProjectFile(
                LibraryFrameworks,
                properties: """
                    <RootNamespace>Corpus.Library</RootNamespace>
                    <CorpusVisibility>public</CorpusVisibility>
                    <LangVersion>9</LangVersion>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """),
        });
    }
}
