using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Corpus.Generator.Search;

/// <summary>
/// The terms of one segment in this partition's buckets (<see cref="SearchDocument.BucketOf"/> their first character: the
/// buckets whose number is the partition's modulo the partitions, 1, 2 or 4), their documents and
/// positions collected in flat arrays, then each term's data coded (the TermData of <see cref="SearchIndexWriter"/>'s
/// remarks). Partitions share nothing, so the writer collects and codes them on as many threads; a CJK character and
/// its bigrams start with the same character, so a character's postings (it ends a run where no bigram of it follows)
/// are found within its partition. An edit's write (<see cref="SearchSegmentUpdate"/>) collects and codes a selection of
/// terms instead: those of the documents it changed, the others' data kept from the previous write.
/// </summary>
internal sealed class SearchTermPartition
{
    private readonly IReadOnlyList<SearchDocument> _documents;
    private readonly int _partition;
    private readonly int _partitions;
    private readonly SearchIndexSizes? _sizes;
    private readonly SearchTermTable _terms = new();

    // A full write's terms of the partition's buckets of each document, by number, as the first pass met them. The second
    // pass reads the documents again in the same order and places each posting at once in its term's group: no array of
    // the postings in document order to copy from (about 60 MB a partition of a segment of 5,000 articles, and a pass
    // over them). A selection notes its postings instead (_noted).
    private int[] _entries;
    private int _entryCount;

    // A selection's postings as the first pass met them, in document order, each with where its positions start in
    // its document's bytes: the few a selection collects are placed from here, not by reading every document again.
    private Posting[] _noted = [];
    private int _notedCount;

    // By term number, side by side (one cache line for all three): at 3 × the number, the documents with it; after it,
    // its postings (for a CJK character, fewer than its documents: those where it ends a run); then the bytes of its
    // positions in all of them.
    private int[] _termCounts = new int[3072];

    // By term number: its kind (TermKind), found once when it is first met.
    private byte[] _kinds = new byte[1024];

    // The collected postings grouped by term, each term's in document order, and where each term's start (its number's
    // place; the end: the next one's); their positions grouped the same way (Place makes them, Code reads them).
    private Posting[] _grouped = [];
    private int[] _starts = [];
    private byte[] _positions = [];

    // The CJK characters kept with their full list (SearchIndexWriter.FullCharacterPostings), by term number: that list.
    private readonly Dictionary<int, Posting[]> _fullCharacters = new();

    // A selection's terms, in a table to look them up (null: the partition's buckets), the previous write of the segment
    // (the document frequencies of the bigrams not selected), and each selected CJK character's occurrences in each
    // document, all of them (a full list is made of these: its bigrams not selected are not collected).
    private readonly SearchTermTable? _selected;
    private readonly SearchSegmentTerms? _previous;
    private Posting[] _characterTotals = [];
    private int _characterTotalCount;
    private int[]? _totalStarts;

    public SearchTermPartition(IReadOnlyList<SearchDocument> documents, int partition, int partitions, long postings, SearchIndexSizes? sizes)
    {
        _documents = documents;
        _partition = partition;
        _partitions = partitions;
        _sizes = sizes;
        _entries = new int[(int)Math.Min(int.MaxValue / 2, (postings / partitions) + (postings / (partitions * 8)) + 16)];
        _noted = new Posting[16];
    }

    /// <summary>The terms of <paramref name="selection"/> only, over every document; <paramref name="previous"/>: the segment's previous terms.</summary>
    public SearchTermPartition(IReadOnlyList<SearchDocument> documents, string[] selection, SearchSegmentTerms previous)
        : this(documents, 0, 1, selection.Length * 16L, null)
    {
        _previous = previous;
        _selected = new SearchTermTable();
        foreach (var term in selection)
        {
            _selected.Intern(term.AsSpan());
        }
    }

    /// <summary>The partition's term numbers in ordinal order of their characters (after <see cref="Code"/>).</summary>
    public int[] Ordered { get; private set; } = [];

    /// <summary>Every term's data, in <see cref="Ordered"/> order, one after the other (after <see cref="Code"/>).</summary>
    public byte[] Data { get; private set; } = [];

    /// <summary>Where each term's data ends in <see cref="Data"/>, by its place in <see cref="Ordered"/>.</summary>
    public int[] DataEnds { get; private set; } = [];

