using System;
using System.Globalization;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

internal static partial class CorpusEmitter
{
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
                    // Constants, not "…"u8 literals: the compiler lowers a UTF-8 literal into one node per byte, while a
                    // constant is stored in metadata as is (docs/performance.md, "What changed, and why").
                    // Nothing refers to them in code, so they never reach the user-string heap (no CS8103 at any size).
                    WriteGroups(writer, records, ArticleStore.DataNames.Headers, static r => r.Header.Length, static (output, record, last) =>
                        output.Literal("    ", record.Header, last ? ";" : " +"));

                    // The texts come before the HTML, so that reading them all touches no page of HTML in the image.
                    WriteGroups(writer, records, ArticleStore.DataNames.Bodies, static r => r.Body.Length + r.Text.Length, static (output, record, last) =>
                    {
                        output.Literal("    ", record.Body, " +");
                        output.Literal("    ", record.Text, last ? ";" : " +", record.Text.Length.ToString(CultureInfo.InvariantCulture) + ":");
                    });

                    writer.Line("internal const string " + ArticleStore.DataNames.Html + " =");
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
    /// About this many characters per header or body constant: reading a constant has a cost per field (measured in
    /// docs/performance.md) that a group shares among its articles, and a group under 85,000 bytes is a young, short-lived string at run
    /// time, whose memory the GC reuses, unlike a large-object-heap one.
    /// </summary>
    internal const int GroupChars = 16 * 1024;

    /// <summary>
    /// The records as constants <c>{prefix}{slot}</c>, each holding the consecutive records from that slot up to about
    /// <see cref="GroupChars"/> characters (<see cref="GroupEnd"/>); <paramref name="writeRecord"/> writes one record's
    /// literals, the last of a constant ending it.
    /// </summary>
    private static void WriteGroups(IndentedWriter writer, EquatableArray<ArticleRecord> records, char prefix, Func<ArticleRecord, int> length, Action<IndentedWriter, ArticleRecord, bool> writeRecord)
    {
        var start = 0;
        while (start < records.Count)
        {
            var end = GroupEnd(records, start, length);
            writer.Line("internal const string " + prefix + start.ToString(CultureInfo.InvariantCulture) + " =");
            for (var i = start; i < end; i++)
            {
                writeRecord(writer, records[i], i == end - 1);
            }

            writer.Line();
            start = end;
        }
    }

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

    // Twice a typical chunk; a compiler server keeps its threads, and their builders, for hours.
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

    private static string ChunkName(int chunk) => ArticleStore.DataNames.ChunkPrefix + chunk.ToString("D4", CultureInfo.InvariantCulture);
}
