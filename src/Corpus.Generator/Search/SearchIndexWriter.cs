using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Generator.Search;

/// <summary>
/// Builds one segment of the index from its documents (<see cref="SearchDocument"/>, in slot order): the directory
/// <c>D</c> and the blocks (grouped into the constants <c>G0</c>, <c>G1</c>, …) that the runtime's <c>SearchSegment</c> reads.
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
///                       then, for a term with positions (SearchIndexFormat.KeepsPositions: words, CJK bigrams in at
///                       least BigramPositionsFrom documents of the segment):
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

    /// <summary>Segments of fewer documents are written on one thread: starting others would cost more than they save.</summary>
    private const int ParallelDocuments = 256;

    /// <summary>The most threads a segment is written on: a partition reads whole buckets of each document's terms.</summary>
    public const int MaxPartitions = SearchDocument.Buckets;

    /// <summary>
    /// The segment's directory and blocks. Its terms are collected and coded in partitions by their first character, one
    /// a core (at most <see cref="MaxPartitions"/>): the generator's own steps run one at a time, so a segment written
    /// on one thread leaves the other cores idle. The bytes are the same whatever the partitions.
    /// </summary>
    public static (byte[] Directory, List<byte[]> Blocks) Write(IReadOnlyList<SearchDocument> documents, SearchIndexSizes? sizes = null, CancellationToken cancellationToken = default) =>
        Write(documents, sizes is null ? DefaultPartitions(documents.Count) : 1, sizes, cancellationToken);

    /// <summary>How many partitions a segment of <paramref name="documents"/> is written in: one a core, up to <see cref="MaxPartitions"/>.</summary>
    public static int DefaultPartitions(int documents) => documents >= ParallelDocuments ? Math.Min(Threading.ProcessorCores.Count, MaxPartitions) : 1;

    /// <summary>The segment written in exactly <paramref name="partitions"/> partitions (the tests and the bench compare counts).</summary>
    internal static (byte[] Directory, List<byte[]> Blocks) Write(IReadOnlyList<SearchDocument> documents, int partitions, SearchIndexSizes? sizes, CancellationToken cancellationToken) =>
        Write(documents, Terms(documents, partitions, sizes, cancellationToken), sizes);

    /// <summary>Every term of the segment collected and coded, in partitions (<see cref="SearchTermPartition"/>), in ordinal order.</summary>
    internal static SearchSegmentTerms Terms(IReadOnlyList<SearchDocument> documents, int partitions, SearchIndexSizes? sizes, CancellationToken cancellationToken) =>
        Merged(Partitions(documents, Math.Max(1, partitions), sizes, cancellationToken));

    /// <summary>The directory and the blocks of <paramref name="documents"/> whose terms are <paramref name="terms"/>.</summary>
    internal static (byte[] Directory, List<byte[]> Blocks) Write(IReadOnlyList<SearchDocument> documents, SearchSegmentTerms terms, SearchIndexSizes? sizes)
    {
        var directory = new VarintWriter(1024 + (documents.Count * 12));
        var outlets = new List<string>();
        var languages = new List<string>();
        long titleTokens = 0;
        long textTokens = 0;
        for (var document = 0; document < documents.Count; document++)
        {
            titleTokens += documents[document].TitleLength;
            textTokens += documents[document].TextLength;
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
        var (blocks, firstTerms) = Blocks(terms, sizes);
        directory.Write(blocks.Count);
        foreach (var first in firstTerms)
        {
            directory.Write(first);
        }

        sizes?.Add("directory: first terms", directory.Length - mark);
        return (directory.ToArray(), blocks);
    }

    /// <summary>Every partition collected and coded, each on its own thread when there are more than one.</summary>
    private static SearchTermPartition[] Partitions(IReadOnlyList<SearchDocument> documents, int count, SearchIndexSizes? sizes, CancellationToken cancellationToken)
    {
        long postings = 0;
        foreach (var document in documents)
        {
            postings += document.TermCount;
        }

        // A partition reads the documents' buckets whose number is its own modulo the count: 1, 2 or 4 of them.
        count = count >= SearchDocument.Buckets ? SearchDocument.Buckets : count >= 2 ? 2 : 1;
        var partitions = new SearchTermPartition[count];
        for (var p = 0; p < count; p++)
        {
            partitions[p] = new SearchTermPartition(documents, p, count, postings, sizes);
        }

        if (count == 1)
        {
            partitions[0].Run(cancellationToken);
        }
        else
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, p => partitions[p].Run(cancellationToken));
        }

        return partitions;
    }

    /// <summary>The partitions' terms merged into one ordinal order.</summary>
    [MethodImpl(Jit.Optimized)]
    private static SearchSegmentTerms Merged(SearchTermPartition[] partitions)
    {
        var total = 0;
        var characters = 0;
        var bytes = 0;
        foreach (var partition in partitions)
        {
            total += partition.Ordered.Length;
            characters += partition.Characters;
            bytes += partition.Ordered.Length == 0 ? 0 : partition.DataEnds[partition.Ordered.Length - 1];
        }

        var terms = new SearchSegmentTerms(total, characters, bytes);
        var heads = new int[partitions.Length];
        for (var i = 0; i < total; i++)
        {
            var best = -1;
            for (var p = 0; p < partitions.Length; p++)
            {
                if (heads[p] < partitions[p].Ordered.Length
                    && (best < 0 || partitions[p].Term(heads[p]).SequenceCompareTo(partitions[best].Term(heads[best])) < 0))
                {
                    best = p;
                }
            }

            var place = heads[best]++;
            partitions[best].AddTo(terms, place);
        }

        return terms;
    }

    /// <summary>The blocks (the remarks' block) over the terms in ordinal order, and each block's first term.</summary>
    [MethodImpl(Jit.Optimized)]
    private static (List<byte[]> Blocks, List<string> FirstTerms) Blocks(SearchSegmentTerms terms, SearchIndexSizes? sizes)
    {
        // A block is cut where its data passes BlockBytes.
        var blocks = new List<byte[]>();
        var firstTerms = new List<string>();
        var total = terms.Count;
        var start = 0;

        // One writer for every block, grown once to the largest: a block's bytes are copied out (a writer a block grew
        // from 1 KB to several: 34 MB of garbage a segment of 5,000).
        var writer = new VarintWriter(2 * BlockBytes);
        while (start < total)
        {
            var end = start;
            var size = 0;
            while (end < total && (end == start || size < BlockBytes))
            {
                size += terms.DataLength(end) + 4;
                end++;
            }

            writer.Clear();
            blocks.Add(Block(writer, terms, start, end, sizes));
            firstTerms.Add(terms.TermString(start));
            start = end;
        }

        return (blocks, firstTerms);
    }

    [MethodImpl(Jit.Optimized)]
    private static byte[] Block(VarintWriter header, SearchSegmentTerms terms, int start, int end, SearchIndexSizes? sizes)
    {
        header.Write(end - start);
        ReadOnlySpan<char> previous = default;
        for (var i = start; i < end; i++)
        {
            var term = terms.Term(i);
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

            var frequency = terms.DocumentFrequency(i);
            header.Write(frequency);
            header.Write(terms.DataLength(i));
            previous = term;
            if (sizes is not null)
            {
                var text = terms.TermString(i);
                sizes.AddTerm(text, frequency);
                sizes.Add("dictionary: " + SearchIndexSizes.ClassOf(text), header.Length - mark);
            }
        }

        for (var i = start; i < end; i++)
        {
            header.Write(terms.Data(i));
        }

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
