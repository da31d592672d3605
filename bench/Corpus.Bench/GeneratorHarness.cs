using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using AngleSharp;
using AngleSharp.Html.Parser;
using Corpus.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Bench;

/// <summary>
/// A consumer project in memory, as the compiler hands it to the generator: seeds as additional files already decoded
/// (so the generator and the floor both start from text in memory, not from the disk), CorpusSeed metadata, and the
/// MSBuild properties the generator reads.
/// </summary>
internal sealed class GeneratorHarness
{
    public const string ProjectDirectory = "/bench/project/";

    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);

    private readonly OptionsProvider _options;

    public GeneratorHarness(int count)
    {
        Seeds = SeedCorpus.Generate(count)
            .Select(s => new MemorySeed(ProjectDirectory + "seeds/" + s.Name, SourceText.From(s.Bytes, s.Bytes.Length, new UTF8Encoding(false), SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false)))
            .ToImmutableArray();
        Bytes = SeedCorpus.Generate(count).Sum(s => (long)s.Bytes.Length);
        Bodies = Seeds.Select(s => SeedCorpus.Body(s.Text.ToString())).ToArray();
        _options = new OptionsProvider(
            new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Consumer",
                ["build_property.ProjectDir"] = ProjectDirectory,
                // CORPUS_BENCH_SEARCH_INDEX=false: the corpus without its search index, as CorpusSearchIndex=false builds it.
                ["build_property.CorpusSearchIndex"] = Environment.GetEnvironmentVariable("CORPUS_BENCH_SEARCH_INDEX") ?? "true",
            },
            Seeds.Select(s => s.Path).ToHashSet(StringComparer.Ordinal));
        Compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(ProgramSource(0), ParseOptions, "/bench/project/Program.cs")],
            [],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
    }

    public ImmutableArray<MemorySeed> Seeds { get; }

    public long Bytes { get; }

    /// <summary>The body HTML of every seed (what the floor parses).</summary>
    public string[] Bodies { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>The MSBuild properties and seed metadata, as the compiler hands them to analyzers too.</summary>
    public AnalyzerConfigOptionsProvider Options => _options;

    /// <summary>
    /// The floor's parser, with BodyReader's options: it parses without source positions (it parses a body again with
    /// them only to place a diagnostic on its date element).
    /// </summary>
    public static HtmlParser CreateFloorParser() =>
        new(new HtmlParserOptions { IsKeepingSourceReferences = false }, BrowsingContext.New(Configuration.Default));

    /// <summary>The floor: every body parsed into a document with <paramref name="parser"/>; the number of nodes, so nothing is skipped.</summary>
    public int ParseAllBodies(HtmlParser parser)
    {
        var nodes = 0;
        foreach (var body in Bodies)
        {
            using var document = parser.ParseDocument(body);
            nodes += document.All.Length;
        }

        return nodes;
    }

    public static string ProgramSource(int edit) =>
        $"namespace Consumer;\n\npublic static class Program\n{{\n    public static int Edit => {edit};\n}}\n";

    /// <summary>The compilation after an edit of a .cs file that has nothing to do with the seeds.</summary>
    public CSharpCompilation WithUnrelatedEdit(int edit) =>
        Compilation.ReplaceSyntaxTree(Compilation.SyntaxTrees[0], CSharpSyntaxTree.ParseText(ProgramSource(edit), ParseOptions, "/bench/project/Program.cs"));

    public GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [new CorpusGenerator().AsSourceGenerator()],
            Seeds.Cast<AdditionalText>(),
            ParseOptions,
            _options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Seed <paramref name="index"/> with one more paragraph at the end of its body (title and URL unchanged).</summary>
    public MemorySeed EditedBody(int index, string marker)
    {
        var seed = Seeds[index];
        var text = seed.Text.ToString();
        var end = text.TrimEnd('\n', '\r').Length;
        var edited = text.Substring(0, end) + "<p>Edited for the benchmark: " + marker + ".</p>" + text.Substring(end);
        return new MemorySeed(seed.Path, SourceText.From(edited, Encoding.UTF8, SourceHashAlgorithm.Sha256));
    }

    /// <summary>Seed <paramref name="index"/> with a word added to its title (the index changes too).</summary>
    public MemorySeed EditedTitle(int index, string marker)
    {
        var seed = Seeds[index];
        var text = seed.Text.ToString();
        var at = text.IndexOf("](", StringComparison.Ordinal);
        var edited = text.Substring(0, at) + " " + marker + text.Substring(at);
        return new MemorySeed(seed.Path, SourceText.From(edited, Encoding.UTF8, SourceHashAlgorithm.Sha256));
    }

    internal sealed class MemorySeed(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public SourceText Text { get; } = text;

        public override SourceText GetText(CancellationToken cancellationToken = default) => Text;
    }

    internal sealed class OptionsProvider(IReadOnlyDictionary<string, string> globals, HashSet<string> seeds) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Seed = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CorpusSeed"] = "true" });
        private static readonly Options Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => seeds.Contains(textFile.Path) ? Seed : Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => values.Keys;
        }
    }
}
