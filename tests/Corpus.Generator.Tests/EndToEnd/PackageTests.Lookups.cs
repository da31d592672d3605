using System;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>The lookup analyzer (CORPUS015/016) and its code-fix assembly, as the packed package gives them to a real build.</summary>
public sealed partial class PackageTests
{
    // Line 3 holds the wrong Id, its string starting at column 40; line 4 the right one.
    private const string LookupProgram = """
        using System;

        var wrong = Consumer.Articles.FindById("000_153ef59660deb97x");
        var right = Consumer.Articles.FindById("000_153ef59660deb970");
        Console.WriteLine("WrongIsNull=" + (wrong is null));
        Console.WriteLine("Right=" + right?.Id);
        """;

    [Fact]
    public void The_code_fixes_are_an_assembly_of_their_own_on_the_Workspaces_of_Roslyn_4_8()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath);
        var codeFixes = References(package, "analyzers/dotnet/cs/Corpus.Generator.CodeFixes.dll");
        var generator = References(package, "analyzers/dotnet/cs/Corpus.Generator.dll");

        Assert.Equal(new Version(4, 8, 0, 0), codeFixes["Microsoft.CodeAnalysis.Workspaces"]);
        Assert.Equal(new Version(4, 8, 0, 0), codeFixes["Microsoft.CodeAnalysis.CSharp"]);
        // The compiler has no Workspaces: the generator, which it loads and runs, must not need them.
        Assert.DoesNotContain("Microsoft.CodeAnalysis.Workspaces", generator.Keys);
        Assert.DoesNotContain("Corpus.Generator.CodeFixes", generator.Keys);
    }

    [Fact]
    public async Task A_constant_Id_of_no_seed_is_warning_CORPUS015_at_its_line_and_column_and_the_right_Id_is_not()
    {
        var consumer = feed.CreateConsumer("lookups", LookupProgram).WithProjectSeed();

        var build = await Logged(consumer.BuildAsync());

        Assert.True(build.Succeeded, build.ToString());
        // The console logger prints each warning twice: where it happened and in the summary.
        var warning = Assert.Single(Regex.Matches(build.Output, @"^.*CORPUS015.*$", RegexOptions.Multiline).Select(m => m.Value.Trim()).Distinct());
        Assert.Matches(
            @"Program\.cs\(3,40\): warning CORPUS015: No article has the Id '000_153ef59660deb97x'; the closest: '000_153ef59660deb970' \(https://github\.com/corpus-generator/Corpus\.Generator/blob/main/docs/diagnostics\.md#corpus015\)",
            warning);
        Assert.DoesNotMatch(@"Program\.cs\(4,", build.Output);
        // The compiler loads the code-fix assembly too (it is in analyzers/dotnet/cs) and must not fail on it (CS8032).
        Assert.DoesNotContain("CS8032", build.Output);
        Assert.Contains("1 Warning(s)", build.Output);

        var run = await Logged(consumer.RunAsync());
        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal("True", Consumer.Values(run)["WrongIsNull"]);
        Assert.Equal("000_153ef59660deb970", Consumer.Values(run)["Right"]);

        // An .editorconfig raises it to an error, which fails the build at the same place.
        consumer.WithFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CORPUS015.severity = error\n");
        var failed = await Logged(consumer.BuildAsync());

        Assert.False(failed.Succeeded, failed.ToString());
        Assert.Matches(@"Program\.cs\(3,40\): error CORPUS015: No article has the Id '000_153ef59660deb97x'", failed.Output);
    }
}
