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

    /// <summary>
    /// The bytes of block <paramref name="block"/> of a segment, unpacked from where they lie: its group's constant
    /// (<see cref="SearchIndexFormat.BlockGroupName"/>) read past the packings of the blocks before it; empty when it is absent.
    /// </summary>
    public byte[] ReadBlock(int segment, int block)
    {
        var constant = block < 0 ? null : Find(segment, SearchIndexFormat.BlockGroupName(block));
        if (constant is null)
        {
            return new byte[0];
        }

        return Unpack(InGroup(constant.Read(), block % SearchIndexFormat.BlocksPerConstant));
    }

    /// <summary>The packing of the <paramref name="index"/>th block of a group's characters, found past the ones before it; no bytes when there is none.</summary>
    internal static Packed InGroup(CompiledConstants.Chars group, int index)
    {
        var start = 0L;
        for (var before = index; before > 0 && start <= group.Length - 2; before--)
        {
            start += SearchIndexFormat.PackedLength(new Packed(group, (int)start).Length);
        }

        return new Packed(group, start <= group.Length - 2 ? (int)start : group.Length);
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

    /// <summary>The bytes <see cref="SearchIndexFormat.Pack"/> packed into <paramref name="reader"/>'s characters, with no copy of them first.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
    private static byte[] Unpack(Packed reader)
    {
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
        private readonly int _start;
        private int _next;
        private int _buffer;
        private int _held;

        /// <param name="chars">The characters the packing lies in.</param>
        /// <param name="start">Where it starts in them (its length's two characters): a group's blocks lie one after the other.</param>
        public Packed(CompiledConstants.Chars chars, int start = 0)
        {
            _chars = chars;
            _start = start;
            var length = start < 0 || start > chars.Length - 2 ? 0 : (chars[start] - SearchIndexFormat.Base) | ((chars[start + 1] - SearchIndexFormat.Base) << SearchIndexFormat.Bits);
            // Not a packing (too short for its length): no bytes.
            Length = length < 0 || ((long)length * 8) > (long)(chars.Length - start - 2) * SearchIndexFormat.Bits ? 0 : length;
            Offset = 0;
            _next = start + 2;
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
            _next = _start + 2 + (int)(bit / SearchIndexFormat.Bits);
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
