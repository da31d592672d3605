/// <summary>
/// The search index's format, shared by the generator that writes it and the runtime that reads it (compiled into
/// the generator as a linked file): segment names, the packing of bytes into the characters of a constant, varints.
/// </summary>
/// <remarks>
/// A segment indexes the articles of <see cref="ChunksPerSegment"/> consecutive data chunks, its documents numbered
/// in slot order (chunk by chunk, by Id within a chunk). Its constants are <c>D</c> (statistics, the per-document
/// tables and the first term of each block) and <c>G0</c>, <c>G1</c>, … (<see cref="BlocksPerConstant"/> blocks each,
/// every block packed alone and the packings one after the other; a block holds terms in ordinal order with their postings).
/// Bytes are packed 15 bits a character, as characters from U+4E00 to U+CDFF (CJK ideographs, Yi, Hangul and
/// unassigned code points of the BMP, below the surrogates and clear of every line break or escape): a C# literal
/// holds them as they are and every runtime reads them back alike (an end-to-end build checks the whole range).
/// </remarks>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
static partial class SearchIndexFormat
{
    /// <summary>
    /// How many data chunks one index segment covers (about 8,000 articles): a seed edit rebuilds one segment, and each
    /// segment repeats the dictionary of the terms its articles share with the others', so fewer and larger segments
    /// make a smaller index (Corpus.Bench search-size) and fewer fixed costs a query.
    /// </summary>
    public const int ChunksPerSegment = 64;

    /// <summary>The nested class of a segment is this prefix and its number in four digits.</summary>
    public const string SegmentPrefix = "Search";

    /// <summary>
    /// 8: CJK characters next to a word have their own term with positions (<see cref="SearchAnalyzer.WordNeighbourTerm"/>);
    /// 7: the blocks grouped <see cref="BlocksPerConstant"/> to a constant (6: a constant a block).
    /// </summary>
    public const int Version = 8;

    /// <summary>
    /// How many blocks one constant holds. Every build binds each constant's initializer again, and the SDK's analyzers
    /// visit it: a constant a block (about 2,200 characters) made 4,714 fields at 10,000 seeds, 16 to a constant 298.
    /// Reading a block by reflection copies its whole group (about 35,000 characters).
    /// </summary>
    public const int BlocksPerConstant = 16;

    /// <summary>The constant that holds block <paramref name="block"/>: <c>G</c> and its group's number.</summary>
    public static string BlockGroupName(int block) => "G" + (block / BlocksPerConstant).ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The characters <see cref="Pack"/> makes of <paramref name="length"/> bytes: the length's two and the bits'.</summary>
    public static long PackedLength(int length) => 2 + ((((long)length * 8) + Bits - 1) / Bits);

    // The packing: 15 bits a character, from Base (SearchIndexData reads them where they lie).
    internal const int Bits = 15;
    internal const int Mask = (1 << Bits) - 1;
    internal const char Base = '\u4E00';

    public static int SegmentCount(int chunkCount) => (chunkCount + ChunksPerSegment - 1) / ChunksPerSegment;

