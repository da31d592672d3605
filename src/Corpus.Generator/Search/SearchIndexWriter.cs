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
///          Outlets, Languages := count string*;
///          Document := TitleLength TextLength Outlet Language Year DateCode TitleSpan-TitleLength TextSpan-TextLength
///          (a span is one past the field's last position: positions skip one between separated CJK characters)
///          Id := the article's Id (equal scores and dates are ordered by it without reading the article)
/// block := TermCount TermEntry* TermData*          one TermData per term, in the entries' order
///          TermEntry := Shared×8+min(Suffix,7) [Suffix-7] SuffixChar* DocumentFrequency DataLength
///                       each suffix character zigzag-coded against the term before's character at its index (or
///                       against its own character before, past the end of that term): sorted bigrams differ little
///          TermData  := bits, lowest first (SearchIndexFormat.BitReader), padded to a byte:
///                       [Gamma(Postings+1)] for a CJK character, whose postings are the documents where it ends a
///                       run of CJK (its other occurrences are its bigrams'), its DocumentFrequency all of them;
///                       kd:4 (Rice(Gap-1, kd) Counts)*      Gap from the previous document, the first from -1;
///                       Counts := 0 (once in the text) | 1 Gamma(TitleCount+1) Gamma(TextCount+1)
///                       then, for a term with positions (SearchIndexFormat.HasPositions: words, CJK bigrams):
///                       per document its title then its text positions: one alone in truncated binary below
///                       the field's span; more as Rice(first, k) Rice(gap-1, k)*, k = PositionRice(span, count)
/// </code>
/// A varint is unsigned LEB128; a string is its length and its UTF-16 units. The documents' Rice parameter kd is the one
/// that codes the term's gaps in the fewest bits; positions need none stored (the spans are in D). A block holds terms in ordinal order until their data passes
/// <see cref="BlockBytes"/>: a query reads the blocks of its terms only.
/// </remarks>
internal static class SearchIndexWriter
{
    public const int BlockBytes = 4 * 1024;

    /// <summary>A term's documents and positions as collected, coded when its block is written.</summary>
    private sealed class TermPostings
    {
        public readonly List<int> Gaps = new(4);
        public readonly List<int> TitleCounts = new(4);
        public readonly List<int> TextCounts = new(4);
        public readonly List<int> Positions = new(4);
        public int Last = -1;

        /// <summary>The documents with the term: for a CJK character, more than its postings (those where it ends a run).</summary>
        public int DocumentFrequency;
    }

    private static void AddRunEnds(TermPostings postings, int document, int inTitle, int inText)
    {
        if (inTitle + inText > 0)
        {
            postings.Gaps.Add(document - postings.Last);
            postings.TitleCounts.Add(inTitle);
            postings.TextCounts.Add(inText);
            postings.Last = document;
        }
    }

    public static (byte[] Directory, List<byte[]> Blocks) Write(IReadOnlyList<SearchDocument> documents, SearchIndexSizes? sizes = null)
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
            // A CJK character's postings are its occurrences that end a run: the others are its bigrams' (the
            // terms that follow it in ordinal order), and the runtime adds those up. Its document frequency is all.
            string? character = null;
            TermPostings? characterPostings = null;
            int titleLeft = 0, textLeft = 0;
            foreach (var term in source.Terms)
            {
                if (character is not null && !term.StartsWith(character, StringComparison.Ordinal))
                {
                    AddRunEnds(characterPostings!, document, titleLeft, textLeft);
                    character = null;
                }

                if (!terms.TryGetValue(term, out var postings))
                {
                    terms[term] = postings = new TermPostings();
                }

                var inTitle = SearchIndexFormat.ReadInt(blob, ref offset);
                var inText = SearchIndexFormat.ReadInt(blob, ref offset);
                if (SearchAnalyzer.IsCjkTerm(term))
                {
                    (character, characterPostings, titleLeft, textLeft) = (term, postings, inTitle, inText);
                    postings.DocumentFrequency++;
                    continue;
                }

                if (character is not null)
                {
                    titleLeft -= inTitle;
                    textLeft -= inText;
                }

                postings.DocumentFrequency++;
                postings.Gaps.Add(document - postings.Last);
                postings.TitleCounts.Add(inTitle);
                postings.TextCounts.Add(inText);
                postings.Last = document;
                var positions = SearchIndexFormat.HasPositions(term) ? inTitle + inText : 0;
                for (var i = 0; i < positions; i++)
                {
                    // Each list is delta-coded from 0 in the document; past its first, a delta is at least 1.
                    var delta = SearchIndexFormat.ReadInt(blob, ref offset);
                    postings.Positions.Add(i == 0 || i == inTitle ? delta : delta - 1);
                }
            }

