using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;

namespace Corpus.Generator.Search;

/// <summary>
/// Bits, lowest first, as <see cref="SearchIndexFormat.BitReader"/> reads them: plain bits, Rice codes (with an escape
/// for outliers) and Elias gamma codes; <see cref="RiceBits"/> and <see cref="BestRice"/> choose a list's parameter.
/// </summary>
internal sealed class BitWriter
{
    private byte[] _bytes = new byte[64];
    private int _count;
    private ulong _buffer;
    private int _held;

    /// <summary>How many bits were written.</summary>
    public long Length => (_count * 8L) + _held;

    /// <summary>The <paramref name="count"/> (at most 32) low bits of <paramref name="value"/>.</summary>
    [MethodImpl(Jit.Inlined)]
    public void Bits(int value, int count)
    {
        if (count == 0)
        {
            return;
        }

        // Held bits stay below 32 between calls, so 32 more fit the buffer; they leave it four bytes at a time.
        _buffer |= ((ulong)(uint)value & ((1UL << count) - 1)) << _held;
        _held += count;
        if (_held >= 32)
        {
            Reserve(4);
            _bytes[_count] = (byte)_buffer;
            _bytes[_count + 1] = (byte)(_buffer >> 8);
            _bytes[_count + 2] = (byte)(_buffer >> 16);
            _bytes[_count + 3] = (byte)(_buffer >> 24);
            _count += 4;
            _buffer >>= 32;
            _held -= 32;
        }
    }

