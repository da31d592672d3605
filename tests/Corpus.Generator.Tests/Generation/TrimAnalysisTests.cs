using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// A consumer that sets IsAotCompatible (or EnableTrimAnalyzer, PublishTrimmed, PublishAot) gets the SDK's trim, AOT and
/// single-file analyzers over every file it compiles, the generated ones too; with warnings as errors, a warning in the
/// generated reader would fail its build. These run those analyzers (from the SDK's own ILLink package) over the output.
/// </summary>
public sealed class TrimAnalysisTests
{
    // What the SDK defines for net8.0, so that the generated code's NET5_0_OR_GREATER parts compile as in a real build.
    private static readonly string[] Net80Symbols =
        ["NET", "NET8_0", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER"];

    private static readonly Dictionary<string, string> AnalyzerSwitches = new()
    {
        ["build_property.EnableTrimAnalyzer"] = "true",
        ["build_property.EnableAotAnalyzer"] = "true",
        ["build_property.EnableSingleFileAnalyzer"] = "true",
    };

    // User code the trim analyzer must flag (IL2070): proof that the analyzers really ran over this compilation.
    private const string FlaggedUserCode = """
        namespace Consumer;

        internal static class Reflective
        {
            internal static int Fields(System.Type type) => type.GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static).Length;
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // The runtime then reads its constants in place, through System.Reflection.Metadata.
    public async Task The_generated_code_raises_no_trim_AOT_or_single_file_warning(bool allowUnsafe)
    {
        var project = new CorpusProject { AllowUnsafe = allowUnsafe }.WithProjectSeed().WithSeed("seeds/second.txt", Seeds.Simple("Second", "https://example.com/second", "<p>Second text.</p>"));
        project.PreprocessorSymbols.AddRange(Net80Symbols);
        project.Sources.Add(FlaggedUserCode);
        var result = project.Generate().AssertCompiles();

        var diagnostics = await result.Output
            .WithAnalyzers(LoadILLinkAnalyzers(), new AnalyzerOptions([], new TestOptionsProvider(AnalyzerSwitches, new Dictionary<string, IReadOnlyDictionary<string, string>>())))
            .GetAnalyzerDiagnosticsAsync();

        var generatedTrees = result.Sources.Select(s => s.HintName).ToHashSet(StringComparer.Ordinal);
        var inGenerated = diagnostics.Where(d => d.Location.SourceTree is { } tree && generatedTrees.Contains(Path.GetFileName(tree.FilePath))).ToList();
        Assert.True(inGenerated.Count == 0, "Trim/AOT warnings in generated code:\n" + string.Join("\n", inGenerated));
        Assert.Contains(diagnostics, d => d.Id == "IL2070" && d.Location.SourceTree is { } tree && !generatedTrees.Contains(Path.GetFileName(tree.FilePath)));
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadILLinkAnalyzers()
    {
        var path = typeof(TrimAnalysisTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ILLinkAnalyzer").Value!;
        Assert.True(File.Exists(path), "The SDK's ILLink analyzer was not downloaded: " + path);
        var analyzers = Assembly.LoadFrom(path).GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        Assert.NotEmpty(analyzers);
        return analyzers;
    }
}