            if (character is not null)
            {
                AddRunEnds(characterPostings!, document, titleLeft, textLeft);
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
        sizes?.Add("directory: header", directory.Length);
        var mark = directory.Length;
        for (var document = 0; document < documents.Count; document++)
        {
            var source = documents[document];
            directory.Write(source.TitleLength);
            directory.Write(source.TextLength);
            directory.Write(outletCodes[document]);
            directory.Write(languageCodes[document]);
            directory.Write(source.Year);
            directory.Write(source.DateCode);
            directory.Write(source.TitleSpan - source.TitleLength);
            directory.Write(source.TextSpan - source.TextLength);
        }

        sizes?.Add("directory: per-document table", directory.Length - mark);
        mark = directory.Length;
        foreach (var source in documents)
        {
            directory.Write(source.Key.Id);
        }

        sizes?.Add("directory: ids", directory.Length - mark);
        mark = directory.Length;
        var ordered = terms.Keys.OrderBy(t => t, StringComparer.Ordinal).ToList();
        var titleSpans = documents.Select(d => d.TitleSpan).ToArray();
        var textSpans = documents.Select(d => d.TextSpan).ToArray();
        var data = ordered.Select(t => Data(t, terms[t], titleSpans, textSpans, sizes)).ToList();
        var blocks = new List<byte[]>();
        var firstTerms = new List<string>();
        var start = 0;
        while (start < ordered.Count)
        {
            var end = start;
            var size = 0;
            while (end < ordered.Count && (end == start || size < BlockBytes))
            {
                size += data[end].Length + 4;
                end++;
            }

            blocks.Add(Block(ordered, data, start, end, terms, sizes));
            firstTerms.Add(ordered[start]);
            start = end;
        }

        directory.Write(blocks.Count);
        foreach (var first in firstTerms)
        {
            directory.Write(first);
        }

        sizes?.Add("directory: first terms", directory.Length - mark);
        return (directory.ToArray(), blocks);
    }

    /// <summary>A term's documents, their counts and its positions as bits (the remarks' TermData).</summary>
    private static byte[] Data(string term, TermPostings postings, int[] titleSpans, int[] textSpans, SearchIndexSizes? sizes)
    {
        var bits = new BitWriter();
        var gaps = postings.Gaps;
        if (SearchAnalyzer.IsCjkTerm(term))
        {
            bits.Gamma(gaps.Count + 1);
        }

        var kd = BitWriter.BestRice(gaps, minus: 1);
        bits.Bits(kd, 4);
        for (var i = 0; i < gaps.Count; i++)
        {
            bits.Rice(gaps[i] - 1, kd);
            var inTitle = postings.TitleCounts[i];
            var inText = postings.TextCounts[i];
            var once = inTitle == 0 && inText == 1;
            bits.Bit(!once);
            if (!once)
            {
                bits.Gamma(inTitle + 1);
                bits.Gamma(inText + 1);
            }
        }

        var docsBits = bits.Length;
        if (SearchIndexFormat.HasPositions(term))
        {
            var document = -1;
            var at = 0;
            for (var i = 0; i < gaps.Count; i++)
            {
                document += gaps[i];
                at = Positions(bits, postings.Positions, at, postings.TitleCounts[i], titleSpans[document]);
                at = Positions(bits, postings.Positions, at, postings.TextCounts[i], textSpans[document]);
            }
        }

        var bytes = bits.ToArray();
        if (sizes is not null)
        {
            var kind = SearchIndexSizes.ClassOf(term);
            var docsBytes = (docsBits + 7) / 8;
            sizes.Add("docs: " + kind, docsBytes);
            sizes.Add("positions: " + kind, bytes.Length - docsBytes);
            sizes.Count("postings: " + kind, gaps.Count);
            sizes.Count("positions: " + kind, postings.Positions.Count);
        }

        return bytes;
    }

    /// <summary>One document's list of positions in one field: one alone below the field's span, more as Rice codes.</summary>
    private static int Positions(BitWriter bits, List<int> positions, int at, int count, int span)
    {
        if (count == 1)
        {
            bits.Below(positions[at], span);
        }
        else if (count > 1)
        {
            var k = SearchIndexFormat.PositionRice(span, count);
            for (var i = 0; i < count; i++)
            {
                bits.Rice(positions[at + i], k);
            }
        }

        return at + count;
    }

    private static byte[] Block(List<string> ordered, List<byte[]> data, int start, int end, Dictionary<string, TermPostings> terms, SearchIndexSizes? sizes)
    {
        var header = new VarintWriter(1024);
        var body = new VarintWriter(BlockBytes + 1024);
        header.Write(end - start);
        var previous = string.Empty;
        for (var i = start; i < end; i++)
        {
            var term = ordered[i];
            var mark = header.Length;
            var shared = 0;
            while (shared < previous.Length && shared < term.Length && previous[shared] == term[shared])
            {
                shared++;
            }

            var suffix = term.Length - shared;
            header.Write((shared * 8) + Math.Min(suffix, 7));
            if (suffix >= 7)
            {
                header.Write(suffix - 7);
            }

            for (var k = shared; k < term.Length; k++)
            {
                var against = k < previous.Length ? previous[k] : k > 0 ? term[k - 1] : 0;
                var delta = term[k] - against;
                header.Write((delta << 1) ^ (delta >> 31));
            }

            header.Write(terms[term].DocumentFrequency);
            header.Write(data[i].Length);
            body.Write(data[i], 0, data[i].Length);
            previous = term;
            if (sizes is not null)
            {
                sizes.AddTerm(term, terms[term].DocumentFrequency);
                sizes.Add("dictionary: " + SearchIndexSizes.ClassOf(term), header.Length - mark);
            }
        }

        header.Write(body);
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