    public static string SegmentName(int segment) => SegmentPrefix + segment.ToString("D4", global::System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bytes as characters: the length in two characters, then the bits, 15 to a character, lowest first.</summary>
    public static string Pack(byte[] bytes, int length)
    {
        var chars = new char[(int)PackedLength(length)];
        var end = PackInto(bytes, length, chars, 0);
        return new string(chars, 0, end);
    }

    /// <summary>
    /// <see cref="Pack"/> into <paramref name="chars"/> from <paramref name="at"/> (<see cref="PackedLength"/>
    /// characters), where the characters after it go: the generator writes a whole file's constants into one array.
    /// </summary>
    /// <returns>The index after the last character written.</returns>
    public static int PackInto(byte[] bytes, int length, char[] chars, int at)
    {
        chars[at++] = (char)(Base + (length & Mask));
        chars[at++] = (char)(Base + ((length >> Bits) & Mask));
        var buffer = 0;
        var held = 0;
        for (var i = 0; i < length; i++)
        {
            buffer |= bytes[i] << held;
            held += 8;
            while (held >= Bits)
            {
                chars[at++] = (char)(Base + (buffer & Mask));
                buffer >>= Bits;
                held -= Bits;
            }
        }

        if (held > 0)
        {
            chars[at++] = (char)(Base + (buffer & Mask));
        }

        return at;
    }

    /// <summary>
    /// Whether the index keeps a term's positions: words and CJK bigrams (<see cref="SearchAnalyzer.Bigram"/>) yes; a single
    /// CJK character (its documents and counts are all a one-character term needs) and a tag no.
    /// </summary>
    public static bool HasPositions(string term) => term.Length > 0 && term[0] != SearchAnalyzer.TagMark && !SearchAnalyzer.IsCjkTerm(term);

    /// <summary>
    /// The fewest documents of a segment whose positions the index keeps for a CJK bigram. A rarer bigram's positions
    /// are left out (most bigrams are in a few documents: a fifth of the index at 10,000 seeds): a clause that needs
    /// them is in at most as many documents, which the query reads to check (<c>SearchSegment.Verify</c>). 48 (32 up to
    /// format 7): the positions of the CJK characters next to words cost the index what the bigrams in 32 to 47
    /// documents saved (Corpus.Bench search-size, 10,000 seeds: 0.597× the text before, 0.592× after).
    /// </summary>
    public const int BigramPositionsFrom = 48;

    /// <summary>Whether the index keeps the positions of <paramref name="term"/>, in <paramref name="documents"/> documents of its segment.</summary>
    public static bool KeepsPositions(string term, int documents) => HasPositions(term) && (documents >= BigramPositionsFrom || !IsBigram(term));

    /// <summary>Whether a term with positions (<see cref="HasPositions"/>) is a CJK bigram: it starts with a CJK character (no word does).</summary>
    public static bool IsBigram(string term) => SearchAnalyzer.IsCjk(term[0]) || SearchAnalyzer.IsCjkHighSurrogate(term[0]);

    /// <summary>An unsigned LEB128 varint (at most 5 bytes read: a corrupt run cannot loop).</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int ReadInt(byte[] data, ref int offset)
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

    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long ReadLong(byte[] data, ref int offset)
    {
        long value = 0;
        for (var shift = 0; shift < 70 && offset < data.Length; shift += 7)
        {
            var b = data[offset++];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return value;
    }

    /// <summary>A string: its length, then each UTF-16 unit as a varint.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static string ReadString(byte[] data, ref int offset)
    {
        var length = ReadInt(data, ref offset);
        if (length <= 0 || length > data.Length - offset)
        {
            return string.Empty;
        }

        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)ReadInt(data, ref offset);
        }

        return new string(chars);
    }

