using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

/// <summary>
/// The runtime every corpus gets: the files of <c>src/Corpus.Runtime</c> (<c>Article</c> and its parts, the store and
/// the decoder of <see cref="RecordEncoder"/>'s records), compiled there and embedded here as resources. Each is written
/// out as it is, inside the consumer's namespace; one small generated part gives every runtime class its access
/// modifier and the <c>GeneratedCode</c> attribute. Nothing in the files is replaced.
/// </summary>
internal static class RuntimeSource
{
    /// <summary>The hint name of the generated part; each runtime file <c>X.cs</c> is written as <c>Corpus.Runtime.X.g.cs</c>.</summary>
    public const string PartsHintName = "Corpus.Runtime.g.cs";

    /// <summary>The classes of the public API: declared without an access modifier, they take the consumer's <c>CorpusVisibility</c>.</summary>
    public static readonly string[] PublicClasses = ["Article", "ArticleSection", "ArticleImage", "ArticleMedia",
        "SearchOptions", "SearchResults", "SearchHit", "SearchSnippet", "SearchMatch", "SearchFacets", "SearchFacet"];

    /// <summary>The enums of the public API: an enum cannot be partial, so its file reads its visibility from <see cref="PublicSymbol"/>.</summary>
    public static readonly string[] PublicEnums = ["ArticleMediaKind", "ArticleDatePrecision", "SearchSort"];

    /// <summary>The reader's classes: declared without an access modifier, always internal.</summary>
    public static readonly string[] InternalClasses = ["ArticleCollection", "ArticleStore", "MergedArticleStore", "ArticleUrlKey",
        "SearchAnalyzer", "SearchQuery", "SearchSource", "SearchEngine", "SearchScan", "SearchSegment", "SearchIndexData", "SearchIndexFormat"];

    /// <summary>The reader's classes that shards and apps call across assemblies: public in the Corpus.Runtime library.</summary>
    public static readonly string[] StoreClasses = ["ArticleCollection", "ArticleStore", "MergedArticleStore"];

    /// <summary>Every type the runtime declares in the consumer's namespace: the generated class may not take one of their names.</summary>
    public static readonly string[] TypeNames = [.. PublicClasses, .. PublicEnums, .. InternalClasses];

    /// <summary>Defined at the top of every runtime file of a public corpus (a <c>#define</c> holds for its own file only).</summary>
    public const string PublicSymbol = "CORPUS_PUBLIC";

    private const string ResourcePrefix = "Corpus.Runtime.";

    private const string Origin = "with the runtime every corpus gets (Article and its reader).";

    /// <summary>The runtime files, by file name in ordinal order, with LF line ends.</summary>
    public static ImmutableArray<(string FileName, string Text)> Files { get; } = Load();

    /// <summary>The generated part, then every runtime file: (hint name, source).</summary>
    public static IEnumerable<(string HintName, string Source)> Emit(EmitOptions options)
    {
        yield return (PartsHintName, EmitParts(options));
        foreach (var (fileName, text) in Files)
        {
            yield return (HintName(fileName), EmitFile(options, fileName, text));
        }
    }

    public static string HintName(string fileName) => ResourcePrefix + Path.GetFileNameWithoutExtension(fileName) + ".g.cs";

    private static string EmitParts(EmitOptions options)
    {
        var visibility = options.IsPublic ? "public" : "internal";
        var generatedCode = CorpusEmitter.GeneratedCodeAttribute(options.GeneratorVersion);
        var writer = new IndentedWriter();
        CorpusEmitter.WriteFileHeader(writer, "The runtime's access modifiers: " + visibility + " API, internal reader.", Origin);
        using (CorpusEmitter.OpenNamespace(writer, options.Namespace))
        {
            var first = true;
            // The Corpus.Runtime library's stores are public: shards and apps, other assemblies, call it.
            foreach (var (name, modifier) in PublicClasses.Select(n => (n, visibility)).Concat(InternalClasses.Select(n => (n, options.IsRuntimeLibrary && StoreClasses.Contains(n) ? "public" : "internal"))))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                writer.Line(generatedCode);
                writer.Line($"{modifier} partial class {name}");
                writer.Line("{");
                writer.Line("}");
            }
        }

        return writer.ToString();
    }

    private static string EmitFile(EmitOptions options, string fileName, string text)
    {
        var writer = new IndentedWriter(text.Length + 1024);
        CorpusEmitter.WriteFileHeader(writer, fileName + " of Corpus.Runtime, as it is.", Origin);
        if (options.IsPublic)
        {
            writer.Line("#define " + PublicSymbol);
            writer.Line();
        }

        using (CorpusEmitter.OpenNamespace(writer, options.Namespace))
        {
            writer.Lines(text);
        }

        return writer.ToString();
    }

    private static ImmutableArray<(string FileName, string Text)> Load()
    {
        var assembly = typeof(RuntimeSource).Assembly;
        var files = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files.Add((name.Substring(ResourcePrefix.Length), reader.ReadToEnd().Replace("\r\n", "\n").TrimEnd('\n')));
        }

        return files.ToImmutable();
    }
}
