using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using static Corpus.Generator.Analyzers.Tests.LookupTest;

namespace Corpus.Generator.Analyzers.Tests;

/// <summary>
/// Both diagnostics follow <c>dotnet_diagnostic.ID.severity</c> like any analyzer's. (Raising one to an error is proven by
/// the end-to-end test with the real compiler: this test framework reports the default severity for <c>error</c>.)
/// </summary>
public sealed class SeverityTests
{
    private const string Source = """
        namespace Consumer
        {
            internal static class Program
            {
                private static object? Main() => Articles.FindById({|#0:"000_153ef59660deb97x"|}) ?? {|#1:Articles.FindById("000_153ef59660deb970")|};
            }
        }
        """;

    [Fact]
    public async Task Severity_none_turns_both_off()
    {
        await new LookupTest(Source)
            .WithProjectSeed()
            .WithConfig("dotnet_diagnostic.CORPUS015.severity = none")
            .WithConfig("dotnet_diagnostic.CORPUS016.severity = none")
            .RunAsync();
    }

    [Fact]
    public async Task Each_is_configured_on_its_own_in_a_global_config_or_an_editorconfig()
    {
        await new LookupTest(Source)
            .WithProjectSeed()
            .WithConfig("dotnet_diagnostic.CORPUS015.severity = suggestion")
            .WithEditorConfig("root = true\n\n[*.cs]\ndotnet_diagnostic.CORPUS016.severity = none\n")
            .Expect(Unknown("Id", "000_153ef59660deb97x", "; the closest: '000_153ef59660deb970'").WithSeverity(DiagnosticSeverity.Info).WithLocation(0))
            .RunAsync();
    }
}
