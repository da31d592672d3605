using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

/// <summary>
/// Writes the generated C#: the index (public API, one member per article, the data reader) for the IDE's live
/// compilation, and one data file per chunk holding that chunk's records and their HTML as two string constants, for
/// full builds only.
/// </summary>
internal static class CorpusEmitter
{
    public const string IndexHintName = "Corpus.Articles.g.cs";

    public static string ChunkHintName(int chunk) => "Corpus.Data." + chunk.ToString("D4", CultureInfo.InvariantCulture) + ".g.cs";

    public static string EmitIndex(IndexSpec spec)
    {
        var options = spec.Options;
        var visibility = options.IsPublic ? "public" : "internal";
        var generatedCode = GeneratedCodeAttribute(options.GeneratorVersion);
        // Inside the class, seed-named members could shadow these simple names (a seed called "article.txt"):
        // the public class refers to the types by their full names.
        var data = Qualified(options.Namespace, options.DataClassName);
        var article = Qualified(options.Namespace, "Article");
        var writer = new IndentedWriter(4096 + (spec.Articles.Count * 256));
        WriteFileHeader(writer, "The corpus index. Articles: " + spec.Articles.Count.ToString(CultureInfo.InvariantCulture) + ".");

        using (OpenNamespace(writer, options.Namespace))
        {
            writer.Lines(RuntimeSource.Types
                .Replace("$visibility$", visibility)
                .Replace("$generatedCode$", generatedCode)
                .Replace("$data$", data));
            writer.Line();

            // The runtime loads no type with more than 65,535 methods (TypeLoadException): past MembersPerType
            // articles, the members go into a chain of base classes, still reached as Articles.Member.
            var perType = Math.Max(1, spec.MembersPerType);
            var parts = spec.Articles.Count > perType ? (spec.Articles.Count + perType - 1) / perType : 0;
            for (var part = 0; part < parts; part++)
            {
                writer.Line($"/// <summary>Members of <see cref=\"{options.ClassName}\"/>, part {(part + 1).ToString(CultureInfo.InvariantCulture)} of {parts.ToString(CultureInfo.InvariantCulture)}: a type holds at most 65,535 methods.</summary>");
                writer.Line(generatedCode);
                writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                var baseClause = part == 0 ? string.Empty : " : " + PartName(options.ClassName, part - 1);
                using (writer.Open($"{visibility} abstract class {PartName(options.ClassName, part)}{baseClause}"))
                {
                    writer.Line($"private protected {PartName(options.ClassName, part)}()");
                    writer.Line("{");
                    writer.Line("}");
                    WriteMembers(writer, spec, article, data, part * perType, Math.Min(spec.Articles.Count, (part + 1) * perType));
                }

                writer.Line();
            }

            writer.Line("/// <summary>The articles of this project's corpus, compiled from its seed files by Corpus.Generator.</summary>");
            writer.Line(generatedCode);
            var declaration = parts == 0
                ? $"{visibility} static partial class {options.ClassName}"
                : $"{visibility} sealed partial class {options.ClassName} : {PartName(options.ClassName, parts - 1)}";
            using (writer.Open(declaration))
            {
                if (parts > 0)
                {
                    writer.Line($"private {options.ClassName}()");
                    writer.Line("{");
                    writer.Line("}");
                    writer.Line();
                }

                writer.Line("/// <summary>How many articles the corpus holds.</summary>");
                writer.Line($"public const int Count = {spec.Articles.Count.ToString(CultureInfo.InvariantCulture)};");
                writer.Line();
                writer.Line($"/// <summary>Every article, newest first: by <see cref=\"{article}.PublishedAt\"/> (articles without a date last), then by <see cref=\"{article}.Id\"/>.</summary>");
                writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{article}> All => {data}.All;");
                writer.Line();
                writer.Line($"/// <summary>The article whose <see cref=\"{article}.Id\"/> (the seed's file name without extension) is <paramref name=\"id\"/>, compared ordinally; null when there is none.</summary>");
                writer.Line($"public static {article}? FindById(string id) => {data}.FindById(id);");
                writer.Line();
                writer.Line("/// <summary>");
                writer.Line("/// The article at <paramref name=\"url\"/>; null when there is none. The address as written in the seed matches first;");
                writer.Line("/// otherwise the scheme, the host's letter case, doubled slashes, the case of percent-escapes, a trailing slash and the fragment are ignored.");
                writer.Line("/// </summary>");
                writer.Line($"public static {article}? FindByUrl(string url) => {data}.FindByUrl(url);");
                writer.Line();
                writer.Line("/// <inheritdoc cref=\"FindByUrl(string)\"/>");
                writer.Line($"public static {article}? FindByUrl(global::System.Uri url) => {data}.FindByUrl((url ?? throw new global::System.ArgumentNullException(nameof(url))).OriginalString);");

                if (parts == 0)
                {
                    WriteMembers(writer, spec, article, data, 0, spec.Articles.Count);
                }
            }

            writer.Line();
            writer.Line("/// <summary>The compiled corpus data and its reader; not part of the API.</summary>");
            writer.Line(generatedCode);
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            using (writer.Open($"internal static partial class {options.DataClassName}"))
            {
                writer.Line($"internal const int Count = {spec.Articles.Count.ToString(CultureInfo.InvariantCulture)};");
                writer.Line($"private const int ChunkCount = {spec.ChunkCount.ToString(CultureInfo.InvariantCulture)};");
                writer.Line();
                WriteIntTable(writer, "ChunkStarts", spec.ChunkStarts);
                writer.Line();
                WriteIntTable(writer, "SlotPositions", spec.SlotPositions);
                writer.Line();
                writer.Line("// Each chunk's data is a constant of this class in its own file, generated for full builds only (in the IDE");
                writer.Line("// there is none). The reader finds them by name: Chunk0000, Chunk0001, …");
                writer.Line($"private const string ChunkPrefix = \"Chunk\";");
                writer.Line();
                writer.Lines(RuntimeSource.Reader.Replace("$urlKey$", UrlKeySource.Value).Replace("$data$", data));
            }
        }

        return writer.ToString();
    }