    private void Reserve(int count)
    {
        if (_count + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _count + count));
        }
    }

    /// <summary>The held bits as bytes just past the whole ones (the last padded with zeros), the state unchanged: how many.</summary>
    private int Tail()
    {
        var tail = (_held + 7) / 8;
        Reserve(tail);
        for (var i = 0; i < tail; i++)
        {
            _bytes[_count + i] = (byte)(_buffer >> (8 * i));
        }

        return tail;
    }

    [MethodImpl(Jit.Inlined)]
    public void Bit(bool one) => Bits(one ? 1 : 0, 1);

    [MethodImpl(Jit.Inlined)]
    public void Rice(int value, int k)
    {
        var quotient = value >> k;
        if (quotient < SearchIndexFormat.BitReader.MaxUnary && quotient + 1 + k <= 32)
        {
            // quotient ones, a zero, then the k low bits: one call.
            Bits((int)((1u << quotient) - 1) | ((value & ((1 << k) - 1)) << (quotient + 1)), quotient + 1 + k);
            return;
        }

        if (quotient < SearchIndexFormat.BitReader.MaxUnary)
        {
            // quotient ones, then a zero.
            Bits((1 << quotient) - 1, quotient + 1);
        }
        else
        {
            Bits((1 << SearchIndexFormat.BitReader.MaxUnary) - 1, SearchIndexFormat.BitReader.MaxUnary);
            Gamma(quotient - SearchIndexFormat.BitReader.MaxUnary + 1);
        }

        Bits(value & ((1 << k) - 1), k);
    }

    /// <summary>A value below <paramref name="bound"/> in the fewest whole bits (truncated binary; nothing when the bound is 1).</summary>
    [MethodImpl(Jit.Inlined)]
    public void Below(int value, int bound)
    {
        var bits = SearchIndexFormat.BitWidth(bound) - 1;
        var shortCodes = (1 << (bits + 1)) - bound;
        if (value < shortCodes)
        {
            Bits(value, bits);
        }
        else
        {
            // The long code's high bits first, its lowest bit after them: the reader reads the short width, then one more.
            var code = value + shortCodes;
            Bits(code >> 1, bits);
            Bits(code & 1, 1);
        }
    }

    /// <summary>
    /// One document's positions in one field, ascending, below the field's <paramref name="span"/>: one alone in truncated
    /// binary, more as the first and then each gap less one, Rice-coded (as the runtime's <c>SearchSegment</c> reads them).
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public void Positions(int[] positions, int first, int count, int span)
    {
        if (count == 1)
        {
            Below(positions[first], span);
        }
        else if (count > 1)
        {
            var k = SearchIndexFormat.PositionRice(span, count);
            Rice(positions[first], k);
            for (var i = first + 1; i < first + count; i++)
            {
                Rice(positions[i] - positions[i - 1] - 1, k);
            }
        }
    }

    /// <summary>The first <paramref name="count"/> bits of <paramref name="bits"/> (lowest first, as this writer writes them), after the bits written.</summary>
    [MethodImpl(Jit.Inlined)]
    public void Append(ReadOnlySpan<byte> bits, int count)
    {
        var i = 0;
        for (; count >= 32; count -= 32, i += 4)
        {
            Bits(bits[i] | (bits[i + 1] << 8) | (bits[i + 2] << 16) | (bits[i + 3] << 24), 32);
        }

        for (; count >= 8; count -= 8)
        {
            Bits(bits[i++], 8);
        }

        if (count > 0)
        {
            Bits(bits[i], count);
        }
    }

    [MethodImpl(Jit.Inlined)]
    public void Gamma(int value)
    {
        var bits = SearchIndexFormat.BitWidth(value);
        if (bits <= 16)
        {
            // The zeros, then the value's bits from its highest: its bits reversed, past the zeros, in one call.
            var reversed = 0;
            for (var i = 0; i < bits; i++)
            {
                reversed = (reversed << 1) | ((value >> i) & 1);
            }

            Bits(reversed << (bits - 1), (2 * bits) - 1);
            return;
        }

        Bits(0, bits - 1);
        for (var i = bits - 1; i >= 0; i--)
        {
            Bits((value >> i) & 1, 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GammaBits(int value) => (2 * SearchIndexFormat.BitWidth(value)) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long RiceBits(int value, int k)
    {
        var quotient = value >> k;
        return k + (quotient < SearchIndexFormat.BitReader.MaxUnary
            ? quotient + 1
            : SearchIndexFormat.BitReader.MaxUnary + GammaBits(quotient - SearchIndexFormat.BitReader.MaxUnary + 1));
    }

    /// <summary>
    /// The Rice parameter (0–15) that codes <paramref name="values"/> (each ≥ 0, less <paramref name="minus"/>) in the
    /// fewest bits, among the three around the one their mean suggests.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    public static int BestRice(int[] values, int count, int minus = 0)
    {
        if (count == 0)
        {
            return 0;
        }

        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += values[i] - minus;
        }

        var guess = Math.Min(15, SearchIndexFormat.BitWidth((int)Math.Min(int.MaxValue, sum / count)));
        var best = 0;
        var bestBits = long.MaxValue;
        for (var k = Math.Max(0, guess - 2); k <= Math.Min(15, guess + 1); k++)
        {
            long bits = 0;
            for (var i = 0; i < count; i++)
            {
                bits += RiceBits(values[i] - minus, k);
            }

            if (bits < bestBits)
            {
                best = k;
                bestBits = bits;
            }
        }

        return best;
    }

    /// <summary>Empties the writer for the next list.</summary>
    public void Clear()
    {
        _count = 0;
        _buffer = 0;
        _held = 0;
    }

    /// <summary>Appends the bytes, the last one padded with zeros, to <paramref name="writer"/>.</summary>
    public void WriteTo(VarintWriter writer)
    {
        if (_count == 0)
        {
            // All still held (a short list: most of a document's positions): their bytes, no copy call.
            for (var i = 0; i < _held; i += 8)
            {
                writer.WriteByte((byte)(_buffer >> i));
            }

            return;
        }

        // Tail first: it may grow the array.
        var length = _count + Tail();
        writer.Write(_bytes, 0, length);
    }

    /// <summary>The bytes, the last one padded with zeros.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[_count + Tail()];
        Array.Copy(_bytes, bytes, bytes.Length);
        return bytes;
    }
}
