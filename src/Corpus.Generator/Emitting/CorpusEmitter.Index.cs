using System.Globalization;
using System.Linq;
using Corpus.Generator.Model;
using Corpus.Generator.Search;

namespace Corpus.Generator.Emitting;

internal static partial class CorpusEmitter
{
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
        var merged = Qualified(options.TypesNamespace, "MergedArticleStore");
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
                writer.Line("// IDE there is none), Chunk0000, Chunk0001, …: the store finds one through ChunkClass.");
                writer.Line("/// <summary>The store of this project's articles.</summary>");
                writer.Line($"{options.DataVisibility} static readonly {store} Store = new {store}(");
                writer.Line($"    typeof({data}),");
                writer.Line("    // For each chunk, the index of its first slot in the next table; one more entry for the end.");
                WriteIntTable(writer, spec.ChunkStarts, ",");
                writer.Line("    // For each chunk in order and each article in it (by Id), the article's position in All.");
                WriteIntTable(writer, spec.SlotPositions, ",");
                writer.Line("    ChunkClass);");
                writer.Line();
                writer.Line("// The class of a chunk; null in a design-time build, which has no chunk classes and no " + FindChunkClassName + ".");
                using (writer.Open("private static global::System.Type? ChunkClass(int chunk)"))
                {
                    writer.Line("global::System.Type? type = null;");
                    writer.Line(FindChunkClassName + "(chunk, ref type);");
                    writer.Line("return type;");
                }

                writer.Line();
                writer.Line("static partial void " + FindChunkClassName + "(int chunk, ref global::System.Type? type);");
                writer.Line();
                writer.Line($"internal static {article}[] Loaded => Store.Loaded;");
                if (options.Shards.Count > 0)
                {
                    writer.Line();
                    writer.Line($"internal static readonly {merged} Merged = new {merged}(");
                    if (spec.MergedOrder.Count > 0)
                    {
                        writer.Line("    // The order of All, made at compile time from the shards' order keys: for each position, the position in its");
                        writer.Line("    // store's All times the number of stores, plus the store (0 this project's, then each shard's below in order).");
                        WriteIntTable(writer, spec.MergedOrder, ",");
                        writer.Line("    // Each store's number of articles as this app was compiled against it: All knows its count without loading a shard.");
                        WriteIntTable(writer, new[] { spec.Count }.Concat(options.Shards.Select(s => s.Count)).ToEquatableArray(), ",");
                        writer.Line("    // Each store reached when first needed: a shard's assembly is loaded when one of its articles or its index is.");
                        writer.Line("    () => Store,");
                        for (var i = 0; i < options.Shards.Count; i++)
                        {
                            writer.Line($"    () => {options.Shards[i].DataClass}.Store{(i == options.Shards.Count - 1 ? ");" : ",")}");
                        }
                    }
                    else
                    {
                        writer.Line("    // This project's store and each shard's, merged on first use into the order of All.");
                        writer.Line("    Store,");
                        for (var i = 0; i < options.Shards.Count; i++)
                        {
                            writer.Line($"    {options.Shards[i].DataClass}.Store{(i == options.Shards.Count - 1 ? ");" : ",")}");
                        }
                    }
                }
            }
        }

        return writer.ToString();
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
}
