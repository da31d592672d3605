using System.Globalization;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Search;

/// <summary>
/// The search members of the generated <c>Articles</c> class (<c>Search</c>, <c>Related</c>, calling the store's), and
/// each index segment's file: a nested class of the data class whose constants hold the segment's bytes
/// (<see cref="SearchIndexWriter"/>, packed by <see cref="SearchIndexFormat.Pack"/>), for full builds only.
/// </summary>
internal static class SearchEmitter
{
    /// <summary>The name of a segment's directory constant (the runtime's <c>SearchIndexData.DirectoryPart</c>).</summary>
    internal const string DirectoryName = "D";

    /// <summary>The hint name of a segment's file, part 0 (<c>Corpus.Search.0000.g.cs</c>) or a later part (<c>Corpus.Search.0000.1.g.cs</c>).</summary>
    public static string SegmentHintName(int segment, int part = 0) =>
        "Corpus.Search." + segment.ToString("D4", CultureInfo.InvariantCulture) + (part == 0 ? string.Empty : "." + part.ToString(CultureInfo.InvariantCulture)) + ".g.cs";

    /// <summary>The segment written and its parts' compiler texts made (<see cref="SearchSegmentParts"/>), in order.</summary>
    public static (string HintName, Microsoft.CodeAnalysis.Text.SourceText Text)[] EmitSegment(SearchSegmentSpec spec, System.Threading.CancellationToken cancellationToken = default)
    {
        var (directory, blocks) = SearchSegmentUpdate.Write(spec.Documents, cancellationToken);
        return SearchSegmentParts.Texts(spec, directory, blocks, cancellationToken);
    }

    /// <summary>The segment's files' texts around its written <paramref name="directory"/> and <paramref name="blocks"/>, in order.</summary>
    internal static string[] SegmentFiles(SearchSegmentSpec spec, byte[] directory, System.Collections.Generic.List<byte[]> blocks, int partCharacters = SearchSegmentParts.PartCharacters) =>
        SearchSegmentParts.Make(spec, directory, blocks, partCharacters, static (_, file) => new string(file), System.Threading.CancellationToken.None);

    /// <summary>
    /// Part <paramref name="part"/> of <paramref name="parts"/> of the segment's file: its <paramref name="constants"/>, packed
    /// from <paramref name="directory"/> or their <paramref name="blocks"/>, in the segment's class (partial: the others hold
    /// the rest). Its characters, in one array of exactly their number: the constants are packed straight into it, with
    /// no string a block, a group or a file on the way (each a copy of the part's megabytes for the GC).
    /// </summary>
    internal static char[] SegmentPart(SearchSegmentSpec spec, byte[] directory, System.Collections.Generic.List<byte[]> blocks, System.Collections.Generic.IReadOnlyList<SearchSegmentParts.Constant> constants, int part, int parts)
    {
        // The file without its constants' characters, each value's place held by a character no file has otherwise.
        var writer = new IndentedWriter(4096 + (constants.Count * 48));
        var summary = "Search index segment " + spec.Segment.ToString(CultureInfo.InvariantCulture) + ": the directory (D) and the term blocks, " + SearchIndexFormat.BlocksPerConstant.ToString(CultureInfo.InvariantCulture) + " a constant (G0, G1, …), of " + spec.Documents.Count.ToString(CultureInfo.InvariantCulture) + " articles";
        CorpusEmitter.WriteFileHeader(writer, summary + (parts == 1 ? "." : "; part " + (part + 1).ToString(CultureInfo.InvariantCulture) + " of " + parts.ToString(CultureInfo.InvariantCulture) + ": " + constants[0].Name + (constants.Count == 1 ? "." : " to " + constants[constants.Count - 1].Name + ".")));
        using (CorpusEmitter.OpenNamespace(writer, spec.Namespace))
        {
            using (writer.Open($"{spec.DataVisibility} static partial class {spec.DataClassName}"))
            {
                using (writer.Open($"internal static partial class {SearchIndexFormat.SegmentName(spec.Segment)}"))
                {
                    // Read by the runtime's SearchIndexData through reflection, never referenced in code: nothing
                    // reaches the user-string heap. The characters are CJK ideographs only: no escape is needed. One
                    // literal a constant: a concatenation's every part would be bound and analysed again each build.
                    for (var i = 0; i < constants.Count; i++)
                    {
                        writer.Line("internal const string " + constants[i].Name + " = \"" + ValuePlace + "\";");
                    }
                }
            }
        }

        var around = writer.ToString().Split(ValuePlace);
        long length = 0;
        foreach (var text in around)
        {
            length += text.Length;
        }

        foreach (var constant in constants)
        {
            length += constant.Characters;
        }

        var file = new char[length];
        var at = 0;
        for (var i = 0; i < around.Length; i++)
        {
            around[i].CopyTo(0, file, at, around[i].Length);
            at += around[i].Length;
            if (i < constants.Count)
            {
                var constant = constants[i];
                if (constant.IsDirectory)
                {
                    at = SearchIndexFormat.PackInto(directory, directory.Length, file, at);
                }
                else
                {
                    // A group's blocks packed one after the other (the runtime finds each by its packed length).
                    for (var block = constant.FirstBlock; block < constant.FirstBlock + constant.BlockCount; block++)
                    {
                        at = SearchIndexFormat.PackInto(blocks[block], blocks[block].Length, file, at);
                    }
                }
            }
        }

        System.Diagnostics.Debug.Assert(at == file.Length, "A constant's characters are its PackedLength.");
        return file;
    }

    /// <summary>Holds a constant's value in the file before it is packed: a noncharacter, in no name, number or comment the file has.</summary>
    private const char ValuePlace = '\uFFFF';

    public static void WriteSearchMembers(IndentedWriter writer, EmitOptions options, string lookups)
    {
        var article = CorpusEmitter.Qualified(options.TypesNamespace, "Article");
        var results = CorpusEmitter.Qualified(options.TypesNamespace, "SearchResults");
        var searchOptions = CorpusEmitter.Qualified(options.TypesNamespace, "SearchOptions");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The articles where every term of <paramref name=\"query\"/> occurs in the title or the text, best first (BM25, the title");
        writer.Line("/// weighted more; equal scores newest first): the first 10 hits, the total and the facets. Terms are split at white");
        writer.Line("/// space; Chinese, Japanese and Korean match as substrings, other words whole (case, full-width forms and diacritics");
        writer.Line("/// ignored), the last term also as the start of a word; <c>\"…\"</c> is a phrase. Never throws on any text.");
        writer.Line("/// </summary>");
        writer.Line($"public static {results} Search(string query) => {lookups}.Search(query, null);");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The articles matching <paramref name=\"query\"/> (as <see cref=\"Search(string)\"/>) and the filters of <paramref name=\"options\"/>, in its");
        writer.Line("/// order and page; for a query of no terms, every article the filters let through, newest first (none without a filter).");
        writer.Line("/// </summary>");
        writer.Line($"public static {results} Search(string query, {searchOptions} options) => {lookups}.Search(query, options);");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The <paramref name=\"count\"/> articles most like <paramref name=\"article\"/> by their weighted terms (title and lead count");
        writer.Line("/// more), never the article itself; a rewritten version of the same story (same address, or nearly the same title) first.");
        writer.Line("/// </summary>");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{article}> Related({article} article, int count = 5) => {lookups}.Related(article, count);");
    }
}
