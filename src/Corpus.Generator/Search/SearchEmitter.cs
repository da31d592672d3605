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
    /// <summary>Characters per literal line of a packed constant.</summary>
    private const int LineLength = 4096;

    public static string SegmentHintName(int segment) => "Corpus.Search." + segment.ToString("D4", CultureInfo.InvariantCulture) + ".g.cs";

    public static string EmitSegment(SearchSegmentSpec spec, System.Threading.CancellationToken cancellationToken = default)
    {
        var (directory, blocks) = SearchSegmentUpdate.Write(spec.Documents, cancellationToken);
        return SegmentFile(spec, directory, blocks);
    }

    /// <summary>The segment's file around its written <paramref name="directory"/> and <paramref name="blocks"/>.</summary>
    internal static string SegmentFile(SearchSegmentSpec spec, byte[] directory, System.Collections.Generic.List<byte[]> blocks)
    {
        var packedDirectory = SearchIndexFormat.Pack(directory, directory.Length);
        var packedBlocks = new string[blocks.Count];
        var length = packedDirectory.Length;
        for (var i = 0; i < blocks.Count; i++)
        {
            packedBlocks[i] = SearchIndexFormat.Pack(blocks[i], blocks[i].Length);
            length += packedBlocks[i].Length;
        }

        var writer = new IndentedWriter(length + 4096 + (blocks.Count * 8));
        var groups = (blocks.Count + SearchIndexFormat.BlocksPerConstant - 1) / SearchIndexFormat.BlocksPerConstant;
        CorpusEmitter.WriteFileHeader(writer, "Search index segment " + spec.Segment.ToString(CultureInfo.InvariantCulture) + ": the directory (D) and the term blocks, " + SearchIndexFormat.BlocksPerConstant.ToString(CultureInfo.InvariantCulture) + " a constant (G0, G1, …), of " + spec.Documents.Count.ToString(CultureInfo.InvariantCulture) + " articles.");
        using (CorpusEmitter.OpenNamespace(writer, spec.Namespace))
        {
            using (writer.Open($"{spec.DataVisibility} static partial class {spec.DataClassName}"))
            {
                using (writer.Open($"internal static class {SearchIndexFormat.SegmentName(spec.Segment)}"))
                {
                    // Read by the runtime's SearchIndexData through reflection, never referenced in code: nothing
                    // reaches the user-string heap. The characters are CJK ideographs only: no escape is needed. One
                    // literal a constant: a concatenation's every part would be bound and analysed again each build.
                    writer.Line("internal const string D = \"" + packedDirectory + "\";");
                    for (var group = 0; group < groups; group++)
                    {
                        var first = group * SearchIndexFormat.BlocksPerConstant;
                        var count = System.Math.Min(SearchIndexFormat.BlocksPerConstant, blocks.Count - first);
                        writer.Line("internal const string " + SearchIndexFormat.BlockGroupName(first) + " = \"" + string.Join(string.Empty, packedBlocks, first, count) + "\";");
                    }
                }
            }
        }

        return writer.ToString();
    }

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
        writer.Line("/// <summary>The articles matching <paramref name=\"query\"/> (as <see cref=\"Search(string)\"/>) and the filters of <paramref name=\"options\"/>, in its order and page.</summary>");
        writer.Line($"public static {results} Search(string query, {searchOptions} options) => {lookups}.Search(query, options);");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The <paramref name=\"count\"/> articles most like <paramref name=\"article\"/> by their weighted terms (title and lead count");
        writer.Line("/// more), never the article itself; a rewritten version of the same story (same address, or nearly the same title) first.");
        writer.Line("/// </summary>");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{article}> Related({article} article, int count = 5) => {lookups}.Related(article, count);");
    }
}
