using System.Collections.Generic;
using System.Text;
using Corpus.Generator.Model;
using DataNames = ArticleStore.DataNames;

namespace Corpus.Generator.Emitting;

/// <summary>
/// Where a chunk's records go in its constants (<see cref="CorpusEmitter.EmitChunk"/> writes them): the groups of
/// headers and of bodies, each group starting at a slot, and the slot table (<see cref="DataNames.Slots"/>) that gives,
/// per article, its header group and offset, its body group and offset, its text's offset and length, and its HTML
/// template's offset and length. The runtime's <c>ArticleStore.Chunk</c> reads the table, so that listing reads no
/// record and an article goes straight to its values.
/// </summary>
internal sealed class ChunkLayout
{
    /// <summary>
    /// About this many characters per header or body constant: reading a constant has a cost per field (measured in
    /// docs/performance.md) that a group shares among its articles, and a group under 85,000 bytes is a young, short-lived string at run
    /// time, whose memory the GC reuses, unlike a large-object-heap one.
    /// </summary>
    internal const int GroupChars = 16 * 1024;

    private ChunkLayout(List<int> headerStarts, List<int> bodyStarts, string slotTable)
    {
        HeaderStarts = headerStarts;
        BodyStarts = bodyStarts;
        SlotTable = slotTable;
    }

    /// <summary>The first slot of each header group, in order; a group ends where the next starts.</summary>
    public IReadOnlyList<int> HeaderStarts { get; }

    /// <summary>The first slot of each body group (bodies, each followed by its text), in order.</summary>
    public IReadOnlyList<int> BodyStarts { get; }

    /// <summary>The slot table's characters.</summary>
    public string SlotTable { get; }

    public static ChunkLayout Of(EquatableArray<ArticleRecord> records)
    {
        var headerStarts = Groups(records, static r => r.Header.Length);
        var bodyStarts = Groups(records, static r => r.Body.Length + r.Text.Length);
        var table = new StringBuilder(records.Count * DataNames.SlotFields * DataNames.SlotDigits);
        int headerGroup = -1, headerOffset = 0, bodyGroup = -1, bodyOffset = 0, htmlOffset = 0;
        for (var slot = 0; slot < records.Count; slot++)
        {
            var record = records[slot];
            if (headerGroup + 1 < headerStarts.Count && headerStarts[headerGroup + 1] == slot)
            {
                headerGroup++;
                headerOffset = 0;
            }

            if (bodyGroup + 1 < bodyStarts.Count && bodyStarts[bodyGroup + 1] == slot)
            {
                bodyGroup++;
                bodyOffset = 0;
            }

            // The text follows its body as a string of the record format: its length, ':', its characters.
            var textStart = bodyOffset + record.Body.Length + Digits(record.Text.Length) + 1;
            Append(table, headerGroup);
            Append(table, headerOffset);
            Append(table, bodyGroup);
            Append(table, bodyOffset);
            Append(table, textStart);
            Append(table, record.Text.Length);
            Append(table, htmlOffset);
            Append(table, record.Html.Length);
            headerOffset += record.Header.Length;
            bodyOffset += BodyLength(record);
            htmlOffset += record.Html.Length;
        }

        return new ChunkLayout(headerStarts, bodyStarts, table.ToString());
    }

    /// <summary>What a body group holds of a record: its body, then its text as a string (<c>length ':' chars</c>).</summary>
    internal static int BodyLength(ArticleRecord record) => record.Body.Length + Digits(record.Text.Length) + 1 + record.Text.Length;

    // The first slot of each group of consecutive records: at least one record, then up to about GroupChars.
    private static List<int> Groups(EquatableArray<ArticleRecord> records, System.Func<ArticleRecord, int> length)
    {
        var starts = new List<int>();
        var total = 0;
        for (var slot = 0; slot < records.Count; slot++)
        {
            var next = length(records[slot]);
            if (starts.Count == 0 || total + next > GroupChars)
            {
                starts.Add(slot);
                total = 0;
            }

            total += next;
        }

        return starts;
    }

    // A number of the table: SlotDigits characters of DigitBits bits, most significant first. No chunk's constant holds
    // 2^30 characters (a string holds at most 2^30 - 1), so every offset and length fits.
    private static void Append(StringBuilder table, int value)
    {
        for (var shift = (DataNames.SlotDigits - 1) * DataNames.DigitBits; shift >= 0; shift -= DataNames.DigitBits)
        {
            table.Append((char)(DataNames.FirstDigit + ((value >> shift) & ((1 << DataNames.DigitBits) - 1))));
        }
    }

    private static int Digits(int value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}
