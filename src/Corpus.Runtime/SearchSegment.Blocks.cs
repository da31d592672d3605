// The segment's blocks of terms: found by their first terms, read when a query needs them, kept within a bound.
sealed partial class SearchSegment
{
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

        block = new Block(_data.ReadBlock(_segment, b));
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
