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
/// D     := Version Count TitleTokens TextTokens Outlets Languages Document* Id* BlockCount FirstTerm*
///          Outlets, Languages := count string*;  Document := TitleLength TextLength Outlet Language Year DateCode
///          Id := the article's Id (equal scores and dates are ordered by it without reading the article)
/// block := TermCount TermEntry* (Docs Positions)*   one pair per term, in the entries' order
///          TermEntry := SharedPrefix Suffix DocumentFrequency DocsLength PositionsLength
///          Docs      := (Gap×4+Code [TitleCount] [TextCount])*   Gap from the previous document, the first from -1;
///                       Code 0: once in the text; 1: TextCount follows; 2: TitleCount and TextCount follow
///          Positions := per document, its title then its text positions, each list delta-coded from 0; empty
///                       for a term without positions (SearchIndexFormat.HasPositions: a CJK character, a tag)
/// </code>
/// Everything is a varint; a string is its length and its UTF-16 units. A block holds terms in ordinal order until
/// its postings pass <see cref="BlockBytes"/>: a query reads the blocks of its terms only.
/// </remarks>
internal static class SearchIndexWriter
{
    public const int BlockBytes = 4 * 1024;

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
            var blob = source.Postings.AsImmutableArray().ToArray();
            var offset = 0;
            foreach (var term in source.Terms)
            {
                if (!terms.TryGetValue(term, out var postings))
                {
                    terms[term] = postings = new TermPostings();
                }

                var inTitle = SearchIndexFormat.ReadInt(blob, ref offset);
                var inText = SearchIndexFormat.ReadInt(blob, ref offset);
                WritePosting(postings.Docs, document - postings.Last, inTitle, inText);
                postings.Last = document;
                postings.Frequency++;
                var positions = SearchIndexFormat.HasPositions(term) ? inTitle + inText : 0;
                for (var i = 0; i < positions; i++)
                {
                    postings.Positions.Write(SearchIndexFormat.ReadInt(blob, ref offset));
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

        foreach (var source in documents)
        {
            directory.Write(source.Key.Id);
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

    /// <summary>
    /// A document of a term's postings: the gap and a code in one varint; the code says which counts follow. Most
    /// postings are one occurrence in the text (code 0: nothing follows), so most take one or two bytes.
    /// </summary>
    private static void WritePosting(VarintWriter docs, int gap, int inTitle, int inText)
    {
        var code = inTitle > 0 ? 2 : inText == 1 ? 0 : 1;
        docs.Write(((long)gap << 2) | (long)code);
        if (code == 2)
        {
            docs.Write(inTitle);
        }

        if (code != 0)
        {
            docs.Write(inText);
        }
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
}