    /// <summary>A zigzag-coded signed varint (a term's characters, as differences from the term before's).</summary>
    public static int ReadSigned(byte[] data, ref int offset)
    {
        var value = (uint)ReadInt(data, ref offset);
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    /// <summary>Rice codes, Elias gamma codes and plain bits, lowest bit first (the postings of a term: SearchIndexWriter).</summary>
    public struct BitReader
    {
        /// <summary>A quotient at or past this is an escape: its excess follows as a gamma code (outliers stay short).</summary>
        public const int MaxUnary = 24;

        private readonly byte[] _data;
        private int _at;
        private ulong _buffer;
        private int _held;

        public BitReader(byte[] data, int offset)
        {
            _data = data;
            _at = offset;
            _buffer = 0;
            _held = 0;
        }

        /// <summary>
        /// At least 56 bits held (zeros past the end of the data, as <see cref="Bits"/> reads them). Bits above those held
        /// are the data's next bits or zeros, never others: a fill may put more there than it counts.
        /// </summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Fill()
        {
#if NET5_0_OR_GREATER
            if (_at + 8 <= _data.Length)
            {
                // Eight bytes in one read; the whole bytes of them that fit are kept (the rest is read again next time).
                _buffer |= global::System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(new global::System.ReadOnlySpan<byte>(_data, _at, 8)) << _held;
                var taken = (63 - _held) >> 3;
                _at += taken;
                _held += taken << 3;
                return;
            }
#endif
            while (_held <= 56)
            {
                _buffer |= (ulong)(_at < _data.Length ? _data[_at] : 0) << _held;
                _at++;
                _held += 8;
            }
        }

        /// <summary>The next bit, 0 or 1.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private int Next()
        {
            if (_held == 0)
            {
                Fill();
            }

            var bit = (int)(_buffer & 1);
            _buffer >>= 1;
            _held--;
            return bit;
        }

        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int Bits(int count)
        {
            if (count == 0)
            {
                return 0;
            }

            if (_held < count)
            {
                Fill();
            }

            var value = (int)(_buffer & ((1UL << count) - 1));
            _buffer >>= count;
            _held -= count;
            return value;
        }

        public bool Bit() => Next() == 1;

        /// <summary>A value below <paramref name="bound"/> in truncated binary: the short width, and one more bit for the long codes.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int Below(int bound)
        {
            var bits = BitWidth(bound) - 1;
            if (bits < 0)
            {
                return 0;
            }

            var shortCodes = (1 << (bits + 1)) - bound;
            var value = Bits(bits);
            return value < shortCodes ? value : ((value << 1) | Next()) - shortCodes;
        }

        /// <summary>A value ≥ 0: its quotient by 2^k in unary (ones ended by a zero), then its k low bits.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int Rice(int k)
        {
            // The hot code of every list: the unary part counted at once, then the low bits, all from the buffer when a
            // code is short (at most MaxUnary ones, their zero and k ≤ 31 bits fit in the 56 a fill leaves).
            if (_held < MaxUnary + 1 + k)
            {
                Fill();
            }

            var quotient = TrailingOnes(_buffer);
            if (quotient < MaxUnary)
            {
                _buffer >>= quotient + 1;
                _held -= quotient + 1;
                var low = (int)(_buffer & ((1UL << k) - 1));
                _buffer >>= k;
                _held -= k;
                return (quotient << k) | low;
            }

            _buffer >>= MaxUnary;
            _held -= MaxUnary;
            return ((MaxUnary + Gamma() - 1) << k) | Bits(k);
        }

        /// <summary>Reads past <paramref name="count"/> Rice codes of parameter <paramref name="k"/> (a document's positions that a query does not need).</summary>
        public void SkipRice(int k, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (_held < MaxUnary + 1 + k)
                {
                    Fill();
                }

                var quotient = TrailingOnes(_buffer);
                if (quotient < MaxUnary && quotient + 1 + k <= _held)
                {
                    _buffer >>= quotient + 1 + k;
                    _held -= quotient + 1 + k;
                }
                else
                {
                    Rice(k);
                }
            }
        }

        /// <summary>A value ≥ 1: as many zeros as its bits less one, then its bits, highest first.</summary>
        public int Gamma()
        {
            if (_held < 32)
            {
                Fill();
            }

            // The zeros and their one at once when the buffer holds them; at most 31 zeros are read (a longer run is corrupt).
            var zeros = TrailingZeros(_buffer);
            if (zeros < 31 && zeros < _held)
            {
                _buffer >>= zeros + 1;
                _held -= zeros + 1;
            }
            else if (_held >= 31)
            {
                zeros = 31;
                _buffer >>= 31;
                _held -= 31;
            }
            else
            {
                zeros = 0;
                while (zeros < 31 && Next() == 0)
                {
                    zeros++;
                }
            }

            var value = 1;
            for (var i = 0; i < zeros; i++)
            {
                value = (value << 1) | Next();
            }

            return value;
        }

        /// <summary>How many one bits the buffer starts with (its lowest), at most 64.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static int TrailingOnes(ulong buffer) => TrailingZeros(~buffer);

        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static int TrailingZeros(ulong value)
        {
#if NETCOREAPP3_0_OR_GREATER
            return global::System.Numerics.BitOperations.TrailingZeroCount(value);
#else
            if (value == 0)
            {
                return 64;
            }

            var count = 0;
            while ((value & 1) == 0)
            {
                value >>= 1;
                count++;
            }

            return count;
#endif
        }
    }

    /// <summary>How many bits <paramref name="value"/> takes (0 for 0).</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int BitWidth(int value)
    {
#if NETCOREAPP3_0_OR_GREATER
        return 32 - global::System.Numerics.BitOperations.LeadingZeroCount((uint)value);
#else
        // Halving the range five times (netstandard2.0 has no LeadingZeroCount; the generator codes every position with
        // this: a bit at a time was a loop of up to 32 turns).
        var v = (uint)value;
        var bits = 0;
        for (var shift = 16; shift > 0; shift >>= 1)
        {
            if (v >= 1u << shift)
            {
                bits += shift;
                v >>= shift;
            }
        }

        return bits + (int)v;
#endif
    }

    /// <summary>
    /// The Rice parameter of a document's list of <paramref name="count"/> (≥ 2) positions below <paramref name="span"/>:
    /// their gaps average about span / (count + 1). A list of one is coded <see cref="BitReader.Below"/> the span.
    /// </summary>
    public static int PositionRice(int span, int count) => global::System.Math.Max(0, BitWidth(span / (count + 1)) - 1);

    /// <summary>A date as the per-document table holds it: 0 undated; whole seconds as odd codes; other ticks as even codes.</summary>
    public static long DateCode(long? utcTicks) =>
        utcTicks is not long ticks ? 0
        : ticks % global::System.TimeSpan.TicksPerSecond == 0 ? ((ticks / global::System.TimeSpan.TicksPerSecond) << 1) | 1
        : ticks << 1;

    /// <summary>The UTC ticks of a <see cref="DateCode"/>; <see cref="long.MinValue"/> when undated.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long TicksOf(long code) =>
        code == 0 ? long.MinValue
        : (code & 1) == 1 ? (code >> 1) * global::System.TimeSpan.TicksPerSecond
        : code >> 1;
}