    public static string EmitChunk(ChunkSpec spec)
    {
        var writer = new IndentedWriter(spec.Records.Sum(r => r.Length) + 1024);
        WriteFileHeader(writer, "Corpus data chunk " + spec.Chunk.ToString(CultureInfo.InvariantCulture) + ", one article record per line, then their HTML. Articles: " + spec.Records.Count.ToString(CultureInfo.InvariantCulture) + ".");
        using (OpenNamespace(writer, spec.Namespace))
        {
            using (writer.Open($"internal static partial class {spec.DataClassName}"))
            {
                // A constant, not a "…"u8 literal: the compiler lowers a UTF-8 literal into one node per byte (about
                // 0.5 s and 100 MB of compiler memory per MB of data), while a constant is stored in metadata as is.
                // Nothing refers to it in code, so it never reaches the user-string heap (no CS8103 at any size).
                var parts = spec.Records.Select(RecordEncoder.Split).ToList();
                WriteConstant(writer, ChunkName(spec.Chunk), parts.Select(p => p.Record).ToList());
                writer.Line();
                WriteConstant(writer, ChunkName(spec.Chunk) + "Html", parts.Select(p => p.Html).Where(h => h.Length > 0).ToList());
            }
        }

        return writer.ToString();
    }

    /// <summary>One string constant, one line per part: <c>"…" +</c>.</summary>
    private static void WriteConstant(IndentedWriter writer, string name, System.Collections.Generic.IReadOnlyList<string> parts)
    {
        writer.Line($"internal const string {name} =");
        if (parts.Count == 0)
        {
            writer.Line("    \"\";");
            return;
        }

        var literal = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            literal.Clear().Append("    \"");
            CSharpLiteral.AppendEscaped(literal, parts[i]);
            literal.Append('"').Append(i == parts.Count - 1 ? ";" : " +");
            writer.Line(literal.ToString());
        }
    }

    /// <summary>
    /// Per-article members in one type, at most: the runtime's limit is 65,535 methods a type, and the class also
    /// holds the API and the reader. The generator's default; tests pass a lower one to <see cref="CorpusGenerator"/>.
    /// </summary>
    internal const int MembersPerType = 60_000;

    private static string PartName(string className, int part) => className + "Part" + part.ToString(CultureInfo.InvariantCulture);

    private static void WriteMembers(IndentedWriter writer, IndexSpec spec, string article, string data, int start, int end)
    {
        for (var position = start; position < end; position++)
        {
            var entry = spec.Articles[position];
            writer.Line();
            writer.Line($"/// <summary>{CSharpLiteral.XmlDoc(entry.Title)}</summary>");
            writer.Line($"/// <remarks>{CSharpLiteral.XmlDoc(Describe(entry))}</remarks>");
            writer.Line($"public static {article} {entry.Key.MemberName} => {data}.Loaded[{position.ToString(CultureInfo.InvariantCulture)}];");
        }
    }

    private static string Qualified(string? ns, string name) =>
        string.IsNullOrEmpty(ns) ? "global::" + name : "global::" + ns + "." + name;

    private static string ChunkName(int chunk) => "Chunk" + chunk.ToString("D4", CultureInfo.InvariantCulture);

    private static string Describe(ArticleSummary article)
    {
        var date = article.PublishedAt is { } published
            ? published.ToDateTimeOffset().ToString(published.Precision == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : "undated";
        return $"{article.Outlet}, {date}. Seed: {article.Key.SeedPath}";
    }

    private static void WriteIntTable(IndentedWriter writer, string name, EquatableArray<int> values)
    {
        writer.Line($"private static global::System.ReadOnlySpan<int> {name} => new int[]");
        writer.Line("{");
        const int PerLine = 32;
        for (var start = 0; start < values.Count; start += PerLine)
        {
            var line = string.Join(", ", values.Skip(start).Take(PerLine).Select(v => v.ToString(CultureInfo.InvariantCulture)));
            writer.Line("    " + line + ",");
        }

        writer.Line("};");
    }

    private static void WriteFileHeader(IndentedWriter writer, string summary)
    {
        writer.Line("// <auto-generated/>");
        writer.Line("// Generated by Corpus.Generator from the project's seed files. Edit the seeds, not this file.");
        writer.Line("// " + summary);
        writer.Line("#nullable enable");
        writer.Line();
    }

    private static IDisposable OpenNamespace(IndentedWriter writer, string? ns) =>
        string.IsNullOrEmpty(ns) ? new NoBlock() : writer.Open("namespace " + ns);

    private static string GeneratedCodeAttribute(string version) =>
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Corpus.Generator\", {CSharpLiteral.String(version)})]";

    private sealed class NoBlock : IDisposable
    {
        public void Dispose()
        {
        }
    }

    /// <summary>The URL normalisation method, copied from the generator's own source (see <see cref="UrlNormalization"/>).</summary>
    private static class UrlKeySource
    {
        public static readonly string Value = Load();

        private static string Load()
        {
            using var stream = typeof(CorpusEmitter).Assembly.GetManifestResourceStream("Corpus.Generator.UrlNormalization.cs")
                ?? throw new InvalidOperationException("The UrlNormalization source is missing from the generator assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var source = reader.ReadToEnd().Replace("\r\n", "\n");
            const string Begin = "// RUNTIME-BEGIN\n";
            var start = source.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
            var end = source.IndexOf("// RUNTIME-END", StringComparison.Ordinal);
            var lines = source.Substring(start, end - start).TrimEnd().Split('\n');
            // The method is indented by one level in its class; the template is written at column zero.
            return string.Join("\n", lines.Select(l => l.StartsWith("    ", StringComparison.Ordinal) ? l.Substring(4) : l));
        }
    }
}
