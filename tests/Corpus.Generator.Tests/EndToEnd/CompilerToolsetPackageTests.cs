using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// The generator inside another compiler than the SDK's: the Roslyn 4.14 toolset package (the compiler of the .NET 9
/// SDK's later bands and Visual Studio 17.14), chosen with <c>RoslynCompilerType=Custom</c>. Every value must be what
/// the SDK's own compiler gives.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(CompatibilityFeed.Collection)]
public sealed class CompilerToolsetPackageTests(CompatibilityFeed feed, ITestOutputHelper output)
{
    public const string ToolsetVersion = "4.14.0";

    [Fact]
    public async Task The_Roslyn_4_14_compiler_runs_the_generator_and_every_value_is_the_SDK_compilers()
    {
        var single = await TargetFrameworkPackageTests.SingleProjectRun(feed, output);
        var consumer = feed.CreateProject("toolset-4.14", new Dictionary<string, string>(ArticleDump.Seeds())
        {
            ["Consumer.csproj"] = feed.ProjectFile(
                "net10.0",
                properties: "<OutputType>Exe</OutputType><RootNamespace>Consumer</RootNamespace><RoslynCompilerType>Custom</RoslynCompilerType>",
                items: $"""
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="{ToolsetVersion}" PrivateAssets="all" />
                  </ItemGroup>
                """),
            ["Program.cs"] = ArticleDump.Program("Consumer"),
        });

        // Normal verbosity logs the compiler's command line, so the test sees which csc ran.
        var build = await TargetFrameworkPackageTests.Logged(output, consumer.BuildAsync("-v:n"));
        var run = await TargetFrameworkPackageTests.Logged(output, consumer.RunAsync());

        Assert.True(build.Succeeded, build.ToString());
        // The compiler that ran: the toolset's csc.dll (the SDK's is sdk/<version>/Roslyn/bincore/csc.dll), with the generator.
        Assert.Matches(new Regex(
            $@"^.*exec ""[^""]*[/\\]microsoft\.net\.compilers\.toolset[/\\]{Regex.Escape(ToolsetVersion)}[/\\]tasks[/\\]netcore[/\\]bincore[/\\]csc\.dll"" .*/analyzer:[^ ]*Corpus\.Generator\.dll",
            RegexOptions.Multiline),
            build.Output);
        Assert.True(run.Succeeded, run.ToString());
        var values = ArticleDump.Values(run);
        // Values checked by hand against the seeds (README for the repository seed); the rest must equal the SDK build's.
        Assert.Contains("V:Title=俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演", values);
        Assert.Contains("V:PublishedAt=2022-01-12T12:44:00.0000000+01:00", values);
        Assert.Contains("V:CharacterCount=1484", values);
        Assert.Contains("V:Title=Emoji 😀 and 𠀀", values);
        // U+2028 is whitespace, normalised to a space; the backslash is doubled by the program's escaping.
        Assert.Contains("V:Text=Emoji 😀, 𠀀, a held U+FFFD \uFFFD, quotes \" and \\\\ and a line separator.\\n\\n第二段。", values);
        Assert.Contains("V:FeedPublishedAt=2020-09-13T12:26:40.0000000+00:00", values);
        Assert.Contains("V:Image=https://example.com/a.jpg | A | A caption", values);
        Assert.Contains("V:Media=Video https://example.com/v.mp4", values);
        Assert.Contains("V:Categories=news", values);
        Assert.Equal(ArticleDump.Values(single), values);
        Assert.Equal(ArticleDump.Hash(single), ArticleDump.Hash(run));
    }
}
