using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

internal static partial class CorpusEmitter
{
    /// <summary>
    /// A chunk's data class, nested in the data class. Its articles are in slot order (by Id); <c>Slots</c> is the slot
    /// table of its <see cref="ChunkLayout"/>, <c>H</c><i>slot</i> holds the headers of the articles from that slot to the
    /// next <c>H</c> constant, <c>T</c><i>slot</i> their bodies, each followed by its text, and <c>Html</c> the HTML
    /// template of every article (<see cref="HtmlTemplate"/>), one after the other, one literal line per article. The
    /// runtime's <c>ArticleStore.Chunk</c> (src/Corpus.Runtime) reads them.
    /// </summary>
    public static string EmitChunk(ChunkSpec spec)
    {
        var builder = RentBuilder(EstimateChunkLength(spec));
        var writer = new IndentedWriter(builder);
        var records = spec.Records;
        var layout = ChunkLayout.Of(records);
        WriteFileHeader(writer, "Corpus data chunk " + spec.Chunk.ToString(CultureInfo.InvariantCulture) + ": the slot table, the articles' headers (H), bodies and texts (T) and HTML templates. Articles: " + records.Count.ToString(CultureInfo.InvariantCulture) + ".");
        using (OpenNamespace(writer, spec.Namespace))
        {
            using (writer.Open($"{spec.DataVisibility} static partial class {spec.DataClassName}"))
            {
                using (writer.Open($"internal static class {ChunkName(spec.Chunk)}"))
                {
                    // Constants, not "…"u8 literals: the compiler lowers a UTF-8 literal into one node per byte, while a
                    // constant is stored in metadata as is (docs/performance.md, "What changed, and why").
                    // Nothing refers to them in code, so they never reach the user-string heap (no CS8103 at any size).
                    // The table first: it is what an article reads before any record (one line per article).
                    writer.Line("internal const string " + ArticleStore.DataNames.Slots + " =");
                    var perSlot = ArticleStore.DataNames.SlotFields * ArticleStore.DataNames.SlotDigits;
                    for (var slot = 0; slot < records.Count; slot++)
                    {
                        writer.Literal("    ", layout.SlotTable.Substring(slot * perSlot, perSlot), slot == records.Count - 1 ? ";" : " +");
                    }

                    if (records.Count == 0)
                    {
                        writer.Line("    \"\";");
                    }

                    writer.Line();
                    WriteGroups(writer, records, ArticleStore.DataNames.Headers, layout.HeaderStarts, static (output, record, last) =>
                        output.Literal("    ", record.Header, last ? ";" : " +"));

                    // The texts come before the HTML, so that reading them all touches no page of HTML in the image.
                    WriteGroups(writer, records, ArticleStore.DataNames.Bodies, layout.BodyStarts, static (output, record, last) =>
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
    /// The records as constants <c>{prefix}{slot}</c>, one per group of the layout, each holding the consecutive records
    /// from its first slot to the next group's; <paramref name="writeRecord"/> writes one record's literals, the last of a
    /// constant ending it.
    /// </summary>
    private static void WriteGroups(IndentedWriter writer, EquatableArray<ArticleRecord> records, char prefix, IReadOnlyList<int> starts, Action<IndentedWriter, ArticleRecord, bool> writeRecord)
    {
        for (var group = 0; group < starts.Count; group++)
        {
            var start = starts[group];
            var end = group + 1 < starts.Count ? starts[group + 1] : records.Count;
            writer.Line("internal const string " + prefix + start.ToString(CultureInfo.InvariantCulture) + " =");
            for (var i = start; i < end; i++)
            {
                writeRecord(writer, records[i], i == end - 1);
            }

            writer.Line();
        }
    }

    /// <summary>The chunk file's length if little needs escaping: what it holds, plus about 1/8 for escapes and lines.</summary>
    private static int EstimateChunkLength(ChunkSpec spec)
    {
        long length = 1024;
        foreach (var record in spec.Records)
        {
            length += record.Header.Length + record.Body.Length + record.Text.Length + record.Html.Length + 176;
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
