using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>What the generator made of one project at design time: the compilation with its output, and the run.</summary>
public sealed record DesignTimeRun(Compilation Output, GeneratorRunResult Run, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public IEnumerable<string> HintNames => Run.GeneratedSources.Select(s => s.HintName);

    /// <summary>The compilation's errors with its generated code, at most 20, for an assertion.</summary>
    public string[] Errors => [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).Select(d => d.ToString())];
}

/// <summary>
/// A project as the IDE sees it: a design-time build through MSBuild, with the global properties Roslyn's MSBuild
/// workspace sets, gives the compiler's command line without running the compiler; the IDE then compiles it itself,
/// running the generators without their implementation outputs, and links projects by their compilations.
/// </summary>
public sealed class DesignTimeProject
{
    private DesignTimeProject(string directory, CSharpCommandLineArguments arguments)
    {
        Directory = directory;
        Arguments = arguments;
        // The IDE reads every project's doc comments (for Quick Info), whether or not the build writes an XML file.
        ParseOptions = arguments.ParseOptions.DocumentationMode == DocumentationMode.None
            ? arguments.ParseOptions.WithDocumentationMode(DocumentationMode.Parse)
            : arguments.ParseOptions;
    }

    public string Directory { get; }

    public CSharpCommandLineArguments Arguments { get; }

    public CSharpParseOptions ParseOptions { get; }

    public static async Task<DesignTimeProject> LoadAsync(string directory, ITestOutputHelper output)
    {
        var resultFile = Path.Combine(directory, "obj", "design-time-command-line.json");
        var build = await DotnetCli.RunAsync(directory,
        [
            "msbuild", "-t:Compile",
            "-p:DesignTimeBuild=true", "-p:BuildingProject=false", "-p:BuildProjectReferences=false",
            "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true",
            // CoreCompile must run even when its outputs are up to date, as in the IDE.
            "-p:NonExistentFile=__NonExistentSubDir__/__NonExistentFile__",
            "-getItem:CscCommandLineArgs", "-getResultOutputFile:" + resultFile,
        ]).LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());

        using var result = JsonDocument.Parse(File.ReadAllText(resultFile));
        var arguments = result.RootElement.GetProperty("Items").GetProperty("CscCommandLineArgs").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!)
            .ToList();
        Assert.True(arguments.Count > 0, "The design-time build gave no command line:\n" + build);

        // Where the SDK's compiler knows a newer C# version than the Roslyn these tests run (CS1617), "latest" stands in.
        var parsed = CSharpCommandLineParser.Default.Parse(arguments, directory, sdkDirectory: null);
        if (parsed.Errors.Any(e => e.Id == "CS1617"))
        {
            parsed = CSharpCommandLineParser.Default.Parse(arguments.Select(a => a.StartsWith("/langversion:", StringComparison.Ordinal) ? "/langversion:latest" : a), directory, sdkDirectory: null);
        }

        Assert.True(parsed.Errors.IsEmpty, string.Join("\n", parsed.Errors));

        return new DesignTimeProject(directory, parsed);
    }

    /// <summary>
    /// Compiles the command line with <paramref name="generator"/> alone, its implementation outputs disabled; references
    /// to the assemblies of <paramref name="projects"/> become references to their compilations.
    /// </summary>
    public DesignTimeRun Generate(ISourceGenerator generator, IReadOnlyList<Compilation> projects)
    {
        var arguments = Arguments;
        var trees = arguments.SourceFiles.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f.Path), Encoding.UTF8), ParseOptions, f.Path));
        var references = arguments.MetadataReferences.Select(r =>
        {
            var path = Path.GetFullPath(r.Reference, Directory);
            var project = projects.FirstOrDefault(c => c.AssemblyName == Path.GetFileNameWithoutExtension(path));
            return project is not null ? project.ToMetadataReference(r.Properties.Aliases) : (MetadataReference)MetadataReference.CreateFromFile(path, r.Properties);
        });
        var compilation = CSharpCompilation.Create(arguments.CompilationName, trees, references, arguments.CompilationOptions);

        var additionalTexts = arguments.AdditionalFiles.Select(f => (AdditionalText)new SeedFile(f.Path, File.ReadAllBytes(f.Path))).ToList();
        var configs = AnalyzerConfigSet.Create(arguments.AnalyzerConfigPaths.Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p), Encoding.UTF8), p)).ToList());
        var options = new TestOptionsProvider(
            configs.GlobalConfigOptions.AnalyzerOptions,
            additionalTexts.ToDictionary(t => t.Path, t => (IReadOnlyDictionary<string, string>)configs.GetOptionsForSourcePath(t.Path).AnalyzerOptions));

        var driver = CSharpGeneratorDriver.Create([generator], additionalTexts, ParseOptions, options, new GeneratorDriverOptions(IncrementalGeneratorOutputKind.Implementation))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new DesignTimeRun(output, driver.GetRunResult().Results.Single(), diagnostics);
    }
}

/// <summary>
/// The generator the command line names (<c>/analyzer:…/Corpus.Generator.dll</c> of the restored package), loaded as
/// a compiler loads an analyzer: in a context of its own, with AngleSharp and YamlDotNet from beside it and Roslyn
/// from the host.
/// </summary>
public sealed class PackedGenerator : IDisposable
{
    private readonly PackageLoadContext context;

    public PackedGenerator(CSharpCommandLineArguments arguments)
    {
        Path = arguments.AnalyzerReferences.Select(r => r.FilePath).Single(p => System.IO.Path.GetFileName(p) == "Corpus.Generator.dll");
        context = new PackageLoadContext(System.IO.Path.GetDirectoryName(Path)!);
        var type = context.LoadFromAssemblyPath(Path).GetType("Corpus.Generator.CorpusGenerator", throwOnError: true)!;
        Generator = ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    public string Path { get; }

    public ISourceGenerator Generator { get; }

    public void Dispose() => context.Unload();

    private sealed class PackageLoadContext(string directory) : AssemblyLoadContext("corpus-packed-generator", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = System.IO.Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
