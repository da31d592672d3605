/// <summary>
/// One segment of the compiled search index (<see cref="SearchIndexFormat"/>; written by the generator's
/// SearchIndexWriter): its directory (statistics and the per-document tables: lengths, facet codes, dates, Ids) is read
/// when the segment is first searched, each block of terms when a query needs one of its terms, and kept up to
/// <see cref="MaxCachedBytes"/> for all segments together. Postings are decoded per query; positions only for the documents that every unit of a
/// clause shares; a clause of one term among several only in the documents the others share. CJK: a character is its own full list when it is frequent, else the documents where it ends a run
/// added to those of its bigrams (the terms it starts); two are a bigram's, more are bigrams checked by position.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class SearchSegment : SearchSource
{
    private readonly SearchIndexData _data;
    private readonly int _segment;
    private readonly ArticleStore _store;
    private readonly int _firstSlot;
    private readonly int _count;
    private readonly long _titleTokens;
    private readonly long _textTokens;
    private readonly string[] _outletNames;
    private readonly string[] _languageNames;
    private readonly int[] _titleLengths;
    private readonly int[] _textLengths;
    private readonly int[] _titleSpans;
    private readonly int[] _textSpans;
    private readonly int[] _outlets;
    private readonly int[] _languages;
    private readonly int[] _years;
    private readonly long[] _ticks;
    // Each document's Id is read from the directory where it lies when the order first needs it (equal scores and dates).
    private readonly SearchIndexData.Packed _directory;
    private readonly int[] _idOffsets;
    private string?[]? _ids;
    private readonly string[] _firstTerms;
    private readonly Block?[] _blocks;

    /// <param name="data">The index's storage.</param>
    /// <param name="segment">The segment's number.</param>
    /// <param name="store">The store whose chunks the segment covers.</param>
    /// <param name="firstSlot">The store's slot (its chunks' slots, in order) of the segment's first document.</param>
    public SearchSegment(SearchIndexData data, int segment, ArticleStore store, int firstSlot)
    {
        _data = data;
        _segment = segment;
        _store = store;
        _firstSlot = firstSlot;
        var d = data.Directory(segment);
        if (d.Length == 0 || d.ReadInt() != SearchIndexFormat.Version)
        {
            throw new global::System.InvalidOperationException("The search index of this corpus was written by another version of Corpus.Generator, or is absent.");
        }

        _count = d.ReadInt();
        _titleTokens = d.ReadLong();
        _textTokens = d.ReadLong();
        _outletNames = ReadStrings(ref d);
        _languageNames = ReadStrings(ref d);
        _titleLengths = new int[_count];
        _textLengths = new int[_count];
        _outlets = new int[_count];
        _languages = new int[_count];
        _years = new int[_count];
        _ticks = new long[_count];
        _titleSpans = new int[_count];
        _textSpans = new int[_count];
        _idOffsets = new int[_count];
        ReadTable(ref d, _titleLengths, _textLengths, _outlets, _languages, _years, _ticks, _titleSpans, _textSpans, _idOffsets);
        _directory = d;
        _firstTerms = ReadStrings(ref d);
        _blocks = new Block?[_firstTerms.Length];
    }

    /// <summary>
    /// The directory's row of every document and where its Id is, read on a segment's first search: compiled optimised
    /// at once (the tiered JIT would run these hundreds of thousands of varints, at 100,000 articles, as its slow first code).
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
    private static void ReadTable(ref SearchIndexData.Packed d, int[] titleLengths, int[] textLengths, int[] outlets, int[] languages, int[] years, long[] ticks, int[] titleSpans, int[] textSpans, int[] idOffsets)
    {
        for (var i = 0; i < idOffsets.Length; i++)
        {
            titleLengths[i] = d.ReadInt();
            textLengths[i] = d.ReadInt();
            outlets[i] = d.ReadInt();
            languages[i] = d.ReadInt();
            years[i] = d.ReadInt();
            ticks[i] = SearchIndexFormat.TicksOf(d.ReadLong());
            titleSpans[i] = titleLengths[i] + d.ReadInt();
            textSpans[i] = textLengths[i] + d.ReadInt();
        }

        for (var i = 0; i < idOffsets.Length; i++)
        {
            idOffsets[i] = d.Offset;
            d.SkipString();
        }
    }

    public override int Count => _count;

    public override long TitleTokens => _titleTokens;

    public override long TextTokens => _textTokens;

    public override int TitleLength(int document) => _titleLengths[document];

    public override int TextLength(int document) => _textLengths[document];

    public override string Id(int document)
    {
        var ids = global::System.Threading.Volatile.Read(ref _ids);
        if (ids is null)
        {
            ids = new string?[_count];
            ids = global::System.Threading.Interlocked.CompareExchange(ref _ids, ids, null) ?? ids;
        }

        var id = global::System.Threading.Volatile.Read(ref ids[document]);
        if (id is null)
        {
            // Two threads may read it at once: equal strings.
            var reader = _directory;
            reader.Seek(_idOffsets[document]);
            id = reader.ReadString();
            global::System.Threading.Volatile.Write(ref ids[document], id);
        }

        return id;
    }

    public override string[] OutletNames => _outletNames;

    public override int OutletCode(int document) => _outlets[document];

    public override string[] LanguageNames => _languageNames;

    public override int LanguageCode(int document) => _languages[document];

    public override long Ticks(int document) => _ticks[document];

    public override int Year(int document) => _years[document];

    public override Article Article(int document) => _store.ArticleAtSlot(_firstSlot + document);

    public override int DocumentFrequency(string term)
    {
        var block = BlockOf(term);
        var index = block is null ? -1 : block.IndexOf(term);
        return index < 0 ? 0 : block!.Frequencies[index];
    }

    /// <summary>
    /// Every clause's postings in the documents where all occur. A clause of one term (a word, a CJK character) has its
    /// document count in the index: it is found last, rarest first, in the documents the clauses before it share, its
    /// lists read only up to the last of them; once none is left, the rest are not read at all (sixteen frequent
    /// characters each made of hundreds of bigram lists were the slowest query).
    /// </summary>
    public override Postings[] Find(SearchQuery.Clause[] clauses, long[] frequencies)
    {
        if (clauses.Length == 1)
        {
            return base.Find(clauses, frequencies);
        }

        var postings = new Postings[clauses.Length];
        var counted = new int[clauses.Length];
        var later = new global::System.Collections.Generic.List<int>();
        global::System.Collections.Generic.List<int>? shared = null;
        for (var c = 0; c < clauses.Length; c++)
        {
            var clause = clauses[c];
            counted[c] = clause.Terms.Length == 1 && !clause.Prefix ? DocumentFrequency(clause.Terms[0]) : -1;
            if (counted[c] >= 0)
            {
                later.Add(c);
                continue;
            }

            postings[c] = Find(clause);
            frequencies[c] += postings[c].Count;
            shared = Intersect(shared, postings[c]);
        }

        later.Sort((left, right) => counted[left] != counted[right] ? counted[left].CompareTo(counted[right]) : left.CompareTo(right));
        foreach (var c in later)
        {
            frequencies[c] += counted[c];
            var term = clauses[c].Terms[0];
            postings[c] = shared is null ? Find(clauses[c])
                : shared.Count == 0 ? Postings.None
                : Union(Entries(term, SearchAnalyzer.IsCjkTerm(term)), shared, null);
            shared = Intersect(shared, postings[c]);
        }

        return postings;
    }

    /// <summary>The documents of <paramref name="shared"/> (all when null) that <paramref name="postings"/> holds.</summary>
    private static global::System.Collections.Generic.List<int> Intersect(global::System.Collections.Generic.List<int>? shared, Postings postings)
    {
        var kept = new global::System.Collections.Generic.List<int>(shared is null ? postings.Count : global::System.Math.Min(shared.Count, postings.Count));
        if (shared is null)
        {
            for (var i = 0; i < postings.Count; i++)
            {
                kept.Add(postings.Documents[i]);
            }

            return kept;
        }

        var at = 0;
        foreach (var document in shared)
        {
            while (at < postings.Count && postings.Documents[at] < document)
            {
                at++;
            }

            if (at < postings.Count && postings.Documents[at] == document)
            {
                kept.Add(document);
            }
        }

        return kept;
    }

    public override Postings FindTag(string tagTerm) => Find(new SearchQuery.Clause(tagTerm, new[] { tagTerm }, new[] { 0 }, false));

    public override Postings Find(SearchQuery.Clause clause)
    {
        var terms = clause.Terms;
        if (terms.Length == 1)
        {
            // A word (the words it starts, for a prefix), a CJK character: its documents and counts, no positions.
            return Union(Entries(terms[0], clause.Prefix || SearchAnalyzer.IsCjkTerm(terms[0])));
        }

        var units = Units(clause, out var verify);
        var entries = new global::System.Collections.Generic.List<Entry>[units.Count];
        var documents = new Postings[units.Count];
        var positions = new SearchIndexFormat.BitReader[units.Count];
        var whole = new bool[units.Count];
        for (var k = 0; k < units.Count; k++)
        {
            var same = SameAs(units, k);
            entries[k] = same < k ? entries[same] : Entries(units[k].Term, units[k].Prefix);
        }

        // Units of one term first, then those of many (a prefix's words, a lone CJK character's bigrams) only in the
        // documents the others share, read up to the last of them, their terms without one of them left out.
        global::System.Collections.Generic.List<int>? shared = null;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k < units.Count; k++)
            {
                var many = entries[k].Count > 1;
                if (many != (pass == 1))
                {
                    continue;
                }

                // A unit repeated in the clause (a long CJK run repeats bigrams) is looked up and decoded once; a unit of
                // one term keeps where its positions start, so they are read without decoding its documents again.
                var same = SameAs(units, k);
                if (same < k)
                {
                    entries[k] = entries[same];
                    documents[k] = documents[same];
                    continue;
                }

                if (!many)
                {
                    whole[k] = entries[k].Count == 1;
                    documents[k] = whole[k] ? entries[k][0].Documents(out positions[k]) : Postings.None;
                }
                else if (shared is null)
                {
                    documents[k] = Union(entries[k]);
                }
                else
                {
                    var hits = new global::System.Collections.Generic.List<Entry>();
                    documents[k] = Union(entries[k], shared, hits);
                    entries[k] = hits;
                }

                if (documents[k].Count == 0)
                {
                    return Postings.None;
                }

                shared = Intersect(shared, documents[k]);
            }
        }

        if (units.Count == 1 && !verify)
        {
            // Two CJK characters: the bigram's own documents and counts.
            return documents[0];
        }

        if (shared is null || shared.Count == 0)
        {
            return Postings.None;
        }

        return verify ? Verify(clause, shared) : ByPositions(units, entries, documents, whole, positions, shared, _titleSpans, _textSpans);
    }

    /// <summary>
    /// How many shared documents a clause with a lone CJK character (no positions kept) reads to check, at most, in one
    /// segment: about one in two of a segment's articles (SearchIndexFormat.ChunksPerSegment), the bound of a query's time.
    /// </summary>
    public const int MaxVerified = 4000;

    /// <summary>A part of a clause that the index holds with positions (a word, a CJK bigram) or, for a lone CJK character, its documents only.</summary>
    private readonly struct Unit
    {
        public Unit(string term, int offset, bool prefix)
        {
            Term = term;
            Offset = offset;
            Prefix = prefix;
        }

        public string Term { get; }

        public int Offset { get; }

        public bool Prefix { get; }
    }

    /// <summary>
    /// The clause as index terms: each word at its offset; each run of touching CJK characters as bigrams that cover
    /// it (pairs from its start, the last pair overlapping when the run is odd); a CJK character alone in a clause of
    /// several tokens as its documents, then <paramref name="verify"/>: the shared documents are read to check.
    /// </summary>
    private static global::System.Collections.Generic.List<Unit> Units(SearchQuery.Clause clause, out bool verify)
    {
        var terms = clause.Terms;
        var offsets = clause.Offsets;
        var units = new global::System.Collections.Generic.List<Unit>();
        verify = false;
        var i = 0;
        while (i < terms.Length)
        {
            if (!SearchAnalyzer.IsCjkTerm(terms[i]))
            {
                units.Add(new Unit(terms[i], offsets[i], clause.Prefix && i == terms.Length - 1));
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < terms.Length && SearchAnalyzer.IsCjkTerm(terms[end + 1]) && offsets[end + 1] == offsets[end] + 1)
            {
                end++;
            }

            if (end == i)
            {
                // A CJK character: where it ends a run and its bigrams, the terms it starts.
                units.Add(new Unit(terms[i], offsets[i], true));
                verify = true;
            }
            else
            {
                for (var k = i; k < end; k += 2)
                {
                    units.Add(new Unit(SearchAnalyzer.Bigram(terms[k], terms[k + 1]), offsets[k], false));
                }

                if ((end - i) % 2 == 0)
                {
                    units.Add(new Unit(SearchAnalyzer.Bigram(terms[end - 1], terms[end]), offsets[end - 1], false));
                }
            }

            i = end + 1;
        }

        return units;
    }

    private static int SameAs(global::System.Collections.Generic.List<Unit> units, int k)
    {
        for (var j = 0; j < k; j++)
        {
            if (units[j].Term == units[k].Term && units[j].Prefix == units[k].Prefix)
            {
                return j;
            }
        }

        return k;
    }

    /// <summary>The shared documents where every unit is at its offset from the first (at offset 0), counted in the title and the text.</summary>
    private static Postings ByPositions(
        global::System.Collections.Generic.List<Unit> units, global::System.Collections.Generic.List<Entry>[] entries, Postings[] documents, bool[] whole,
        SearchIndexFormat.BitReader[] starts, global::System.Collections.Generic.List<int> shared, int[] titleSpans, int[] textSpans)
    {
        // The positions of each distinct unit in the shared documents only, in flat arrays (no object per document).
        var positions = new SharedPositions[units.Count];
        var offsets = new int[units.Count];
        for (var k = 0; k < units.Count; k++)
        {
            offsets[k] = units[k].Offset;
            var same = SameAs(units, k);
            if (same < k)
            {
                positions[k] = positions[same];
                continue;
            }

            if (whole[k])
            {
                // A term's whole list, its reader at its positions.
                positions[k] = Entry.CollectPositions(documents[k], starts[k], shared, titleSpans, textSpans);
                continue;
            }

            // The words of a prefix: those with positions in the shared documents, merged (none has some: an empty list).
            var collected = new global::System.Collections.Generic.List<SharedPositions>(entries[k].Count);
            foreach (var entry in entries[k])
            {
                var found = entry.CollectPositions(shared, titleSpans, textSpans);
                if (found.Values.Length > 0 || collected.Count == 0)
                {
                    collected.Add(found);
                }
            }

            positions[k] = collected.Count == 1 ? collected[0] : SharedPositions.Merge(collected);
        }

        var builder = new PostingsBuilder();
        for (var j = 0; j < shared.Count; j++)
        {
            var inTitle = Occurrences(offsets, positions, 2 * j);
            var inText = Occurrences(offsets, positions, (2 * j) + 1);
            if (inTitle + inText > 0)
            {
                builder.Add(shared[j], inTitle, inText);
            }
        }

        return builder.ToPostings();
    }

    /// <summary>How often the first unit's positions in <paramref name="field"/> (2j: document j's title, 2j+1: its text) have every other unit at its offset.</summary>
    private static int Occurrences(int[] offsets, SharedPositions[] positions, int field)
    {
        var first = positions[0];
        var count = 0;
        for (var p = first.Starts[field]; p < first.Starts[field + 1]; p++)
        {
            var start = first.Values[p];
            var all = true;
            for (var k = 1; k < offsets.Length && all; k++)
            {
                var unit = positions[k];
                var from = unit.Starts[field];
                all = global::System.Array.BinarySearch(unit.Values, from, unit.Starts[field + 1] - from, start + offsets[k]) >= 0;
            }

            if (all)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The shared documents (the first <see cref="MaxVerified"/>) where the clause occurs, by reading their title and text.</summary>
    private Postings Verify(SearchQuery.Clause clause, global::System.Collections.Generic.List<int> shared)
    {
        var builder = new PostingsBuilder();
        var found = new global::System.Collections.Generic.List<int>();
        for (var i = 0; i < shared.Count && i < MaxVerified; i++)
        {
            var article = Article(shared[i]);
            found.Clear();
            SearchQuery.Occurrences(clause, SearchAnalyzer.Tokenize(article.Title), found);
            var inTitle = found.Count;
            found.Clear();
            SearchQuery.Occurrences(clause, SearchAnalyzer.Tokenize(article.Text), found);
            if (inTitle + found.Count > 0)
            {
                builder.Add(shared[i], inTitle, found.Count);
            }
        }

        return builder.ToPostings();
    }

    /// <summary>
    /// The documents of several terms, their counts added up: a prefix's words; a CJK character's occurrences, where it
    /// ends a run and in each of its bigrams (the terms it starts).
    /// </summary>
    private Postings Union(global::System.Collections.Generic.List<Entry> entries)
    {
        if (entries.Count == 1)
        {
            return entries[0].Documents();
        }

        var titles = new int[_count];
        var texts = new int[_count];
        var seen = new bool[_count];
        var found = 0;
        foreach (var entry in entries)
        {
            entry.AddTo(titles, texts, seen, ref found);
        }

        var builder = new PostingsBuilder(found);
        for (var document = 0; document < _count && found > 0; document++)
        {
            if (seen[document])
            {
                builder.Add(document, titles[document], texts[document]);
                found--;
            }
        }

        return builder.ToPostings();
    }

    /// <summary>
    /// Several terms' documents among the <paramref name="wanted"/> (ascending), their counts added up, each list read up
    /// to the last of them; the terms that have one added to <paramref name="hits"/>.
    /// </summary>
    private static Postings Union(global::System.Collections.Generic.List<Entry> entries, global::System.Collections.Generic.List<int> wanted, global::System.Collections.Generic.List<Entry>? hits)
    {
        var titles = new int[wanted.Count];
        var texts = new int[wanted.Count];
        var seen = new bool[wanted.Count];
        foreach (var entry in entries)
        {
            if (entry.AddTo(wanted, titles, texts, seen))
            {
                hits?.Add(entry);
            }
        }

        var builder = new PostingsBuilder();
        for (var i = 0; i < wanted.Count; i++)
        {
            if (seen[i])
            {
                builder.Add(wanted[i], titles[i], texts[i]);
            }
        }

        return builder.ToPostings();
    }

    /// <summary>The term's entry, or every term that starts with it when <paramref name="prefix"/>.</summary>
    private global::System.Collections.Generic.List<Entry> Entries(string term, bool prefix)
    {
        var entries = new global::System.Collections.Generic.List<Entry>();
        var b = BlockIndex(term);
        if (b < 0)
        {
            return entries;
        }

        if (!prefix)
        {
            var block = BlockAt(b);
            var index = block.IndexOf(term);
            if (index >= 0)
            {
                entries.Add(new Entry(block, index));
            }

            return entries;
        }

        for (; b < _blocks.Length; b++)
        {
            var block = BlockAt(b);
            var index = block.IndexOf(term);
            if (index >= 0 && block.IsFullCharacter(index))
            {
                // A frequent CJK character: its own list holds its bigrams' documents.
                entries.Add(new Entry(block, index));
                return entries;
            }

            for (var i = index >= 0 ? index : ~index; i < block.Count; i++)
            {
                if (!block.StartsWith(i, term))
                {
                    return entries;
                }

                entries.Add(new Entry(block, i));
            }
        }

        return entries;
    }

    private Block? BlockOf(string term)
    {
        var b = BlockIndex(term);
        return b < 0 ? null : BlockAt(b);
    }

    /// <summary>The last block whose first term is not after <paramref name="term"/>; -1 when the term sorts before all.</summary>
    private int BlockIndex(string term)
    {
        var low = 0;
        var high = _firstTerms.Length - 1;
        var found = -1;
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            if (string.CompareOrdinal(_firstTerms[middle], term) <= 0)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        // A prefix can sort before the first term of the block its words start in.
        return found < 0 && _firstTerms.Length > 0 ? 0 : found;
    }

    /// <summary>
    /// About how many bytes of read blocks all segments keep together (their bytes, terms and tables); past it, kept
    /// blocks chosen at random are let go (read again when a query needs them: unlike the oldest first, a random
    /// choice still keeps part of a working set larger than this). Memory stays bounded at any corpus size.
    /// </summary>
    public const long MaxCachedBytes = 64L << 20;

    private static readonly object CacheLock = new object();
    private static readonly global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<SearchSegment, int>> Cached = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<SearchSegment, int>>();
    private static long s_cachedBytes;
    private static uint s_evictionState = 2463534242;

    private Block BlockAt(int b)
    {
        var block = global::System.Threading.Volatile.Read(ref _blocks[b]);
        if (block is not null)
        {
            return block;
        }

        block = new Block(_data.Read(_segment, "B" + b.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));
        lock (CacheLock)
        {
            if (_blocks[b] is { } read)
            {
                return read;
            }

            while (s_cachedBytes + block.Size > MaxCachedBytes && Cached.Count > 0)
            {
                // xorshift32: a fixed sequence, so a run is repeatable.
                s_evictionState ^= s_evictionState << 13;
                s_evictionState ^= s_evictionState >> 17;
                s_evictionState ^= s_evictionState << 5;
                var victim = (int)(s_evictionState % (uint)Cached.Count);
                var evicted = Cached[victim];
                Cached[victim] = Cached[Cached.Count - 1];
                Cached.RemoveAt(Cached.Count - 1);
                var evictedBlock = evicted.Key._blocks[evicted.Value];
                if (evictedBlock is not null)
                {
                    s_cachedBytes -= evictedBlock.Size;
                    global::System.Threading.Volatile.Write(ref evicted.Key._blocks[evicted.Value], null);
                }
            }

            global::System.Threading.Volatile.Write(ref _blocks[b], block);
            Cached.Add(new global::System.Collections.Generic.KeyValuePair<SearchSegment, int>(this, b));
            s_cachedBytes += block.Size;
        }

        return block;
    }

    [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
    private static string[] ReadStrings(ref SearchIndexData.Packed d)
    {
        var strings = new string[d.ReadInt()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = d.ReadString();
        }

        return strings;
    }

    /// <summary>
    /// A unit's positions in the shared documents of a clause, ascending per field: document j's title positions are
    /// <c>Values[Starts[2j] .. Starts[2j+1])</c>, its text's <c>Values[Starts[2j+1] .. Starts[2j+2])</c>.
    /// </summary>
    private sealed class SharedPositions
    {
        public SharedPositions(int[] starts, int[] values)
        {
            Starts = starts;
            Values = values;
        }

        public int[] Starts { get; }

        public int[] Values { get; }

        /// <summary>Several terms' positions as one (the words of a prefix), each field's sorted.</summary>
        public static SharedPositions Merge(global::System.Collections.Generic.List<SharedPositions> parts)
        {
            var total = 0;
            foreach (var part in parts)
            {
                total += part.Starts[part.Starts.Length - 1];
            }

            var starts = new int[parts[0].Starts.Length];
            var values = new int[total];
            var n = 0;
            for (var field = 0; field + 1 < starts.Length; field++)
            {
                starts[field] = n;
                foreach (var part in parts)
                {
                    var length = part.Starts[field + 1] - part.Starts[field];
                    global::System.Array.Copy(part.Values, part.Starts[field], values, n, length);
                    n += length;
                }

                global::System.Array.Sort(values, starts[field], n - starts[field]);
            }

            starts[starts.Length - 1] = n;
            return new SharedPositions(starts, values);
        }
    }

    /// <summary>One term of a block.</summary>
    private readonly struct Entry
    {
        private readonly Block _block;
        private readonly int _index;

        public Entry(Block block, int index)
        {
            _block = block;
            _index = index;
        }

        public Postings Documents() => Documents(out _);

        /// <summary>The term's documents and counts, and a reader at its positions (for a term that has them).</summary>
        public Postings Documents(out SearchIndexFormat.BitReader positions)
        {
            positions = Start(out var count);
            var documents = new int[count];
            var titles = new int[count];
            var texts = new int[count];
            ReadDocuments(ref positions, count, documents, titles, texts);
            return new Postings(documents, titles, texts, count);
        }

        /// <summary>Adds this term's counts to those of each document (by number), marking the documents <paramref name="seen"/> the first time: no list of its own.</summary>
        public void AddTo(int[] titles, int[] texts, bool[] seen, ref int found)
        {
            var reader = Start(out var count);
            var k = reader.Bits(4);
            var document = -1;
            for (var i = 0; i < count; i++)
            {
                document += reader.Rice(k) + 1;
                int inTitle = 0, inText = 1;
                if (reader.Bit())
                {
                    inTitle = reader.Gamma() - 1;
                    inText = reader.Gamma() - 1;
                }

                if ((uint)document < (uint)seen.Length)
                {
                    found += seen[document] ? 0 : 1;
                    seen[document] = true;
                    titles[document] += inTitle;
                    texts[document] += inText;
                }
            }
        }

        /// <summary>
        /// Adds this term's counts in the <paramref name="wanted"/> documents (ascending) to theirs (by place in it),
        /// marking them <paramref name="seen"/>; stops past the last. Whether it has one of them.
        /// </summary>
        public bool AddTo(global::System.Collections.Generic.List<int> wanted, int[] titles, int[] texts, bool[] seen)
        {
            var reader = Start(out var count);
            var k = reader.Bits(4);
            var document = -1;
            var next = 0;
            var last = wanted[wanted.Count - 1];
            var found = false;
            for (var i = 0; i < count; i++)
            {
                document += reader.Rice(k) + 1;
                if (document > last)
                {
                    break;
                }

                int inTitle = 0, inText = 1;
                if (reader.Bit())
                {
                    inTitle = reader.Gamma() - 1;
                    inText = reader.Gamma() - 1;
                }

                while (wanted[next] < document)
                {
                    next++;
                }

                if (wanted[next] == document)
                {
                    found = true;
                    seen[next] = true;
                    titles[next] += inTitle;
                    texts[next] += inText;
                }
            }

            return found;
        }

        /// <summary>A reader at the term's document list, and how many documents it holds (for a CJK character not kept full, where it ends a run).</summary>
        private SearchIndexFormat.BitReader Start(out int count)
        {
            var reader = new SearchIndexFormat.BitReader(_block.Data, _block.DataStarts[_index]);
            count = _block.IsCharacter(_index) && !reader.Bit() ? reader.Gamma() - 1 : _block.Frequencies[_index];
            return reader;
        }

        /// <summary>This term's positions in the <paramref name="wanted"/> documents (ascending; none for those without it).</summary>
        public SharedPositions CollectPositions(global::System.Collections.Generic.List<int> wanted, int[] titleSpans, int[] textSpans) =>
            CollectPositions(Documents(out var reader), reader, wanted, titleSpans, textSpans);

        /// <summary>The positions in the <paramref name="wanted"/> documents of a term whose documents were read, from its <paramref name="reader"/> at its positions.</summary>
        public static SharedPositions CollectPositions(Postings postings, SearchIndexFormat.BitReader reader, global::System.Collections.Generic.List<int> wanted, int[] titleSpans, int[] textSpans)
        {
            var count = postings.Count;
            var documents = postings.Documents;
            var titles = postings.TitleCounts;
            var texts = postings.TextCounts;
            var starts = new int[(2 * wanted.Count) + 1];
            if (!Shares(documents, count, wanted))
            {
                // None of the wanted documents (a word of a prefix that the others' documents lack): no position to read.
                return new SharedPositions(starts, new int[0]);
            }

            var values = new int[64];
            var n = 0;
            var next = 0;
            for (var i = 0; i < count && next < wanted.Count; i++)
            {
                var document = documents[i];
                while (next < wanted.Count && wanted[next] < document)
                {
                    starts[2 * next] = starts[(2 * next) + 1] = n;
                    next++;
                }

                var titleSpan = (uint)document < (uint)titleSpans.Length ? titleSpans[document] : 0;
                var textSpan = (uint)document < (uint)textSpans.Length ? textSpans[document] : 0;
                if (next >= wanted.Count || wanted[next] != document)
                {
                    Skip(ref reader, titleSpan, titles[i]);
                    Skip(ref reader, textSpan, texts[i]);
                    continue;
                }

                if (n + titles[i] + texts[i] > values.Length)
                {
                    global::System.Array.Resize(ref values, global::System.Math.Max(values.Length * 2, n + titles[i] + texts[i]));
                }

                starts[2 * next] = n;
                Read(ref reader, titleSpan, titles[i], values, ref n);
                starts[(2 * next) + 1] = n;
                Read(ref reader, textSpan, texts[i], values, ref n);
                next++;
            }

            for (; next < wanted.Count; next++)
            {
                starts[2 * next] = starts[(2 * next) + 1] = n;
            }

            starts[2 * wanted.Count] = n;
            return new SharedPositions(starts, values);
        }

        /// <summary>Whether the first <paramref name="count"/> documents (ascending) hold one of the <paramref name="wanted"/> (ascending).</summary>
        private static bool Shares(int[] documents, int count, global::System.Collections.Generic.List<int> wanted)
        {
            var next = 0;
            for (var i = 0; i < count && next < wanted.Count; i++)
            {
                while (next < wanted.Count && wanted[next] < documents[i])
                {
                    next++;
                }

                if (next < wanted.Count && wanted[next] == documents[i])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The documents (gaps Rice-coded) and their counts in the title and the text (SearchIndexWriter's TermData).</summary>
        private static void ReadDocuments(ref SearchIndexFormat.BitReader reader, int count, int[] documents, int[] titles, int[] texts)
        {
            var k = reader.Bits(4);
            var document = -1;
            for (var i = 0; i < count; i++)
            {
                document += reader.Rice(k) + 1;
                documents[i] = document;
                if (reader.Bit())
                {
                    titles[i] = reader.Gamma() - 1;
                    texts[i] = reader.Gamma() - 1;
                }
                else
                {
                    texts[i] = 1;
                }
            }
        }

        /// <summary>
        /// One document's positions in one field (below its <paramref name="span"/>) into <paramref name="into"/> at
        /// <paramref name="n"/>: one alone in truncated binary, more as the first and then each gap less one, Rice-coded.
        /// </summary>
        private static void Read(ref SearchIndexFormat.BitReader reader, int span, int count, int[] into, ref int n)
        {
            if (count == 1)
            {
                into[n++] = reader.Below(span);
                return;
            }

            var k = SearchIndexFormat.PositionRice(span, count);
            var position = -1;
            for (var i = 0; i < count; i++)
            {
                position += reader.Rice(k) + 1;
                into[n++] = position;
            }
        }

        /// <summary>Reads past one document's positions in one field.</summary>
        private static void Skip(ref SearchIndexFormat.BitReader reader, int span, int count)
        {
            if (count == 1)
            {
                reader.Below(span);
                return;
            }

            reader.SkipRice(SearchIndexFormat.PositionRice(span, count), count);
        }
    }

    /// <summary>
    /// A block's terms, parsed once: each term's document frequency and where its postings are. The terms are kept as
    /// one array of characters and where each starts: no string per term.
    /// </summary>
    private sealed class Block
    {
        private readonly char[] _characters;
        private readonly int[] _starts;

        public Block(byte[] data)
        {
            Data = data;
            var at = 0;
            var count = global::System.Math.Max(0, global::System.Math.Min(SearchIndexFormat.ReadInt(data, ref at), data.Length));
            Count = count;
            Frequencies = new int[count];
            DataStarts = new int[count];
            _starts = new int[count + 1];
            var dataLengths = new int[count];
            var characters = new char[global::System.Math.Max(16, count * 3)];
            var length = 0;
            for (var i = 0; i < count; i++)
            {
                // The term: the first Shared characters of the one before, then its own, each against the one before's.
                var previous = i == 0 ? 0 : _starts[i - 1];
                var previousLength = length - previous;
                var head = SearchIndexFormat.ReadInt(data, ref at);
                var shared = global::System.Math.Min(head >> 3, previousLength);
                var suffix = head & 7;
                if (suffix == 7)
                {
                    suffix += SearchIndexFormat.ReadInt(data, ref at);
                }

                suffix = global::System.Math.Max(0, global::System.Math.Min(suffix, data.Length - at));
                if (length + shared + suffix > characters.Length)
                {
                    global::System.Array.Resize(ref characters, global::System.Math.Max(characters.Length * 2, length + shared + suffix));
                }

                _starts[i] = length;
                global::System.Array.Copy(characters, previous, characters, length, shared);
                for (var k = shared; k < shared + suffix; k++)
                {
                    var against = k < previousLength ? characters[previous + k] : k > 0 ? characters[_starts[i] + k - 1] : 0;
                    characters[_starts[i] + k] = (char)(against + SearchIndexFormat.ReadSigned(data, ref at));
                }

                length += shared + suffix;
                Frequencies[i] = SearchIndexFormat.ReadInt(data, ref at);
                dataLengths[i] = SearchIndexFormat.ReadInt(data, ref at);
            }

            _starts[count] = length;
            _characters = characters;
            for (var i = 0; i < count; i++)
            {
                DataStarts[i] = at;
                at += dataLengths[i];
            }
        }

        public byte[] Data { get; }

        public int Count { get; }

        /// <summary>About what the block holds in memory: its bytes, its terms' characters and tables.</summary>
        public long Size => Data.Length + (_characters.Length * 2L) + (Count * 16L) + 64;

        public int[] Frequencies { get; }

        /// <summary>Where each term's bits start (SearchIndexWriter's TermData).</summary>
        public int[] DataStarts { get; }

        /// <summary>Whether term <paramref name="index"/> is one CJK character (its postings are where it ends a run: SearchIndexWriter).</summary>
        public bool IsCharacter(int index)
        {
            var start = _starts[index];
            var length = _starts[index + 1] - start;
            return length == 1 ? SearchAnalyzer.IsCjk(_characters[start])
                : length == 2 && SearchAnalyzer.IsCjkHighSurrogate(_characters[start]) && char.IsLowSurrogate(_characters[start + 1]);
        }

        /// <summary>Whether term <paramref name="index"/> is a CJK character whose postings are all its documents and occurrences (its first bit: SearchIndexWriter).</summary>
        public bool IsFullCharacter(int index) => IsCharacter(index) && DataStarts[index] < Data.Length && (Data[DataStarts[index]] & 1) != 0;

        /// <summary>Term <paramref name="index"/> against <paramref name="term"/>, ordinal.</summary>
        public int Compare(int index, string term)
        {
            var start = _starts[index];
            var length = _starts[index + 1] - start;
            var shorter = global::System.Math.Min(length, term.Length);
            for (var k = 0; k < shorter; k++)
            {
                var c = _characters[start + k];
                if (c != term[k])
                {
                    return c < term[k] ? -1 : 1;
                }
            }

            return length.CompareTo(term.Length);
        }

        public bool StartsWith(int index, string prefix)
        {
            var start = _starts[index];
            if (_starts[index + 1] - start < prefix.Length)
            {
                return false;
            }

            for (var k = 0; k < prefix.Length; k++)
            {
                if (_characters[start + k] != prefix[k])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The term's index, or the bitwise complement of where it would be.</summary>
        public int IndexOf(string term)
        {
            var low = 0;
            var high = Count - 1;
            while (low <= high)
            {
                var middle = (low + high) >> 1;
                var order = Compare(middle, term);
                if (order == 0)
                {
                    return middle;
                }

                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return ~low;
        }
    }
}
