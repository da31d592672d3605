using System;
using System.Collections.Generic;
using System.Linq;

namespace Corpus.Generator.Search;

/// <summary>
/// Builds one segment of the index from its documents (<see cref="SearchDocument"/>, in slot order): the directory
/// <c>D</c> and the blocks <c>B0</c>, <c>B1</c>, … that the runtime's <c>SearchSegment</c> reads.
/// </summary>
/// <remarks>
/// <code>
/// D     := Version Count TitleTokens TextTokens Outlets Languages Document* BlockCount FirstTerm*
///          Outlets, Languages := count string*;  Document := TitleLength TextLength Outlet Language Year DateCode
/// block := TermCount TermEntry* (Docs Positions)*   one pair per term, in the entries' order
///          TermEntry := SharedPrefix Suffix DocumentFrequency DocsLength PositionsLength
///          Docs      := (DocDelta TitleCount TextCount)*   DocDelta from the previous document, the first from -1
///          Positions := per document, its title then its text positions, each list delta-coded from 0
/// </code>
/// Everything is a varint; a string is its length and its UTF-16 units. A block holds terms in ordinal order until
/// its postings pass <see cref="BlockBytes"/>: a query reads the blocks of its terms only.
/// </remarks>
internal static class SearchIndexWriter
{
    public const int BlockBytes = 16 * 1024;

    private sealed class TermPostings
    {
        public readonly VarintWriter Docs = new(16);
        public readonly VarintWriter Positions = new(16);
        public int Frequency;
        public int Last = -1;
    }

    public static (byte[] Directory, List<byte[]> Blocks) Write(IReadOnlyList<SearchDocument> documents)
    {
        var terms = new Dictionary<string, TermPostings>(StringComparer.Ordinal);
        var directory = new VarintWriter(1024 + (documents.Count * 12));
        var outlets = new List<string>();
        var languages = new List<string>();
        long titleTokens = 0;
        long textTokens = 0;
        for (var document = 0; document < documents.Count; document++)
        {
            var source = documents[document];
            titleTokens += source.TitleLength;
            textTokens += source.TextLength;
            var blob = source.Postings.AsImmutableArray();
            var offset = 0;
            foreach (var term in source.Terms)
            {
                if (!terms.TryGetValue(term, out var postings))
                {
                    terms[term] = postings = new TermPostings();
                }

                var inTitle = Read(blob, ref offset);
                var inText = Read(blob, ref offset);
                postings.Docs.Write(document - postings.Last);
                postings.Docs.Write(inTitle);
                postings.Docs.Write(inText);
                postings.Last = document;
                postings.Frequency++;
                for (var i = 0; i < inTitle + inText; i++)
                {
                    postings.Positions.Write(Read(blob, ref offset));
                }
            }
        }

        directory.Write(SearchIndexFormat.Version);
        directory.Write(documents.Count);
        directory.Write(titleTokens);
        directory.Write(textTokens);
        var outletCodes = Codes(documents.Select(d => d.Outlet), outlets);
        var languageCodes = Codes(documents.Select(d => d.Language), languages);
        WriteStrings(directory, outlets);
        WriteStrings(directory, languages);
        for (var document = 0; document < documents.Count; document++)
        {
            var source = documents[document];
            directory.Write(source.TitleLength);
            directory.Write(source.TextLength);
            directory.Write(outletCodes[document]);
            directory.Write(languageCodes[document]);
            directory.Write(source.Year);
            directory.Write(source.DateCode);
        }

        var blocks = new List<byte[]>();
        var firstTerms = new List<string>();
        var ordered = terms.Keys.OrderBy(t => t, StringComparer.Ordinal).ToList();
        var start = 0;
        while (start < ordered.Count)
        {
            var end = start;
            var size = 0;
            while (end < ordered.Count && (end == start || size < BlockBytes))
            {
                var postings = terms[ordered[end]];
                size += postings.Docs.Length + postings.Positions.Length + ordered[end].Length + 4;
                end++;
            }

            blocks.Add(Block(ordered, start, end, terms));
            firstTerms.Add(ordered[start]);
            start = end;
        }

        directory.Write(blocks.Count);
        foreach (var first in firstTerms)
        {
            directory.Write(first);
        }

        return (directory.ToArray(), blocks);
    }

    private static byte[] Block(List<string> ordered, int start, int end, Dictionary<string, TermPostings> terms)
    {
        var header = new VarintWriter(1024);
        var data = new VarintWriter(BlockBytes + 1024);
        header.Write(end - start);
        var previous = string.Empty;
        for (var i = start; i < end; i++)
        {
            var term = ordered[i];
            var postings = terms[term];
            var shared = 0;
            while (shared < previous.Length && shared < term.Length && previous[shared] == term[shared])
            {
                shared++;
            }

            header.Write(shared);
            header.Write(term.Substring(shared));
            header.Write(postings.Frequency);
            header.Write(postings.Docs.Length);
            header.Write(postings.Positions.Length);
            data.Write(postings.Docs);
            data.Write(postings.Positions);
            previous = term;
        }

        header.Write(data);
        return header.ToArray();
    }

    private static int[] Codes(IEnumerable<string> values, List<string> table)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<int>();
        foreach (var value in values)
        {
            if (!codes.TryGetValue(value, out var code))
            {
                codes[value] = code = table.Count;
                table.Add(value);
            }

            result.Add(code);
        }

        return [.. result];
    }

    private static void WriteStrings(VarintWriter writer, List<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static int Read(System.Collections.Immutable.ImmutableArray<byte> data, ref int offset)
    {
        var value = 0;
        for (var shift = 0; shift < 35 && offset < data.Length; shift += 7)
        {
            var b = data[offset++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return value;
    }
}
