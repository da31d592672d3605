using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Corpus.Generator.Model;
using Corpus.Generator.Search;

namespace Corpus.Generator.Emitting;

/// <summary>
/// Writes the generated C#: the index (the public class, and the data class with the store that reads the data) and one
/// file of documented members per chunk (one member per article) for the IDE's live compilation, and one data file per
/// chunk holding that chunk's data as string constants, for full builds only. The runtime types are <see cref="RuntimeSource"/>'s.
/// </summary>
internal static class CorpusEmitter
{
    public const string IndexHintName = "Corpus.Articles.g.cs";

    public static string MembersHintName(int chunk) => "Corpus.Members." + chunk.ToString("D4", CultureInfo.InvariantCulture) + ".g.cs";

    public const string ShardHintName = "Corpus.Shard.g.cs";

    public static string ChunkHintName(int chunk) => "Corpus.Data." + chunk.ToString("D4", CultureInfo.InvariantCulture) + ".g.cs";

    public static string EmitIndex(IndexSpec spec)
    {
        var options = spec.Options;
        var visibility = options.IsPublic ? "public" : "internal";
        var generatedCode = GeneratedCodeAttribute(options.GeneratorVersion);
        // Inside the class, seed-named members could shadow these simple names (a seed called "article.txt"):
        // the public class refers to the types by their full names.
        var data = Qualified(options.Namespace, options.DataClassName);
        var article = Qualified(options.TypesNamespace, "Article");
        var store = Qualified(options.TypesNamespace, "ArticleStore");
        // An app that references shards reads All and the lookups from one store merged over its own and theirs.
        var lookups = options.Shards.Count == 0 ? data + ".Store" : data + ".Merged";
        var count = spec.Count + options.Shards.Sum(s => s.Count);
        var writer = new IndentedWriter(4096 + (spec.SlotPositions.Count * 8));
        WriteFileHeader(writer, "The corpus index. Articles: " + spec.Count.ToString(CultureInfo.InvariantCulture) + ".");

        using (OpenNamespace(writer, options.Namespace))
        {
            // The runtime loads no type with more than 65,535 methods (TypeLoadException): past MembersPerType
            // articles, the members go into a chain of base classes, still reached as Articles.Member. The members
            // themselves are in the chunks' member files (EmitMembers), each in the part its position says.
            var parts = PartCount(spec.Count, spec.MembersPerType);
            for (var part = 0; part < parts; part++)
            {
                writer.Line($"/// <summary>Members of <see cref=\"{options.ClassName}\"/>, part {(part + 1).ToString(CultureInfo.InvariantCulture)} of {parts.ToString(CultureInfo.InvariantCulture)}: a type holds at most 65,535 methods.</summary>");
                writer.Line(generatedCode);
                writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                var baseClause = part == 0 ? string.Empty : " : " + PartName(options.ClassName, part - 1);
                using (writer.Open($"{visibility} abstract partial class {PartName(options.ClassName, part)}{baseClause}"))
                {
                    writer.Line($"private protected {PartName(options.ClassName, part)}()");
                    writer.Line("{");
                    writer.Line("}");
                }

                writer.Line();
            }

            writer.Line(options.Shards.Count == 0
                ? "/// <summary>The articles of this project's corpus, compiled from its seed files by Corpus.Generator.</summary>"
                : "/// <summary>The articles of this project's corpus and of the corpus shards it references (" + CSharpLiteral.XmlDoc(string.Join(", ", options.Shards.Select(s => s.AssemblyName))) + "), compiled by Corpus.Generator. Each shard's own class has the documented member of each of its seeds.</summary>");
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
                writer.Line($"public const int Count = {count.ToString(CultureInfo.InvariantCulture)};");
                writer.Line();
                writer.Line($"/// <summary>Every article, newest first: by <see cref=\"{article}.PublishedAt\"/> (articles without a date last), then by <see cref=\"{article}.Id\"/>.</summary>");
                writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{article}> All => {lookups}.All;");
                writer.Line();
                writer.Line($"/// <summary>The article whose <see cref=\"{article}.Id\"/> (the seed's file name without extension) is <paramref name=\"id\"/>, compared ordinally; null when there is none.</summary>");
                writer.Line($"public static {article}? FindById(string id) => {lookups}.FindById(id);");
                writer.Line();
                writer.Line("/// <summary>");
                writer.Line("/// The article at <paramref name=\"url\"/>; null when there is none. The address as written in the seed matches first;");
                writer.Line("/// otherwise the scheme, the host's letter case, doubled slashes, the case of percent-escapes, a trailing slash and the fragment are ignored.");
                writer.Line("/// </summary>");
                writer.Line($"public static {article}? FindByUrl(string url) => {lookups}.FindByUrl(url);");
                writer.Line();
                writer.Line("/// <inheritdoc cref=\"FindByUrl(string)\"/>");
                writer.Line($"public static {article}? FindByUrl(global::System.Uri url) => {lookups}.FindByUrl((url ?? throw new global::System.ArgumentNullException(nameof(url))).OriginalString);");
                SearchEmitter.WriteSearchMembers(writer, options, lookups);
            }

            writer.Line();
            writer.Line("/// <summary>The compiled corpus data and the store that reads it; not part of the API.</summary>");
            writer.Line(generatedCode);
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            using (writer.Open($"{options.DataVisibility} static partial class {options.DataClassName}"))
            {
                writer.Line("// Each chunk's data is a nested class of this class in its own file, generated for full builds only (in the");
                writer.Line("// IDE there is none): the store finds them by name, Chunk0000, Chunk0001, …");
                writer.Line("/// <summary>The store of this project's articles.</summary>");
                writer.Line($"{options.DataVisibility} static readonly {store} Store = new {store}(");
                writer.Line($"    typeof({data}),");
                writer.Line("    // For each chunk, the index of its first slot in the next table; one more entry for the end.");
                WriteIntTable(writer, spec.ChunkStarts, ",");
                writer.Line("    // For each chunk in order and each article in it (by Id), the article's position in All.");
                WriteIntTable(writer, spec.SlotPositions, ");");
                writer.Line();
                writer.Line($"internal static {article}[] Loaded => Store.Loaded;");
                if (options.Shards.Count > 0)
                {
                    writer.Line();
                    writer.Line("// This project's store and each shard's, merged on first use into the order of All.");
                    writer.Line($"internal static readonly {store} Merged = {store}.Merge(");
                    writer.Line("    Store,");
                    for (var i = 0; i < options.Shards.Count; i++)
                    {
                        writer.Line($"    {options.Shards[i].DataClass}.Store{(i == options.Shards.Count - 1 ? ");" : ",")}");
                    }
                }
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// A chunk's data class, nested in the data class. Its articles are in slot order (by Id); <c>H</c><i>slot</i>
    /// holds the headers of the articles from that slot to the next <c>H</c> constant, <c>T</c><i>slot</i> their
    /// bodies, each followed by its text, and <c>Html</c> the HTML template of every article (<see cref="HtmlTemplate"/>), one after the other, one literal
    /// line per article. The runtime's <c>ArticleStore.Chunk</c> (src/Corpus.Runtime) reads them.
    /// </summary>
    public static string EmitChunk(ChunkSpec spec)
    {
        var builder = RentBuilder(EstimateChunkLength(spec));
        var writer = new IndentedWriter(builder);
        var records = spec.Records;
        WriteFileHeader(writer, "Corpus data chunk " + spec.Chunk.ToString(CultureInfo.InvariantCulture) + ": the articles' headers (H), bodies and texts (T) and HTML templates. Articles: " + records.Count.ToString(CultureInfo.InvariantCulture) + ".");
        using (OpenNamespace(writer, spec.Namespace))
        {
            using (writer.Open($"{spec.DataVisibility} static partial class {spec.DataClassName}"))
            {
                using (writer.Open($"internal static class {ChunkName(spec.Chunk)}"))
                {
                    // Constants, not "…"u8 literals: the compiler lowers a UTF-8 literal into one node per byte (about
                    // 0.5 s and 100 MB of compiler memory per MB of data), while a constant is stored in metadata as is.
                    // Nothing refers to them in code, so they never reach the user-string heap (no CS8103 at any size).
                    var start = 0;
                    while (start < records.Count)
                    {
                        var end = GroupEnd(records, start, static r => r.Header.Length);
                        writer.Line("internal const string H" + start.ToString(CultureInfo.InvariantCulture) + " =");
                        for (var i = start; i < end; i++)
                        {
                            writer.Literal("    ", records[i].Header, i == end - 1 ? ";" : " +");
                        }

                        writer.Line();
                        start = end;
                    }

                    // The texts come before the HTML, so that reading them all touches no page of HTML in the image.
                    start = 0;
                    while (start < records.Count)
                    {
                        var end = GroupEnd(records, start, static r => r.Body.Length + r.Text.Length);
                        writer.Line("internal const string T" + start.ToString(CultureInfo.InvariantCulture) + " =");
                        for (var i = start; i < end; i++)
                        {
                            writer.Literal("    ", records[i].Body, " +");
                            writer.Literal("    ", records[i].Text, i == end - 1 ? ";" : " +", records[i].Text.Length.ToString(CultureInfo.InvariantCulture) + ":");
                        }

                        writer.Line();
                        start = end;
                    }

                    writer.Line("internal const string Html =");
                    var lastHtml = records.Count - 1;
                    while (lastHtml >= 0 && records[lastHtml].Html.Length == 0)
                    {
                        lastHtml--;
                    }

                    if (lastHtml < 0)
                    {
                        writer.Line("    \"\";");
                    }

                    for (var i = 0; i <= lastHtml; i++)
                    {
                        if (records[i].Html.Length > 0)
                        {
                            writer.Literal("    ", records[i].Html, i == lastHtml ? ";" : " +");
                        }
                    }
                }
            }
        }

        var source = builder.ToString();
        ReturnBuilder(builder);
        return source;
    }

    /// <summary>
    /// About this many characters per header or body constant: reading a constant has a cost per field (about 10 µs)
    /// that a group shares among its articles, and a group under 85,000 bytes is a young, short-lived string at run
    /// time, whose memory the GC reuses, unlike a large-object-heap one.
    /// </summary>
    internal const int GroupChars = 16 * 1024;

    /// <summary>The end of the group of consecutive records from <paramref name="start"/>: at least one record, then up to about <see cref="GroupChars"/>.</summary>
    private static int GroupEnd(EquatableArray<ArticleRecord> records, int start, Func<ArticleRecord, int> length)
    {
        var total = 0;
        var end = start;
        while (end < records.Count && (end == start || total + length(records[end]) <= GroupChars))
        {
            total += length(records[end]);
            end++;
        }

        return end;
    }

    /// <summary>The chunk file's length if little needs escaping: what it holds, plus about 1/8 for escapes and lines.</summary>
    private static int EstimateChunkLength(ChunkSpec spec)
    {
        long length = 1024;
        foreach (var record in spec.Records)
        {
            length += record.Header.Length + record.Body.Length + record.Text.Length + record.Html.Length + 128;
        }

        return (int)Math.Min(int.MaxValue / 2, length + (length / 8));
    }

    // A chunk file is about a megabyte of characters: one builder per thread is reused from chunk to chunk instead of
    // growing a new one each time. A builder that grew past the cap is dropped, so an odd huge chunk is not kept alive.
    [ThreadStatic]
    private static StringBuilder? t_chunkBuilder;

    // 2 M characters (4 MB) holds a typical chunk twice over; a compiler server keeps its threads, and their builders, for hours.
    private const int MaxPooledChunkCapacity = 2 * 1024 * 1024;

    private static StringBuilder RentBuilder(int capacity)
    {
        var builder = t_chunkBuilder ?? new StringBuilder(capacity);
        t_chunkBuilder = null;
        builder.Clear();
        builder.EnsureCapacity(capacity);
        return builder;
    }

    private static void ReturnBuilder(StringBuilder builder)
    {
        if (builder.Capacity <= MaxPooledChunkCapacity)
        {
            builder.Clear();
            t_chunkBuilder = builder;
        }
    }

    /// <summary>
    /// Per-article members in one type, at most: the runtime's limit is 65,535 methods a type, and the class also
    /// holds the API and the reader. The generator's default; tests pass a lower one to <see cref="CorpusGenerator"/>.
    /// </summary>
    internal const int MembersPerType = 60_000;

    private static string PartName(string className, int part) => className + "Part" + part.ToString(CultureInfo.InvariantCulture);

    /// <summary>How many classes the chain of member classes has: none up to <paramref name="perType"/> articles.</summary>
    private static int PartCount(int count, int perType)
    {
        perType = Math.Max(1, perType);
        return count > perType ? (count + perType - 1) / perType : 0;
    }

    /// <summary>
    /// One chunk's documented members, one per article, in the order of <c>All</c>: a partial part of the public class,
    /// or of the member classes of the chain that their positions fall in.
    /// </summary>
    public static string EmitMembers(MemberSpec spec)
    {
        var options = spec.Options;
        var visibility = options.IsPublic ? "public" : "internal";
        var data = Qualified(options.Namespace, options.DataClassName);
        var article = Qualified(options.TypesNamespace, "Article");
        var writer = new IndentedWriter(1024 + (spec.Members.Count * 400));
        WriteFileHeader(writer, "The members of the articles of chunk " + spec.Chunk.ToString(CultureInfo.InvariantCulture) + ". Articles: " + spec.Members.Count.ToString(CultureInfo.InvariantCulture) + ".");
        var parts = PartCount(spec.Count, spec.MembersPerType);
        var perType = Math.Max(1, spec.MembersPerType);
        using (OpenNamespace(writer, options.Namespace))
        {
            var start = 0;
            while (start < spec.Members.Count)
            {
                // Members are in position order, so those of one part are consecutive.
                var part = parts == 0 ? -1 : spec.Members[start].Position / perType;
                var end = start;
                while (end < spec.Members.Count && (parts == 0 ? -1 : spec.Members[end].Position / perType) == part)
                {
                    end++;
                }

                if (start > 0)
                {
                    writer.Line();
                }

                var declaration = part < 0
                    ? $"{visibility} static partial class {options.ClassName}"
                    : $"{visibility} abstract partial class {PartName(options.ClassName, part)}";
                using (writer.Open(declaration))
                {
                    for (var i = start; i < end; i++)
                    {
                        var entry = spec.Members[i];
                        if (i > start)
                        {
                            writer.Line();
                        }

                        writer.Line($"/// <summary>{CSharpLiteral.XmlDoc(entry.Article.Title)}</summary>");
                        writer.Line($"/// <remarks>{CSharpLiteral.XmlDoc(Describe(entry.Article))}</remarks>");
                        writer.Line($"public static {article} {entry.Article.Key.MemberName} => {data}.Loaded[{entry.Position.ToString(CultureInfo.InvariantCulture)}];");
                    }
                }

                start = end;
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// A shard's mark on its assembly, which the generator of an app that references it looks for, and its claims: the
    /// Ids, member names, seed paths and URLs of its seeds, read by that app (through the compiler's symbols) to find
    /// duplicates across shards. A live output: the IDE's app sees the shards too.
    /// </summary>
    public static string EmitShard(ShardFileSpec spec)
    {
        var options = spec.Options;
        var data = Qualified(options.Namespace, options.DataClassName);
        var writer = new IndentedWriter(1024 + (spec.Claims.Length * 11 / 10));
        WriteFileHeader(writer, "The corpus shard's mark and claims. Articles: " + spec.Count.ToString(CultureInfo.InvariantCulture) + ".");
        writer.Line($"[assembly: global::{ShardDiscovery.RuntimeNamespace}.CorpusShard(typeof({data}), {RecordEncoder.FormatVersion.ToString(CultureInfo.InvariantCulture)}, {spec.Count.ToString(CultureInfo.InvariantCulture)})]");
        writer.Line();
        using (OpenNamespace(writer, options.Namespace))
        {
            using (writer.Open($"{options.DataVisibility} static partial class {options.DataClassName}"))
            {
                writer.Line("/// <summary>For the generators of the apps that reference this shard: each seed's Id, member name, seed path and URL.</summary>");
                writer.Line("public const string Claims =");
                writer.Literal("    ", spec.Claims, ";");
            }
        }

        return writer.ToString();
    }

    internal static string Qualified(string? ns, string name) =>
        string.IsNullOrEmpty(ns) ? "global::" + name : "global::" + ns + "." + name;

    private static string ChunkName(int chunk) => "Chunk" + chunk.ToString("D4", CultureInfo.InvariantCulture);

    private static string Describe(ArticleSummary article)
    {
        var date = article.PublishedAt is { } published
            ? published.ToDateTimeOffset().ToString(published.Precision == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : "undated";
        return $"{article.Outlet}, {date}. Seed: {article.Key.SeedPath}";
    }

    /// <summary>An argument that is a table of numbers, <c>new int[] { … }</c>, followed by <paramref name="suffix"/>.</summary>
    private static void WriteIntTable(IndentedWriter writer, EquatableArray<int> values, string suffix)
    {
        writer.Line("    new int[]");
        writer.Line("    {");
        const int PerLine = 32;
        for (var start = 0; start < values.Count; start += PerLine)
        {
            var line = string.Join(", ", values.Skip(start).Take(PerLine).Select(v => v.ToString(CultureInfo.InvariantCulture)));
            writer.Line("        " + line + ",");
        }

        writer.Line("    }" + suffix);
    }

    internal static void WriteFileHeader(IndentedWriter writer, string summary, string origin = "from the project's seed files. Edit the seeds, not this file.")
    {
        writer.Line("// <auto-generated/>");
        writer.Line("// Generated by Corpus.Generator " + origin);
        writer.Line("// " + summary);
        writer.Line("#nullable enable");
        writer.Line();
    }

    internal static IDisposable OpenNamespace(IndentedWriter writer, string? ns) =>
        string.IsNullOrEmpty(ns) ? new NoBlock() : writer.Open("namespace " + ns);

    internal static string GeneratedCodeAttribute(string version) =>
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Corpus.Generator\", {CSharpLiteral.String(version)})]";

    private sealed class NoBlock : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
