extern alias CorpusRuntimeLibrary;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Analyzers.Tests;

/// <summary>
/// A corpus shard compiled by the real generator (<c>CorpusShard=true</c>, against the Corpus.Runtime library), as the
/// metadata reference an app gets from a shard project or package. Seeds and options are handed over as MSBuild hands
/// them (additional files with <c>CorpusSeed</c> metadata, <c>build_property.*</c>).
/// </summary>
internal static class ShardImage
{
    public static MetadataReference Runtime { get; } =
        MetadataReference.CreateFromFile(typeof(CorpusRuntimeLibrary::Corpus.CorpusShardAttribute).Assembly.Location);

    /// <summary>The shard <paramref name="name"/> (its assembly and namespace) over <paramref name="seeds"/> (paths relative to the shard's directory).</summary>
    public static MetadataReference Build(string name, IEnumerable<MetadataReference> references, params (string Path, string Text)[] seeds)
    {
        var directory = "/" + name + "/";
        var globals = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["build_property.RootNamespace"] = name,
            ["build_property.ProjectDir"] = directory,
            ["build_property.CorpusShard"] = "true",
        };
        var texts = seeds.Select(s => (AdditionalText)new SeedText(directory + s.Path, s.Text)).ToImmutableArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp9);
        var compilation = CSharpCompilation.Create(
            name,
            [],
            references.Append(Runtime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var seedMetadata = texts.ToDictionary(t => t.Path, _ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CorpusSeed"] = "true" });
        CSharpGeneratorDriver.Create([new CorpusGenerator().AsSourceGenerator()], texts, parseOptions, new TestOptionsProvider(globals, seedMetadata))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var errors = generatorDiagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!emitted.Success || errors.Count > 0)
        {
            throw new InvalidOperationException("Shard " + name + " did not build: " + string.Join("; ", errors));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private sealed class SeedText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
    }
}
