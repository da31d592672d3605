using System;
using System.Runtime.CompilerServices;
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
///                       for a CJK character, [Full]: 1 when its postings are every document with it and all its
///                       occurrences (a character whose bigrams hold at least FullCharacterPostings postings: one list
///                       to read, not thousands); 0 Gamma(Postings+1) when they are the documents where it ends a run
///                       of CJK (its other occurrences are its bigrams'), its DocumentFrequency all of them;
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

    /// <summary>
    /// From how many postings of its bigrams (in a segment) a CJK character keeps its full list: below it, a query adds
    /// up its bigrams' lists (a few thousand postings at most); above it, that sum is what made a frequent character
    /// (的, 国) the slowest query, and its own list (its document frequency, far fewer) costs a little index.
    /// </summary>
    public const int FullCharacterPostings = 4096;

    /// <summary>One term in one document, as collected: its counts and where its positions are in the document's postings.</summary>
    private struct Posting
    {
        public int Term;
        public int Document;
        public int InTitle;
        public int InText;

        /// <summary>Where the term's positions start in the document's postings (−1: none kept).</summary>
        public int Positions;
    }

    /// <summary>The segment's terms, the documents and positions of each, in flat arrays; its blocks from them.</summary>
    private sealed class Collector(IReadOnlyList<SearchDocument> documents, SearchIndexSizes? sizes)
    {
        private readonly SearchTermTable _terms = new();

        // At most one posting per term of each document: sized once (a segment's are millions, in the large object heap).
        private readonly Posting[] _postings = new Posting[documents.Sum(d => d.TermCount)];
        private int _count;

        // By term number: the documents with it (for a CJK character, more than its postings: those where it ends a run).
        private int[] _documentFrequencies = new int[1024];

        // The CJK characters kept with their full list (FullCharacterPostings), by term number: that list.
        private readonly Dictionary<int, Posting[]> _fullCharacters = new();

        [MethodImpl(Jit.Optimized)]
        public void Add(int document)
        {
            var source = documents[document];
            var terms = source.Terms.AsSpan();
            var postings = source.Postings.AsImmutableArray().AsSpan();
            var offset = 0;
            var at = 0;

            // A CJK character's postings are its occurrences that end a run: the others are its bigrams' (the terms
            // that follow it in ordinal order, starting with it), and the runtime adds those up. Its document frequency is all.
            var character = -1;
            var characterAt = 0;
            var characterLength = 0;
            int titleLeft = 0, textLeft = 0;
            while (offset < postings.Length)
            {
                var length = VarintWriter.Read(postings, ref offset);
                var inTitle = VarintWriter.Read(postings, ref offset);
                var inText = VarintWriter.Read(postings, ref offset);
                var term = terms.Slice(at, length);
                if (character >= 0 && !(length > characterLength && term.Slice(0, characterLength).SequenceEqual(terms.Slice(characterAt, characterLength))))
                {
                    AddRunEnds(character, document, titleLeft, textLeft);
                    character = -1;
                }

                var id = _terms.Intern(term);
                if (id == _documentFrequencies.Length)
                {
                    Array.Resize(ref _documentFrequencies, id * 2);
                }

                _documentFrequencies[id]++;
                if (SearchTermKind.IsCjkCharacter(term))
                {
                    (character, characterAt, characterLength, titleLeft, textLeft) = (id, at, length, inTitle, inText);
                }
                else
                {
                    if (character >= 0)
                    {
                        titleLeft -= inTitle;
                        textLeft -= inText;
                    }

                    var positions = SearchTermKind.HasPositions(term);
                    Append(id, document, inTitle, inText, positions ? offset : -1);
                    if (positions)
                    {
                        for (var i = inTitle + inText; i > 0; i--)
                        {
                            VarintWriter.Read(postings, ref offset);
                        }
                    }
                }

                at += length;
            }

            if (character >= 0)
            {
                AddRunEnds(character, document, titleLeft, textLeft);
            }
        }

        private void AddRunEnds(int character, int document, int inTitle, int inText)
        {
            if (inTitle + inText > 0)
            {
                Append(character, document, inTitle, inText, -1);
            }
        }

        private void Append(int term, int document, int inTitle, int inText, int positions)
        {
            _postings[_count++] = new Posting { Term = term, Document = document, InTitle = inTitle, InText = inText, Positions = positions };
        }

        /// <summary>The blocks (the remarks' block), and each one's first term.</summary>
        [MethodImpl(Jit.Optimized)]
        public (List<byte[]> Blocks, List<string> FirstTerms) Blocks()
        {
            var ordered = _terms.Ordered();

            // Each term's postings together, in document order: a counting sort by term.
            var starts = new int[_terms.Count + 1];
            for (var i = 0; i < _count; i++)
            {
                starts[_postings[i].Term + 1]++;
            }

            for (var id = 0; id < _terms.Count; id++)
            {
                starts[id + 1] += starts[id];
            }

            // Copied in that order, so that each term's are read one after the other (not one cache miss each).
            var next = (int[])starts.Clone();
            var grouped = new Posting[_count];
            for (var i = 0; i < _count; i++)
            {
                grouped[next[_postings[i].Term]++] = _postings[i];
            }

            FullCharacters(ordered, grouped, starts);

            // Every term's data one after the other, in order; a block is cut where its data passes BlockBytes.
            var data = new VarintWriter(1 << 16);
            var dataEnds = new int[ordered.Length];
            var bits = new BitWriter();
            var gaps = new int[16];
            for (var i = 0; i < ordered.Length; i++)
            {
                var id = ordered[i];
                var (postings, first, count) = _fullCharacters.TryGetValue(id, out var full) ? (full, 0, full.Length) : (grouped, starts[id], starts[id + 1] - starts[id]);
                if (gaps.Length < count)
                {
                    gaps = new int[count * 2];
                }

                bits.Clear();
                Data(bits, id, postings, first, count, gaps);
                bits.WriteTo(data);
                dataEnds[i] = data.Length;
            }

            var blocks = new List<byte[]>();
            var firstTerms = new List<string>();
            var start = 0;
            while (start < ordered.Length)
            {
                var end = start;
                var size = 0;
                while (end < ordered.Length && (end == start || size < BlockBytes))
                {
                    size += DataLength(dataEnds, end) + 4;
                    end++;
                }

                blocks.Add(Block(ordered, data.Buffer, dataEnds, start, end));
                firstTerms.Add(_terms.ToString(ordered[start]));
                start = end;
            }

            return (blocks, firstTerms);
        }

        private static int DataLength(int[] dataEnds, int i) => dataEnds[i] - (i == 0 ? 0 : dataEnds[i - 1]);

        /// <summary>
        /// The full list of each CJK character whose bigrams (the terms after it that start with it) hold at least
        /// <see cref="FullCharacterPostings"/> postings: its run ends and its bigrams' documents, their counts added up.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        private void FullCharacters(int[] ordered, Posting[] grouped, int[] starts)
        {
            int[]? titles = null, texts = null;
            for (var i = 0; i < ordered.Length; i++)
            {
                var character = _terms[ordered[i]];
                if (!SearchTermKind.IsCjkCharacter(character))
                {
                    continue;
                }

                var end = i + 1;
                long bigramPostings = 0;
                while (end < ordered.Length && _terms[ordered[end]].StartsWith(character))
                {
                    bigramPostings += starts[ordered[end] + 1] - starts[ordered[end]];
                    end++;
                }

                if (bigramPostings < FullCharacterPostings)
                {
                    continue;
                }

                titles ??= new int[documents.Count];
                texts ??= new int[documents.Count];
                var seen = 0;
                for (var k = i; k < end; k++)
                {
                    for (var p = starts[ordered[k]]; p < starts[ordered[k] + 1]; p++)
                    {
                        ref readonly var posting = ref grouped[p];
                        seen += titles[posting.Document] + texts[posting.Document] == 0 ? 1 : 0;
                        titles[posting.Document] += posting.InTitle;
                        texts[posting.Document] += posting.InText;
                    }
                }

                var full = new Posting[seen];
                var at = 0;
                for (var document = 0; at < seen; document++)
                {
                    if (titles[document] + texts[document] > 0)
                    {
                        full[at++] = new Posting { Term = ordered[i], Document = document, InTitle = titles[document], InText = texts[document], Positions = -1 };
                        titles[document] = texts[document] = 0;
                    }
                }

                _fullCharacters[ordered[i]] = full;
                sizes?.Count("full lists: cjk1", 1);
            }
        }

        /// <summary>A term's documents, their counts and its positions as bits (the remarks' TermData).</summary>
        [MethodImpl(Jit.Optimized)]
        private void Data(BitWriter bits, int id, Posting[] grouped, int first, int count, int[] gaps)
        {
            var term = _terms[id];
            var last = -1;
            for (var i = 0; i < count; i++)
            {
                var document = grouped[first + i].Document;
                gaps[i] = document - last;
                last = document;
            }

            if (SearchTermKind.IsCjkCharacter(term))
            {
                var full = _fullCharacters.ContainsKey(id);
                bits.Bit(full);
                if (!full)
                {
                    bits.Gamma(count + 1);
                }
            }

            var kd = BitWriter.BestRice(gaps, count, minus: 1);
            bits.Bits(kd, 4);
            for (var i = 0; i < count; i++)
            {
                bits.Rice(gaps[i] - 1, kd);
                ref readonly var posting = ref grouped[first + i];
                var once = posting.InTitle == 0 && posting.InText == 1;
                bits.Bit(!once);
                if (!once)
                {
                    bits.Gamma(posting.InTitle + 1);
                    bits.Gamma(posting.InText + 1);
                }
            }

            var docsBits = bits.Length;
            long positionCount = 0;
            if (SearchTermKind.HasPositions(term))
            {
                for (var i = 0; i < count; i++)
                {
                    ref readonly var posting = ref grouped[first + i];
                    var source = documents[posting.Document];
                    var postings = source.Postings.AsImmutableArray().AsSpan();
                    var offset = posting.Positions;
                    Positions(bits, postings, ref offset, posting.InTitle, source.TitleSpan);
                    Positions(bits, postings, ref offset, posting.InText, source.TextSpan);
                    positionCount += posting.InTitle + posting.InText;
                }
            }

            if (sizes is not null)
            {
                var kind = SearchIndexSizes.ClassOf(_terms.ToString(id));
                var docsBytes = (docsBits + 7) / 8;
                sizes.Add("docs: " + kind, docsBytes);
                sizes.Add("positions: " + kind, ((bits.Length + 7) / 8) - docsBytes);
                sizes.Count("postings: " + kind, count);
                sizes.Count("positions: " + kind, positionCount);
            }
        }

        [MethodImpl(Jit.Optimized)]
        private byte[] Block(int[] ordered, byte[] data, int[] dataEnds, int start, int end)
        {
            var header = new VarintWriter(1024);
            header.Write(end - start);
            ReadOnlySpan<char> previous = default;
            for (var i = start; i < end; i++)
            {
                var term = _terms[ordered[i]];
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

                var frequency = _documentFrequencies[ordered[i]];
                header.Write(frequency);
                header.Write(DataLength(dataEnds, i));
                previous = term;
                if (sizes is not null)
                {
                    var text = _terms.ToString(ordered[i]);
                    sizes.AddTerm(text, frequency);
                    sizes.Add("dictionary: " + SearchIndexSizes.ClassOf(text), header.Length - mark);
                }
            }

            var first = start == 0 ? 0 : dataEnds[start - 1];
            header.Write(data, first, dataEnds[end - 1] - first);
            return header.ToArray();
        }
    }

    public static (byte[] Directory, List<byte[]> Blocks) Write(IReadOnlyList<SearchDocument> documents, SearchIndexSizes? sizes = null)
    {
        var collector = new Collector(documents, sizes);
        var directory = new VarintWriter(1024 + (documents.Count * 12));
        var outlets = new List<string>();
        var languages = new List<string>();
        long titleTokens = 0;
        long textTokens = 0;
        for (var document = 0; document < documents.Count; document++)
        {
            titleTokens += documents[document].TitleLength;
            textTokens += documents[document].TextLength;
            collector.Add(document);
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
        var (blocks, firstTerms) = collector.Blocks();
        directory.Write(blocks.Count);
        foreach (var first in firstTerms)
        {
            directory.Write(first);
        }

        sizes?.Add("directory: first terms", directory.Length - mark);
        return (directory.ToArray(), blocks);
    }

    /// <summary>One document's list of positions in one field (delta-coded from 0 in its postings): one alone below the field's span, more as Rice codes.</summary>
    [MethodImpl(Jit.Optimized)]
    private static void Positions(BitWriter bits, ReadOnlySpan<byte> postings, ref int offset, int count, int span)
    {
        if (count == 1)
        {
            bits.Below(VarintWriter.Read(postings, ref offset), span);
        }
        else if (count > 1)
        {
            // Past the first, a delta is at least 1: coded less one.
            var k = SearchIndexFormat.PositionRice(span, count);
            for (var i = 0; i < count; i++)
            {
                var delta = VarintWriter.Read(postings, ref offset);
                bits.Rice(i == 0 ? delta : delta - 1, k);
            }
        }
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
