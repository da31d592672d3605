/// <summary>
/// Where the search index's bytes are stored, and the one type that reads them: each segment is a nested class of the
/// data class (<c>Search0000</c>, …) whose <c>const string</c> fields hold packed bytes
/// (<see cref="SearchIndexFormat.Pack"/>), found and read by <see cref="CompiledConstants"/> (the store's reader of its
/// chunks too) when a query first needs them. A directory is read where it lies (<see cref="Packed"/>), never unpacked
/// whole: on the first search every segment's is read, a few hundred thousand characters each at 100,000 articles.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class SearchIndexData
{
    /// <summary>The name of a segment's directory constant.</summary>
    public const string DirectoryPart = "D";

    private readonly CompiledConstants.Constant[]?[] _segments;

    public SearchIndexData(CompiledConstants constants, int segmentCount)
    {
        _segments = new CompiledConstants.Constant[]?[segmentCount];
        for (var segment = 0; segment < segmentCount; segment++)
        {
            _segments[segment] = constants.Of(SearchIndexFormat.SegmentName(segment));
        }

        // The directories are read whole on the first search (every segment's), more than reflection's copies are worth.
        constants.PreferInPlace();
    }

    public int SegmentCount => _segments.Length;

    /// <summary>Whether the segment's class is there (a design-time compilation has none; an empty segment has none).</summary>
    public bool Has(int segment) => segment >= 0 && segment < _segments.Length && _segments[segment] is not null;

    /// <summary>The bytes of one part of a segment (<c>B0</c>, …), unpacked from where they lie; empty when it is absent.</summary>
    public byte[] Read(int segment, string part)
    {
        var constant = Find(segment, part);
        return constant is null ? new byte[0] : Unpack(constant.Read());
    }

    /// <summary>A segment's directory (<see cref="DirectoryPart"/>) as it is stored, packed; empty when it is absent.</summary>
    public Packed Directory(int segment)
    {
        var constant = Find(segment, DirectoryPart);
        return constant is null ? default : new Packed(constant.Read());
    }

    private CompiledConstants.Constant? Find(int segment, string part)
    {
        var constants = segment >= 0 && segment < _segments.Length ? _segments[segment] : null;
        if (constants is null)
        {
            return null;
        }

        foreach (var constant in constants)
        {
            if (constant.Name == part)
            {
                return constant;
            }
        }

        return null;
    }

    /// <summary>The bytes <see cref="SearchIndexFormat.Pack"/> packed into <paramref name="packed"/>, with no copy of the characters first.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
    private static byte[] Unpack(CompiledConstants.Chars packed)
    {
        var reader = new Packed(packed);
        var bytes = new byte[reader.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = reader.ReadByte();
        }

        return bytes;
    }

    /// <summary>
    /// Packed bytes read in order where their characters lie (in the image, or a copy by reflection), and from any byte
    /// on (<see cref="Seek"/>): varints and strings as <see cref="SearchIndexFormat"/> reads them from bytes, past the
    /// end as zeros. A struct: copies share the characters, each has its own place.
    /// </summary>
    public struct Packed
    {
        private readonly CompiledConstants.Chars _chars;
        private int _next;
        private int _buffer;
        private int _held;

        public Packed(CompiledConstants.Chars chars)
        {
            _chars = chars;
            var length = chars.Length < 2 ? 0 : (chars[0] - SearchIndexFormat.Base) | ((chars[1] - SearchIndexFormat.Base) << SearchIndexFormat.Bits);
            // Not a packing (too short for its length): no bytes.
            Length = length < 0 || ((long)length * 8) > (long)(chars.Length - 2) * SearchIndexFormat.Bits ? 0 : length;
            Offset = 0;
            _next = 2;
            _buffer = 0;
            _held = 0;
        }

        /// <summary>How many bytes.</summary>
        public readonly int Length;

        /// <summary>The next byte's place.</summary>
        public int Offset;

        /// <summary>Reads on from byte <paramref name="offset"/>: a byte's bits start in its <c>8 × offset / 15</c>th character.</summary>
        public void Seek(int offset)
        {
            Offset = global::System.Math.Max(0, global::System.Math.Min(offset, Length));
            var bit = (long)Offset * 8;
            _next = 2 + (int)(bit / SearchIndexFormat.Bits);
            var skip = (int)(bit % SearchIndexFormat.Bits);
            _buffer = 0;
            _held = 0;
            if (skip > 0)
            {
                _buffer = ((_chars[_next++] - SearchIndexFormat.Base) & SearchIndexFormat.Mask) >> skip;
                _held = SearchIndexFormat.Bits - skip;
            }
        }

        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public byte ReadByte()
        {
            if (Offset >= Length)
            {
                return 0;
            }

            if (_held < 8)
            {
                _buffer |= ((_chars[_next++] - SearchIndexFormat.Base) & SearchIndexFormat.Mask) << _held;
                _held += SearchIndexFormat.Bits;
            }

            var value = (byte)_buffer;
            _buffer >>= 8;
            _held -= 8;
            Offset++;
            return value;
        }

        /// <summary>As <see cref="SearchIndexFormat.ReadInt"/>: at most 5 bytes.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int ReadInt() => (int)ReadVarint(35);

        /// <summary>As <see cref="SearchIndexFormat.ReadLong"/>: at most 10 bytes.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public long ReadLong() => (long)ReadVarint(70);

        // An unsigned LEB128 varint of at most bits / 7 bytes (a corrupt run cannot loop).
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private ulong ReadVarint(int bits)
        {
            ulong value = 0;
            for (var shift = 0; shift < bits && Offset < Length; shift += 7)
            {
                var b = ReadByte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            return value;
        }

        /// <summary>As <see cref="SearchIndexFormat.ReadString"/>.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public string ReadString()
        {
            var length = ReadInt();
            if (length <= 0 || length > Length - Offset)
            {
                return string.Empty;
            }

            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)ReadInt();
            }

            return new string(chars);
        }

        /// <summary>Past a string that <see cref="ReadString"/> would read.</summary>
        [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void SkipString()
        {
            var length = ReadInt();
            if (length <= 0 || length > Length - Offset)
            {
                return;
            }

            for (var i = 0; i < length; i++)
            {
                _ = ReadInt();
            }
        }
    }
}
