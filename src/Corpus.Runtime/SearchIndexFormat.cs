/// <summary>
/// The search index's format, shared by the generator that writes it and the runtime that reads it (compiled into
/// the generator as a linked file): segment names, the packing of bytes into the characters of a constant, varints.
/// </summary>
/// <remarks>
/// A segment indexes the articles of <see cref="ChunksPerSegment"/> consecutive data chunks, its documents numbered
/// in slot order (chunk by chunk, by Id within a chunk). Its constants are <c>D</c> (statistics, the per-document
/// tables and the first term of each block) and <c>B0</c>, <c>B1</c>, … (terms in ordinal order with their postings).
/// Bytes are packed 14 bits a character, as characters from U+4E00: CJK ideographs, which a C# literal holds as
/// they are (no escapes) and every runtime reads back alike.
/// </remarks>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
static partial class SearchIndexFormat
{
    /// <summary>How many data chunks one index segment covers: a seed edit rebuilds one segment.</summary>
    public const int ChunksPerSegment = 16;

    /// <summary>The nested class of a segment is this prefix and its number in four digits.</summary>
    public const string SegmentPrefix = "Search";

    public const int Version = 3;

    private const int Bits = 14;
    private const int Mask = (1 << Bits) - 1;
    private const char Base = '\u4E00';

    public static int SegmentCount(int chunkCount) => (chunkCount + ChunksPerSegment - 1) / ChunksPerSegment;

    public static string SegmentName(int segment) => SegmentPrefix + segment.ToString("D4", global::System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bytes as characters: the length in two characters, then the bits, 14 to a character, lowest first.</summary>
    public static string Pack(byte[] bytes, int length)
    {
        var chars = new char[2 + (((length * 8) + Bits - 1) / Bits)];
        chars[0] = (char)(Base + (length & Mask));
        chars[1] = (char)(Base + ((length >> Bits) & Mask));
        var at = 2;
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

        return new string(chars, 0, at);
    }

    /// <summary>The bytes <see cref="Pack"/> packed; empty for a string that is not a packing.</summary>
    public static byte[] Unpack(string packed)
    {
        if (packed.Length < 2)
        {
            return new byte[0];
        }

        var length = (packed[0] - Base) | ((packed[1] - Base) << Bits);
        if (length < 0 || ((long)length * 8) > (long)(packed.Length - 2) * Bits)
        {
            return new byte[0];
        }

        var bytes = new byte[length];
        var buffer = 0;
        var held = 0;
        var at = 2;
        for (var i = 0; i < length; i++)
        {
            while (held < 8)
            {
                buffer |= ((packed[at++] - Base) & Mask) << held;
                held += Bits;
            }

            bytes[i] = (byte)buffer;
            buffer >>= 8;
            held -= 8;
        }

        return bytes;
    }

    /// <summary>
    /// Whether the index keeps a term's positions: words and CJK bigrams (<see cref="SearchAnalyzer.Bigram"/>) yes; a single
    /// CJK character (its documents and counts are all a one-character term needs) and a tag no.
    /// </summary>
    public static bool HasPositions(string term) => term.Length > 0 && term[0] != '\u0001' && !SearchAnalyzer.IsCjkTerm(term);

    /// <summary>An unsigned LEB128 varint (at most 5 bytes read: a corrupt run cannot loop).</summary>
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

    /// <summary>One document of a term's postings: the gap from the previous one and a code of which counts follow (SearchIndexWriter).</summary>
    public static void ReadPosting(byte[] data, ref int offset, ref int document, out int inTitle, out int inText)
    {
        var head = ReadLong(data, ref offset);
        document += (int)(head >> 2);
        var code = (int)(head & 3);
        inTitle = code == 2 ? ReadInt(data, ref offset) : 0;
        inText = code == 0 ? 1 : ReadInt(data, ref offset);
    }

    /// <summary>A string: its length, then each UTF-16 unit as a varint.</summary>
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

    /// <summary>A date as the per-document table holds it: 0 undated; whole seconds as odd codes; other ticks as even codes.</summary>
    public static long DateCode(long? utcTicks) =>
        utcTicks is not long ticks ? 0
        : ticks % global::System.TimeSpan.TicksPerSecond == 0 ? ((ticks / global::System.TimeSpan.TicksPerSecond) << 1) | 1
        : ticks << 1;

    /// <summary>The UTC ticks of a <see cref="DateCode"/>; <see cref="long.MinValue"/> when undated.</summary>
    public static long TicksOf(long code) =>
        code == 0 ? long.MinValue
        : (code & 1) == 1 ? (code >> 1) * global::System.TimeSpan.TicksPerSecond
        : code >> 1;
}
