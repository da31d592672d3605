/// <summary>
/// One segment of the compiled search index (<see cref="SearchIndexFormat"/>; written by the generator's
/// SearchIndexWriter): its directory (statistics and the per-document tables: lengths, facet codes, dates, Ids) is read
/// when the segment is first searched, each block of terms when a query needs one of its terms, and kept up to
/// <see cref="MaxCachedBytes"/> for all segments together. Postings are decoded per query; positions only for the documents that every unit of a
/// clause shares. CJK: a character is its document list, two are a bigram's, more are bigrams checked by position.
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
    private readonly int[] _outlets;
    private readonly int[] _languages;
    private readonly int[] _years;
    private readonly long[] _ticks;
    private readonly string[] _ids;
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
        var d = data.Read(segment, "D");
        var at = 0;
        if (d.Length == 0 || SearchIndexFormat.ReadInt(d, ref at) != SearchIndexFormat.Version)
        {
            throw new global::System.InvalidOperationException("The search index of this corpus was written by another version of Corpus.Generator, or is absent.");
        }

        _count = SearchIndexFormat.ReadInt(d, ref at);
        _titleTokens = SearchIndexFormat.ReadLong(d, ref at);
        _textTokens = SearchIndexFormat.ReadLong(d, ref at);
        _outletNames = ReadStrings(d, ref at);
        _languageNames = ReadStrings(d, ref at);
        _titleLengths = new int[_count];
        _textLengths = new int[_count];
        _outlets = new int[_count];
        _languages = new int[_count];
        _years = new int[_count];
        _ticks = new long[_count];
        for (var i = 0; i < _count; i++)
        {
            _titleLengths[i] = SearchIndexFormat.ReadInt(d, ref at);
            _textLengths[i] = SearchIndexFormat.ReadInt(d, ref at);
            _outlets[i] = SearchIndexFormat.ReadInt(d, ref at);
            _languages[i] = SearchIndexFormat.ReadInt(d, ref at);
            _years[i] = SearchIndexFormat.ReadInt(d, ref at);
            _ticks[i] = SearchIndexFormat.TicksOf(SearchIndexFormat.ReadLong(d, ref at));
        }

        _ids = new string[_count];
        for (var i = 0; i < _count; i++)
        {
            _ids[i] = SearchIndexFormat.ReadString(d, ref at);
        }

        _firstTerms = ReadStrings(d, ref at);
        _blocks = new Block?[_firstTerms.Length];
    }

    public override int Count => _count;

    public override long TitleTokens => _titleTokens;

    public override long TextTokens => _textTokens;

    public override int TitleLength(int document) => _titleLengths[document];

    public override int TextLength(int document) => _textLengths[document];

    public override string Id(int document) => _ids[document];

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

    public override Postings FindTag(string tagTerm) => Find(new SearchQuery.Clause(tagTerm, new[] { tagTerm }, new[] { 0 }, false));

    public override Postings Find(SearchQuery.Clause clause)
    {
        var terms = clause.Terms;
        if (terms.Length == 1)
        {
            // A word (the words it starts, for a prefix), a CJK character: its documents and counts, no positions.
            return Union(Entries(terms[0], clause.Prefix));
        }

        var units = Units(clause, out var verify);
        var entries = new global::System.Collections.Generic.List<Entry>[units.Count];
        var documents = new Postings[units.Count];
        for (var k = 0; k < units.Count; k++)
        {
            // A unit repeated in the clause (a long CJK run repeats bigrams) is looked up and decoded once.
            var same = SameAs(units, k);
            entries[k] = same < k ? entries[same] : Entries(units[k].Term, units[k].Prefix);
            documents[k] = same < k ? documents[same] : Union(entries[k]);
            if (documents[k].Count == 0)
            {
                return Postings.None;
            }
        }

        if (units.Count == 1 && !verify)
        {
            // Two CJK characters: the bigram's own documents and counts.
            return documents[0];
        }

        var shared = Intersect(documents);
        if (shared.Count == 0)
        {
            return Postings.None;
        }

        return verify ? Verify(clause, shared) : ByPositions(units, entries, shared);
    }

    /// <summary>How many shared documents a clause with a lone CJK character (no positions kept) reads to check, at most, in one segment.</summary>
    public const int MaxVerified = 1000;

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
                units.Add(new Unit(terms[i], offsets[i], false));
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
    private static Postings ByPositions(global::System.Collections.Generic.List<Unit> units, global::System.Collections.Generic.List<Entry>[] entries, global::System.Collections.Generic.List<int> shared)
    {
        // The positions of each distinct unit in the shared documents only.
        var positions = new global::System.Collections.Generic.Dictionary<int, Positions>[units.Count];
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

            positions[k] = new global::System.Collections.Generic.Dictionary<int, Positions>();
            foreach (var entry in entries[k])
            {
                entry.CollectPositions(shared, positions[k]);
            }

            if (entries[k].Count > 1)
            {
                foreach (var merged in positions[k].Values)
                {
                    merged.Sort();
                }
            }
        }

        var builder = new PostingsBuilder();
        foreach (var document in shared)
        {
            var inTitle = Occurrences(offsets, positions, document, title: true);
            var inText = Occurrences(offsets, positions, document, title: false);
            if (inTitle + inText > 0)
            {
                builder.Add(document, inTitle, inText);
            }
        }

        return builder.ToPostings();
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

    private static int Occurrences(int[] offsets, global::System.Collections.Generic.Dictionary<int, Positions>[] positions, int document, bool title)
    {
        if (!positions[0].TryGetValue(document, out var firstPositions))
        {
            return 0;
        }

        var first = title ? firstPositions.Title : firstPositions.Text;
        var count = 0;
        foreach (var start in first)
        {
            var all = true;
            for (var k = 1; k < offsets.Length && all; k++)
            {
                var list = positions[k].TryGetValue(document, out var found) ? (title ? found.Title : found.Text) : null;
                all = list is not null && list.BinarySearch(start + offsets[k]) >= 0;
            }

            if (all)
            {
                count++;
            }
        }

        return count;
    }

    private static global::System.Collections.Generic.List<int> Intersect(Postings[] documents)
    {
        var shared = new global::System.Collections.Generic.List<int>();
        var smallest = documents[0];
        foreach (var postings in documents)
        {
            if (postings.Count < smallest.Count)
            {
                smallest = postings;
            }
        }

        for (var i = 0; i < smallest.Count; i++)
        {
            var document = smallest.Documents[i];
            var all = true;
            foreach (var postings in documents)
            {
                if (!ReferenceEquals(postings, smallest) && global::System.Array.BinarySearch(postings.Documents, 0, postings.Count, document) < 0)
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                shared.Add(document);
            }
        }

        return shared;
    }

    /// <summary>The documents of several terms, their counts added up (a prefix's words).</summary>
    private static Postings Union(global::System.Collections.Generic.List<Entry> entries)
    {
        if (entries.Count == 1)
        {
            return entries[0].Documents();
        }

        var counts = new global::System.Collections.Generic.SortedDictionary<int, long>();
        foreach (var entry in entries)
        {
            var postings = entry.Documents();
            for (var i = 0; i < postings.Count; i++)
            {
                counts.TryGetValue(postings.Documents[i], out var sum);
                counts[postings.Documents[i]] = sum + ((long)postings.TitleCounts[i] << 32) + postings.TextCounts[i];
            }
        }

        var builder = new PostingsBuilder();
        foreach (var pair in counts)
        {
            builder.Add(pair.Key, (int)(pair.Value >> 32), (int)(pair.Value & 0xFFFFFFFF));
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

    private static string[] ReadStrings(byte[] data, ref int at)
    {
        var strings = new string[SearchIndexFormat.ReadInt(data, ref at)];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = SearchIndexFormat.ReadString(data, ref at);
        }

        return strings;
    }

    /// <summary>A token's positions in one document, title and text apart.</summary>
    private sealed class Positions
    {
        public readonly global::System.Collections.Generic.List<int> Title = new global::System.Collections.Generic.List<int>();
        public readonly global::System.Collections.Generic.List<int> Text = new global::System.Collections.Generic.List<int>();

        public void Sort()
        {
            Title.Sort();
            Text.Sort();
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

        public Postings Documents()
        {
            var data = _block.Data;
            var at = _block.DocsStarts[_index];
            var count = _block.Frequencies[_index];
            var documents = new int[count];
            var titles = new int[count];
            var texts = new int[count];
            var document = -1;
            for (var i = 0; i < count; i++)
            {
                SearchIndexFormat.ReadPosting(data, ref at, ref document, out titles[i], out texts[i]);
                documents[i] = document;
            }

            return new Postings(documents, titles, texts, count);
        }

        /// <summary>Adds this term's positions in the <paramref name="wanted"/> documents (ascending) to <paramref name="into"/>.</summary>
        public void CollectPositions(global::System.Collections.Generic.List<int> wanted, global::System.Collections.Generic.Dictionary<int, Positions> into)
        {
            var data = _block.Data;
            var docs = _block.DocsStarts[_index];
            var at = _block.PositionsStarts[_index];
            var count = _block.Frequencies[_index];
            var document = -1;
            var next = 0;
            for (var i = 0; i < count && next < wanted.Count; i++)
            {
                SearchIndexFormat.ReadPosting(data, ref docs, ref document, out var inTitle, out var inText);
                while (next < wanted.Count && wanted[next] < document)
                {
                    next++;
                }

                if (next >= wanted.Count || wanted[next] != document)
                {
                    Skip(data, ref at, inTitle + inText);
                    continue;
                }

                if (!into.TryGetValue(document, out var positions))
                {
                    into[document] = positions = new Positions();
                }

                Read(data, ref at, inTitle, positions.Title);
                Read(data, ref at, inText, positions.Text);
            }
        }

        private static void Read(byte[] data, ref int at, int count, global::System.Collections.Generic.List<int> into)
        {
            var position = 0;
            for (var i = 0; i < count; i++)
            {
                position += SearchIndexFormat.ReadInt(data, ref at);
                into.Add(position);
            }
        }

        private static void Skip(byte[] data, ref int at, int varints)
        {
            while (varints > 0 && at < data.Length)
            {
                if (data[at++] < 0x80)
                {
                    varints--;
                }
            }
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
            DocsStarts = new int[count];
            PositionsStarts = new int[count];
            _starts = new int[count + 1];
            var docsLengths = new int[count];
            var positionsLengths = new int[count];
            var characters = new char[global::System.Math.Max(16, count * 3)];
            var length = 0;
            for (var i = 0; i < count; i++)
            {
                // The term: the first Shared characters of the one before, then its own.
                var previous = i == 0 ? 0 : _starts[i - 1];
                var shared = global::System.Math.Min(SearchIndexFormat.ReadInt(data, ref at), length - previous);
                var suffix = global::System.Math.Max(0, global::System.Math.Min(SearchIndexFormat.ReadInt(data, ref at), data.Length - at));
                if (length + shared + suffix > characters.Length)
                {
                    global::System.Array.Resize(ref characters, global::System.Math.Max(characters.Length * 2, length + shared + suffix));
                }

                _starts[i] = length;
                global::System.Array.Copy(characters, previous, characters, length, shared);
                length += shared;
                for (var k = 0; k < suffix; k++)
                {
                    characters[length++] = (char)SearchIndexFormat.ReadInt(data, ref at);
                }

                Frequencies[i] = SearchIndexFormat.ReadInt(data, ref at);
                docsLengths[i] = SearchIndexFormat.ReadInt(data, ref at);
                positionsLengths[i] = SearchIndexFormat.ReadInt(data, ref at);
            }

            _starts[count] = length;
            _characters = characters;
            for (var i = 0; i < count; i++)
            {
                DocsStarts[i] = at;
                at += docsLengths[i];
                PositionsStarts[i] = at;
                at += positionsLengths[i];
            }
        }

        public byte[] Data { get; }

        public int Count { get; }

        /// <summary>About what the block holds in memory: its bytes, its terms' characters and tables.</summary>
        public long Size => Data.Length + (_characters.Length * 2L) + (Count * 16L) + 64;

        public int[] Frequencies { get; }

        public int[] DocsStarts { get; }

        public int[] PositionsStarts { get; }

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
