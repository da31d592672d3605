/// <summary>
/// One segment of the compiled search index (<see cref="SearchIndexFormat"/>; written by the generator's
/// SearchIndexWriter): its directory is read when the segment is first searched, each block of terms when a query
/// first needs one of its terms, and kept. Postings are decoded per query; positions only for the documents that
/// every token of a clause shares.
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

        _firstTerms = ReadStrings(d, ref at);
        _blocks = new Block?[_firstTerms.Length];
    }

    public override int Count => _count;

    public override long TitleTokens => _titleTokens;

    public override long TextTokens => _textTokens;

    public override int TitleLength(int document) => _titleLengths[document];

    public override int TextLength(int document) => _textLengths[document];

    public override string Outlet(int document) => _outletNames[_outlets[document]];

    public override string Language(int document) => _languageNames[_languages[document]];

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
        var entries = new global::System.Collections.Generic.List<Entry>[terms.Length];
        // A token repeated in the clause (a long CJK run repeats characters) is looked up and decoded once.
        var same = new int[terms.Length];
        for (var k = 0; k < terms.Length; k++)
        {
            same[k] = k;
            for (var j = 0; j < k && same[k] == k; j++)
            {
                if (terms[j] == terms[k] && (clause.Prefix && j == terms.Length - 1) == (clause.Prefix && k == terms.Length - 1))
                {
                    same[k] = j;
                }
            }

            entries[k] = same[k] < k ? entries[same[k]] : Entries(terms[k], clause.Prefix && k == terms.Length - 1);
            if (entries[k].Count == 0)
            {
                return Postings.None;
            }
        }

        if (terms.Length == 1 && entries[0].Count == 1)
        {
            return entries[0][0].Documents();
        }

        // Every token's documents (the union over a prefix's words), then the documents all of them share.
        var documents = new Postings[terms.Length];
        for (var k = 0; k < terms.Length; k++)
        {
            documents[k] = same[k] < k ? documents[same[k]] : Union(entries[k]);
        }

        if (terms.Length == 1)
        {
            return documents[0];
        }

        var shared = Intersect(documents);
        if (shared.Count == 0)
        {
            return Postings.None;
        }

        // The positions of each token in the shared documents only; then where the tokens follow one another.
        var positions = new global::System.Collections.Generic.Dictionary<int, Positions>[terms.Length];
        for (var k = 0; k < terms.Length; k++)
        {
            if (same[k] < k)
            {
                positions[k] = positions[same[k]];
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
            var inTitle = Occurrences(clause.Offsets, positions, document, title: true);
            var inText = Occurrences(clause.Offsets, positions, document, title: false);
            if (inTitle + inText > 0)
            {
                builder.Add(document, inTitle, inText);
            }
        }

        return builder.ToPostings();
    }

    private static int Occurrences(int[] offsets, global::System.Collections.Generic.Dictionary<int, Positions>[] positions, int document, bool title)
    {
        var first = title ? positions[0][document].Title : positions[0][document].Text;
        var count = 0;
        foreach (var start in first)
        {
            var all = true;
            for (var k = 1; k < offsets.Length && all; k++)
            {
                var list = title ? positions[k][document].Title : positions[k][document].Text;
                all = list.BinarySearch(start + offsets[k]) >= 0;
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
            for (var i = index >= 0 ? index : ~index; i < block.Terms.Length; i++)
            {
                if (!block.Terms[i].StartsWith(term, global::System.StringComparison.Ordinal))
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

    private Block BlockAt(int b)
    {
        var block = global::System.Threading.Volatile.Read(ref _blocks[b]);
        if (block is null)
        {
            block = new Block(_data.Read(_segment, "B" + b.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));
            block = global::System.Threading.Interlocked.CompareExchange(ref _blocks[b], block, null) ?? block;
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

    /// <summary>A block's terms, parsed once: each term's document frequency and where its postings are.</summary>
    private sealed class Block
    {
        public Block(byte[] data)
        {
            Data = data;
            var at = 0;
            var count = SearchIndexFormat.ReadInt(data, ref at);
            Terms = new string[count];
            Frequencies = new int[count];
            DocsStarts = new int[count];
            PositionsStarts = new int[count];
            var docsLengths = new int[count];
            var positionsLengths = new int[count];
            var previous = string.Empty;
            for (var i = 0; i < count; i++)
            {
                var shared = SearchIndexFormat.ReadInt(data, ref at);
                var suffix = SearchIndexFormat.ReadString(data, ref at);
                previous = Terms[i] = (shared > 0 && shared <= previous.Length ? previous.Substring(0, shared) : string.Empty) + suffix;
                Frequencies[i] = SearchIndexFormat.ReadInt(data, ref at);
                docsLengths[i] = SearchIndexFormat.ReadInt(data, ref at);
                positionsLengths[i] = SearchIndexFormat.ReadInt(data, ref at);
            }

            for (var i = 0; i < count; i++)
            {
                DocsStarts[i] = at;
                at += docsLengths[i];
                PositionsStarts[i] = at;
                at += positionsLengths[i];
            }
        }

        public byte[] Data { get; }

        public string[] Terms { get; }

        public int[] Frequencies { get; }

        public int[] DocsStarts { get; }

        public int[] PositionsStarts { get; }

        /// <summary>The term's index, or the bitwise complement of where it would be.</summary>
        public int IndexOf(string term)
        {
            var low = 0;
            var high = Terms.Length - 1;
            while (low <= high)
            {
                var middle = (low + high) >> 1;
                var order = string.CompareOrdinal(Terms[middle], term);
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
