using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>
/// A consumer project in memory: seeds, MSBuild properties and code, compiled against <see cref="TestReferences"/>
/// with the generator, as the compiler would.
/// </summary>
internal sealed class CorpusProject
{
    public const string Directory = "/project/";

    public Dictionary<string, string> Properties { get; } = new()
    {
        ["RootNamespace"] = "Consumer",
        ["ProjectDir"] = Directory,
    };

    /// <summary>The seeds: usually <see cref="SeedFile"/>s, but any additional text (one that fails to open, say) will do.</summary>
    public List<AdditionalText> Seeds { get; } = [];

    /// <summary>Additional files without CorpusSeed="true": not seeds, unless they are in a shard's seeds folder.</summary>
    public List<SeedFile> OtherFiles { get; } = [];

    /// <summary>The CorpusSeed metadata of some <see cref="OtherFiles"/> (by path), as an item's <c>CorpusSeed="…"</c> gives it.</summary>
    public Dictionary<string, string> OtherFileCorpusSeed { get; } = new(StringComparer.Ordinal);

    public List<string> Sources { get; } = [];

    /// <summary>References besides the .NET 8 reference assemblies (Corpus.Runtime, shards).</summary>
    public List<MetadataReference> References { get; } = [];

    public string AssemblyName { get; set; } = "Consumer";

    /// <summary>Whose fallback decodes the seeds that are not UTF-8 (set it before adding seeds).</summary>
    public CompilerHost Host { get; set; } = CompilerHost.DotnetOffWindows;

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.CSharp12;

    /// <summary>The generator's per-type member limit; null for its default (lower it to test the base-class chain).</summary>
    public int? MembersPerType { get; set; }

    /// <summary>Seeds analysed for search as they are read, as in the compiler's builds (the test host is not the compiler).</summary>
    public bool AnalyseAsRead { get; set; }

    /// <summary>Per-diagnostic severities, as <c>dotnet_diagnostic.ID.severity</c>, <c>NoWarn</c> and <c>WarningsAsErrors</c> set them.</summary>
    /// <remarks>The SDK's own NoWarn (CS1701, CS1702: reference versions unified) is set, as in every real build.</remarks>
    public Dictionary<string, ReportDiagnostic> SpecificDiagnosticOptions { get; } = new(StringComparer.Ordinal)
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    public CorpusProject WithSeed(AdditionalText seed)
    {
        Seeds.Add(seed);
        return this;
    }

    public CorpusProject WithSeed(string relativePath, string text) => WithSeed(relativePath, new System.Text.UTF8Encoding(false).GetBytes(text));

    public CorpusProject WithSeed(string relativePath, byte[] bytes)
    {
        Seeds.Add(new SeedFile(Directory + relativePath, bytes, Host));
        return this;
    }

    public CorpusProject WithProjectSeed() =>
        WithSeed("seeds/000_153ef59660deb970.txt", File.ReadAllBytes(Repository.File("seeds", "000_153ef59660deb970.txt")));

    /// <summary>The symbols the SDK defines for the target framework (none by default, as for a bare compilation).</summary>
    public List<string> PreprocessorSymbols { get; } = [];

    /// <summary>The project allows unsafe code (AllowUnsafeBlocks): the runtime is written to read its constants in place.</summary>
    public bool AllowUnsafe { get; set; }

    public CSharpParseOptions ParseOptions => CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion).WithDocumentationMode(DocumentationMode.Diagnose)
        .WithPreprocessorSymbols(PreprocessorSymbols);

    public CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            AssemblyName,
            Sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            TestReferences.All.Concat(References),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(SpecificDiagnosticOptions).WithAllowUnsafe(AllowUnsafe));

    /// <param name="disabledOutputs"><see cref="IncrementalGeneratorOutputKind.Implementation"/>: what the IDE runs (no data).</param>
    public GeneratorDriver CreateDriver(bool trackSteps = true, IncrementalGeneratorOutputKind disabledOutputs = IncrementalGeneratorOutputKind.None)
    {
        var perFile = Seeds.Select(s => (s.Path, Value: "true"))
            .Concat(OtherFileCorpusSeed.Select(pair => (Path: pair.Key, pair.Value)))
            .ToDictionary(
                s => s.Path,
                s => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CorpusSeed"] = s.Value });
        var globals = Properties.ToDictionary(p => "build_property." + p.Key, p => p.Value);
        return CSharpGeneratorDriver.Create(
            [(MembersPerType is not null || AnalyseAsRead ? new CorpusGenerator(MembersPerType ?? Corpus.Generator.Emitting.CorpusEmitter.MembersPerType, AnalyseAsRead) : new CorpusGenerator()).AsSourceGenerator()],
            Seeds.Concat(OtherFiles),
            ParseOptions,
            new TestOptionsProvider(globals, perFile),
            new GeneratorDriverOptions(disabledOutputs, trackIncrementalGeneratorSteps: trackSteps));
    }

    public GenerationResult Generate()
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out var diagnostics);
        return new GenerationResult(driver, driver.GetRunResult(), output, diagnostics);
    }
}

internal sealed record GenerationResult(GeneratorDriver Driver, GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>Diagnostics the generator reported (CORPUS…), in a stable order.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics =>
        [.. RunResult.Diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)];

    /// <summary>Errors and warnings of compiling the consumer with the generated code (the generated code must be clean).</summary>
    public ImmutableArray<Diagnostic> CompilationProblems =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    public string Source(string hintName) =>
        RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

    /// <summary>Asserts that the generator ran without an exception (CS8785) and the output compiles cleanly.</summary>
    public GenerationResult AssertCompiles()
    {
        Assert.Null(RunResult.Results.Single().Exception);
        Assert.DoesNotContain(DriverDiagnostics, d => d.Id is "CS8784" or "CS8785");
        var problems = CompilationProblems;
        Assert.True(problems.IsEmpty, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
        return this;
    }

    /// <summary>Compiles, loads the assembly into a collectible context and reads the corpus back as plain values.</summary>
    /// <param name="dependencies">Assemblies the context loads by name when the compiled one asks (shards).</param>
    public LoadedCorpus Load(string className = "Articles", string ns = "Consumer", IReadOnlyDictionary<string, byte[]>? dependencies = null) =>
        LoadedCorpus.From(Image(), string.IsNullOrEmpty(ns) ? className : ns + "." + className, dependencies);

    /// <summary>Compiles cleanly and returns the assembly's bytes.</summary>
    public byte[] Image()
    {
        AssertCompiles();
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return stream.ToArray();
    }
}