    /// <summary>The characters of the term at <paramref name="place"/> in <see cref="Ordered"/>.</summary>
    public ReadOnlySpan<char> Term(int place) => _terms[Ordered[place]];

    /// <summary>The documents of the term at <paramref name="place"/>.</summary>
    public int DocumentFrequency(int place) => _termCounts[3 * Ordered[place]];

    public int DataStart(int place) => place == 0 ? 0 : DataEnds[place - 1];

    public int DataLength(int place) => DataEnds[place] - DataStart(place);

    public string TermString(int place) => _terms.ToString(Ordered[place]);

    /// <summary>How many characters the partition's terms have in all.</summary>
    public int Characters => _terms.Characters;

    /// <summary>Appends the term at <paramref name="place"/>, its document frequency and its data to <paramref name="terms"/>.</summary>
    public void AddTo(SearchSegmentTerms terms, int place) =>
        terms.Add(Term(place), DocumentFrequency(place), new ReadOnlySpan<byte>(Data, DataStart(place), DataLength(place)));

    /// <summary>Collects every document's terms of this partition, then codes each term's data.</summary>
    [MethodImpl(Jit.Optimized)]
    public void Run(System.Threading.CancellationToken cancellationToken)
    {
        for (var document = 0; document < _documents.Count; document++)
        {
            if ((document & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Add(document);
        }

        Place(cancellationToken);
        Code(cancellationToken);
    }

    /// <summary>Collects the terms of <paramref name="document"/> that this partition wants, from its buckets only (a partition by first character).</summary>
    [MethodImpl(Jit.Optimized)]
    private void Add(int document)
    {
        var source = _documents[document];
        if (_selected is not null || _partitions == 1)
        {
            // Every bucket: they lie one after the other.
            var (terms, start, _) = source.Bucket(0);
            Add(document, source, terms, start, source.Postings.Count);
            return;
        }

        for (var bucket = _partition; bucket < SearchDocument.Buckets; bucket += _partitions)
        {
            var (terms, start, end) = source.Bucket(bucket);
            Add(document, source, terms, start, end);
        }
    }

    /// <summary>The first pass over one range of a document's terms: each interned (when collected), counted, and noted in <see cref="_entries"/>.</summary>
    [MethodImpl(Jit.Optimized)]
    private void Add(int document, SearchDocument source, int at, int offset, int end)
    {
        var terms = source.Terms.AsSpan();
        var postings = source.Postings.AsImmutableArray().AsSpan();
        while (offset < end)
        {
            var length = VarintWriter.Read(postings, ref offset);
            var inTitle = VarintWriter.Read(postings, ref offset);
            var inText = VarintWriter.Read(postings, ref offset);
            var term = terms.Slice(at, length);
            at += length;
            var id = _selected is null || _selected.Find(term) >= 0 ? Intern(term) : -1;
            var kind = id >= 0 ? (TermKind)_kinds[id] : KindOf(term);
            if (_selected is null)
            {
                if (_entryCount == _entries.Length)
                {
                    Array.Resize(ref _entries, _entries.Length + (_entries.Length / 2) + 16);
                }

                _entries[_entryCount++] = id;
            }

            if (kind == TermKind.Character)
            {
                var titleRunEnds = VarintWriter.Read(postings, ref offset);
                var textRunEnds = VarintWriter.Read(postings, ref offset);
                if (id >= 0)
                {
                    // A CJK character's postings are its occurrences that end a run: the others are its bigrams' (the
                    // terms that follow it in ordinal order, starting with it), and the runtime adds those up. Its
                    // document frequency is all.
                    _termCounts[3 * id]++;
                    _termCounts[(3 * id) + 1] += titleRunEnds + textRunEnds > 0 ? 1 : 0;
                    if (_selected is not null)
                    {
                        AppendTotal(id, document, inTitle, inText);
                        if (titleRunEnds + textRunEnds > 0)
                        {
                            Note(id, document, titleRunEnds, textRunEnds, -1);
                        }
                    }
                }

                continue;
            }

            var start = offset;
            if (kind == TermKind.Positions)
            {
                SearchDocument.SkipPositions(postings, ref offset);
            }

            if (id >= 0)
            {
                _termCounts[3 * id]++;
                _termCounts[(3 * id) + 1]++;
                _termCounts[(3 * id) + 2] += offset - start;
                if (_selected is not null)
                {
                    Note(id, document, inTitle, inText, kind == TermKind.Positions ? start : -1);
                }
            }
        }
    }

    /// <summary>The term's number, its counts and kind made room for when it is new.</summary>
    [MethodImpl(Jit.Inlined)]
    private int Intern(ReadOnlySpan<char> term)
    {
        var count = _terms.Count;
        var id = _terms.Intern(term);
        if (id == count)
        {
            if (3 * id == _termCounts.Length)
            {
                Array.Resize(ref _termCounts, id * 6);
            }

            if (id == _kinds.Length)
            {
                Array.Resize(ref _kinds, id * 2);
            }

            _kinds[id] = (byte)KindOf(term);
        }

        return id;
    }

    private static TermKind KindOf(ReadOnlySpan<char> term) =>
        SearchTermKind.IsCjkCharacter(term) ? TermKind.Character : SearchTermKind.HasPositions(term) ? TermKind.Positions : TermKind.Plain;

    [MethodImpl(Jit.Inlined)]
    private void Note(int term, int document, int inTitle, int inText, int positions)
    {
        if (_notedCount == _noted.Length)
        {
            Array.Resize(ref _noted, _noted.Length * 2);
        }

        _noted[_notedCount++] = new Posting { Term = term, Document = document, InTitle = inTitle, InText = inText, Positions = positions };
    }

    [MethodImpl(Jit.Inlined)]
    private void AppendTotal(int character, int document, int inTitle, int inText)
    {
        if (_characterTotalCount == _characterTotals.Length)
        {
            Array.Resize(ref _characterTotals, _characterTotals.Length + (_characterTotals.Length / 2) + 1024);
        }

        _characterTotals[_characterTotalCount++] = new Posting { Term = character, Document = document, InTitle = inTitle, InText = inText, Positions = -1 };
    }

    /// <summary>
    /// The second pass: every collected posting placed in its term's group (each term's in document order: where its
    /// term's number says, a counting sort), and its positions copied out of the document's bytes into one array grouped
    /// the same way, <see cref="Posting.Positions"/> their place there. The documents are read again one after the other
    /// (their bytes in order; only the copies are scattered): coding then reads each term's positions one after the other,
    /// not each from its document (a cache miss each).
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private void Place(System.Threading.CancellationToken cancellationToken)
    {
        var count = _terms.Count;
        _starts = new int[count + 1];
        var next = new int[count];
        var positionsNext = new int[count];
        int postings = 0, positions = 0;
        for (var id = 0; id < count; id++)
        {
            next[id] = postings;
            positionsNext[id] = positions;
            postings += _termCounts[(3 * id) + 1];
            positions += _termCounts[(3 * id) + 2];
            _starts[id + 1] = postings;
        }

        _grouped = new Posting[postings];
        _positions = new byte[positions];
        if (_selected is not null)
        {
            PlaceNoted(next, positionsNext);
            return;
        }

        var entry = 0;
        for (var document = 0; document < _documents.Count; document++)
        {
            if ((document & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var source = _documents[document];
            if (_partitions == 1)
            {
                var (_, start, _) = source.Bucket(0);
                Place(document, source, start, source.Postings.Count, ref entry, next, positionsNext);
                continue;
            }

            for (var bucket = _partition; bucket < SearchDocument.Buckets; bucket += _partitions)
            {
                var (_, start, end) = source.Bucket(bucket);
                Place(document, source, start, end, ref entry, next, positionsNext);
            }
        }
    }

    [MethodImpl(Jit.Optimized)]
    private void Place(int document, SearchDocument source, int offset, int end, ref int entry, int[] next, int[] positionsNext)
    {
        var postings = source.Postings.AsImmutableArray().AsSpan();
        var grouped = _grouped;
        var bytes = _positions;
        while (offset < end)
        {
            VarintWriter.Read(postings, ref offset);
            var inTitle = VarintWriter.Read(postings, ref offset);
            var inText = VarintWriter.Read(postings, ref offset);
            var id = _entries[entry++];
            var kind = (TermKind)_kinds[id];
            if (kind == TermKind.Character)
            {
                var titleRunEnds = VarintWriter.Read(postings, ref offset);
                var textRunEnds = VarintWriter.Read(postings, ref offset);
                if (titleRunEnds + textRunEnds > 0)
                {
                    grouped[next[id]++] = new Posting { Term = id, Document = document, InTitle = titleRunEnds, InText = textRunEnds, Positions = -1 };
                }

                continue;
            }

            if (kind != TermKind.Positions)
            {
                grouped[next[id]++] = new Posting { Term = id, Document = document, InTitle = inTitle, InText = inText, Positions = -1 };
                continue;
            }

            var at = positionsNext[id];
            grouped[next[id]++] = new Posting { Term = id, Document = document, InTitle = inTitle, InText = inText, Positions = at };
            positionsNext[id] = CopyPositions(postings, ref offset, bytes, at);
        }
    }

    /// <summary>A selection's noted postings placed in their terms' groups, their positions copied from their documents.</summary>
    [MethodImpl(Jit.Optimized)]
    private void PlaceNoted(int[] next, int[] positionsNext)
    {
        var document = -1;
        ReadOnlySpan<byte> source = default;
        for (var i = 0; i < _notedCount; i++)
        {
            var posting = _noted[i];
            if (posting.Positions >= 0)
            {
                if (posting.Document != document)
                {
                    document = posting.Document;
                    source = _documents[document].Postings.AsImmutableArray().AsSpan();
                }

                var offset = posting.Positions;
                posting.Positions = positionsNext[posting.Term];
                positionsNext[posting.Term] = CopyPositions(source, ref offset, _positions, posting.Positions);
            }

            _grouped[next[posting.Term]++] = posting;
        }

        _noted = [];
    }

    /// <summary>A term's coded positions (their bit count, then their bytes) copied from <paramref name="source"/> at <paramref name="offset"/> to <paramref name="bytes"/> at <paramref name="at"/>; where the copy ends.</summary>
    [MethodImpl(Jit.Inlined)]
    private static int CopyPositions(ReadOnlySpan<byte> source, ref int offset, byte[] bytes, int at)
    {
        var start = offset;
        SearchDocument.SkipPositions(source, ref offset);

        // Byte by byte: a few bytes each, where a copy call would cost more.
        for (var i = start; i < offset; i++)
        {
            bytes[at++] = source[i];
        }

        return at;
    }

    /// <summary>Each term's data, in ordinal order of the terms.</summary>
    [MethodImpl(Jit.Optimized)]
    private void Code(System.Threading.CancellationToken cancellationToken)
    {
        var ordered = _terms.Ordered();
        var (grouped, starts) = (_grouped, _starts);
        _entries = [];
        FullCharacters(ordered, grouped, starts);
        // Room for the coded data at once, not grown by doubling (each doubling a copy, and 8 MB of garbage a partition
        // of 2,000,000 postings): coded, they came to two thirds to four fifths of this on the bench's seeds.
        var data = new VarintWriter((int)Math.Min(int.MaxValue / 2, 65536L + grouped.Length + (_positions.Length * 3L / 4)));
        var dataEnds = new int[ordered.Length];
        var bits = new BitWriter();
        var gaps = new int[16];
        for (var i = 0; i < ordered.Length; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var id = ordered[i];
            var (postings, first, count) = _fullCharacters.TryGetValue(id, out var full) ? (full, 0, full.Length) : (grouped, starts[id], starts[id + 1] - starts[id]);
            if (gaps.Length < count)
            {
                gaps = new int[count * 2];
            }

            bits.Clear();
            TermData(bits, id, postings, first, count, gaps);
            bits.WriteTo(data);
            dataEnds[i] = data.Length;
        }

        Ordered = ordered;
        Data = data.Buffer;
        DataEnds = dataEnds;
        _positions = [];
        _grouped = [];
    }

    /// <summary>The first <paramref name="count"/> postings by term, each term's in the order they came (a counting sort), and where each term's start (its number's place; the end: the next one's).</summary>
    [MethodImpl(Jit.Optimized)]
    private (Posting[] Grouped, int[] Starts) GroupedByTerm(Posting[] postings, int count)
    {
        var starts = new int[_terms.Count + 1];
        for (var i = 0; i < count; i++)
        {
            starts[postings[i].Term + 1]++;
        }

        for (var id = 0; id < _terms.Count; id++)
        {
            starts[id + 1] += starts[id];
        }

        // Copied in that order, so that each term's are read one after the other (not one cache miss each).
        var next = (int[])starts.Clone();
        var grouped = new Posting[count];
        for (var i = 0; i < count; i++)
        {
            grouped[next[postings[i].Term]++] = postings[i];
        }

        return (grouped, starts);
    }

    /// <summary>
    /// The full list of each CJK character whose bigrams (the terms after it that start with it) hold at least
    /// <see cref="SearchIndexWriter.FullCharacterPostings"/> postings: its run ends and its bigrams' documents, their
    /// counts added up. A character and its bigrams share their first character, so they are in one partition.
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

            if (_selected is not null)
            {
                bigramPostings += UnselectedBigramPostings(character);
            }

            if (bigramPostings < SearchIndexWriter.FullCharacterPostings)
            {
                continue;
            }

            if (_selected is not null)
            {
                // Every occurrence of a character starts one of its bigrams or ends a run: its full list is its own
                // counts in each document, the sum the full write makes of its run ends and every bigram's.
                _fullCharacters[ordered[i]] = Totals(ordered[i]);
                continue;
            }

            titles ??= new int[_documents.Count];
            texts ??= new int[_documents.Count];
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
            _sizes?.Count("full lists: cjk1", 1);
        }
    }

    /// <summary>The postings of the previous write's bigrams of <paramref name="character"/> that are not selected (unchanged: no changed document has them).</summary>
    private long UnselectedBigramPostings(ReadOnlySpan<char> character)
    {
        var previous = _previous!;
        var found = previous.Find(character);
        long postings = 0;
        for (var k = found >= 0 ? found + 1 : ~found; k < previous.Count && previous.Term(k).StartsWith(character); k++)
        {
            var term = previous.Term(k);
            if (_selected!.Find(term) < 0)
            {
                postings += previous.DocumentFrequency(k);
            }
        }

        return postings;
    }

    /// <summary>A selected character's counts in each document where it occurs, in document order.</summary>
    private Posting[] Totals(int character)
    {
        if (_totalStarts is null)
        {
            // Grouped by character once, as the postings.
            (_characterTotals, _totalStarts) = GroupedByTerm(_characterTotals, _characterTotalCount);
        }

        return _characterTotals.AsSpan(_totalStarts[character], _totalStarts[character + 1] - _totalStarts[character]).ToArray();
    }

    /// <summary>A term's documents, their counts and its positions as bits (the writer's remarks' TermData).</summary>
    [MethodImpl(Jit.Optimized)]
    private void TermData(BitWriter bits, int id, Posting[] grouped, int first, int count, int[] gaps)
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
        if (SearchTermKind.KeepsPositions(term, count))
        {
            for (var i = 0; i < count; i++)
            {
                // Coded by the analysis (BitWriter.Positions, below the document's spans): copied as they are.
                ref readonly var posting = ref grouped[first + i];
                var offset = posting.Positions;
                var length = VarintWriter.Read(_positions, ref offset);
                bits.Append(new ReadOnlySpan<byte>(_positions, offset, SearchDocument.PositionBytes(length)), length);
                positionCount += posting.InTitle + posting.InText;
            }
        }

        if (_sizes is not null)
        {
            var kind = SearchIndexSizes.ClassOf(_terms.ToString(id));
            var docsBytes = (docsBits + 7) / 8;
            _sizes.Add("docs: " + kind, docsBytes);
            _sizes.Add("positions: " + kind, ((bits.Length + 7) / 8) - docsBytes);
            _sizes.Count("postings: " + kind, count);
            _sizes.Count("positions: " + kind, positionCount);
        }
    }

    /// <summary>What a term's postings carry in a document, as <see cref="SearchDocument"/>'s postings say after its counts.</summary>
    private enum TermKind : byte
    {
        /// <summary>Nothing more (a tag).</summary>
        Plain,

        /// <summary>A CJK character: its run ends in the title and in the text.</summary>
        Character,

        /// <summary>A word or a CJK bigram: its positions.</summary>
        Positions,
    }

    /// <summary>One term in one document, as collected: its counts and where its positions are in the grouped positions.</summary>
    private struct Posting
    {
        public int Term;
        public int Document;
        public int InTitle;
        public int InText;

        /// <summary>Where the term's positions start in the grouped positions (−1: none); a selection's noted posting, in its document's postings until it is placed.</summary>
        public int Positions;
    }
}
