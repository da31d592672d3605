using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Corpus.Generator.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Corpus.Generator.Analyzers.Tests;

/// <summary>
/// One analyzer-and-code-fix test in the Roslyn test framework's form, with the real generator run first (as the
/// compiler does), so that the analyzer sees the generated class. Seeds are additional files marked as MSBuild marks
/// them (<c>build_metadata.AdditionalFiles.CorpusSeed</c> in a global config), options are MSBuild properties.
/// </summary>
internal sealed class LookupTest : CSharpCodeFixTest<ArticleLookupAnalyzer, UseArticleMemberCodeFix, DefaultVerifier>
{
    public const string ProjectDirectory = "/0/";

    public const string ProjectSeedId = "000_153ef59660deb970";

    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal) { ["RootNamespace"] = "Consumer", ["ProjectDir"] = ProjectDirectory };
    private readonly List<string> _seedPaths = [];
    private readonly List<string> _configLines = [];

    public LookupTest(string source, string? fixedSource = null)
    {
        TestCode = source;
        if (fixedSource is not null)
        {
            FixedCode = fixedSource;
        }

        // No package is resolved while the tests run: the net8.0 reference pack comes from the restore (see the csproj).
        ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        TestState.AdditionalReferences.AddRange(Net80References.Value);

        // The generated files are the generator's business (its own tests compare them); here they are only compiled.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>The repository's project seed, <c>seeds/000_153ef59660deb970.txt</c>: a real RFI article.</summary>
    public static string ProjectSeedText { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", ProjectSeedId + ".txt"));

    /// <summary>A small valid seed at <paramref name="url"/>.</summary>
    public static string Seed(string url, string title = "A title") =>
        $"<!--1641989702000-->\n[{title}]({url})\n------\n\n<p>The text of the article at {url}.</p>\n";

    public LookupTest WithSeed(string relativePath, string text)
    {
        var path = ProjectDirectory + relativePath;
        TestState.AdditionalFiles.Add((path, text));
        _seedPaths.Add(path);
        return this;
    }

    /// <summary>A reference of the project, such as a corpus shard (<see cref="ShardImage"/>) and Corpus.Runtime.</summary>
    public LookupTest WithReference(MetadataReference reference)
    {
        TestState.AdditionalReferences.Add(reference);
        return this;
    }

    public LookupTest WithProjectSeed() => WithSeed("seeds/" + ProjectSeedId + ".txt", ProjectSeedText);

    public LookupTest WithProperty(string name, string value)
    {
        _properties[name] = value;
        return this;
    }

    /// <summary>A line of the global config, such as <c>dotnet_diagnostic.CORPUS015.severity = none</c>.</summary>
    public LookupTest WithConfig(string line)
    {
        _configLines.Add(line);
        return this;
    }

    /// <summary>An .editorconfig in the project directory, as a user writes one.</summary>
    public LookupTest WithEditorConfig(string text)
    {
        TestState.AnalyzerConfigFiles.Add((ProjectDirectory + ".editorconfig", text));
        return this;
    }

    public LookupTest Expect(params DiagnosticResult[] diagnostics)
    {
        ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    /// <summary>Diagnostics still expected after the fix (those of lookups the fix does not touch).</summary>
    public LookupTest WithFixedDiagnostics(params DiagnosticResult[] diagnostics)
    {
        FixedState.ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    /// <summary>The global config MSBuild would write (GenerateMSBuildEditorConfigFile), added when the test runs.</summary>
    public new System.Threading.Tasks.Task RunAsync(System.Threading.CancellationToken cancellationToken = default)
    {
        var config = new StringBuilder("is_global = true\n");
        foreach (var property in _properties)
        {
            config.Append("build_property.").Append(property.Key).Append(" = ").Append(property.Value).Append('\n');
        }

        foreach (var line in _configLines)
        {
            config.Append(line).Append('\n');
        }

        foreach (var path in _seedPaths)
        {
            config.Append('\n').Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.CorpusSeed = true\n");
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        return base.RunAsync(cancellationToken);
    }

    /// <summary>Diagnostic CORPUS015 (a warning unless configured).</summary>
    public static DiagnosticResult Unknown(string kind, string value, string suggestions) =>
        new DiagnosticResult("CORPUS015", DiagnosticSeverity.Warning).WithArguments(kind, value, suggestions);

    /// <summary>Diagnostic CORPUS016.</summary>
    public static DiagnosticResult Member(string value, string member) =>
        new DiagnosticResult("CORPUS016", DiagnosticSeverity.Info).WithArguments(value, member);

    protected override IEnumerable<Type> GetSourceGenerators()
    {
        yield return typeof(CorpusGenerator);
    }

    /// <summary>The net8.0 reference pack, which the tests' code compiles against.</summary>
    public static IReadOnlyList<MetadataReference> Net80 => Net80References.Value;

    private static readonly Lazy<MetadataReference[]> Net80References = new(() =>
    {
        var folder = typeof(LookupTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Net80ReferencePack").Value!;
        return Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToArray();
    });
}
