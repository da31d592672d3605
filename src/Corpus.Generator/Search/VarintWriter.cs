using System;
using System.Runtime.CompilerServices;

namespace Corpus.Generator.Search;

/// <summary>A growing byte buffer of unsigned LEB128 varints and strings, as <see cref="SearchIndexFormat"/> reads them.</summary>
internal sealed class VarintWriter
{
    private byte[] _bytes;

    public VarintWriter(int capacity = 256) => _bytes = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public byte[] Buffer => _bytes;

    [MethodImpl(Jit.Inlined)]
    public void Write(int value) => Write((long)(uint)value);

    [MethodImpl(Jit.Inlined)]
    public void Write(long value)
    {
        var unsigned = (ulong)value;
        while (unsigned >= 0x80)
        {
            Add((byte)(unsigned | 0x80));
            unsigned >>= 7;
        }

        Add((byte)unsigned);
    }

    public void Write(string value)
    {
        Write(value.Length);
        foreach (var c in value)
        {
            Write((int)c);
        }
    }

    /// <summary>One byte as it is (not a varint).</summary>
    [MethodImpl(Jit.Inlined)]
    public void WriteByte(byte value) => Add(value);

    public void Write(byte[] bytes, int offset, int count)
    {
        Reserve(count);
        Array.Copy(bytes, offset, _bytes, Length, count);
        Length += count;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Write(VarintWriter other) => Write(other._bytes, 0, other.Length);

    public void Clear() => Length = 0;

    /// <summary>A varint this writer wrote, read back from the generator's own bytes (a <see cref="SearchDocument"/>'s postings).</summary>
    [MethodImpl(Jit.Inlined)]
    public static int Read(ReadOnlySpan<byte> data, ref int offset)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[offset++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    public byte[] ToArray()
    {
        var copy = new byte[Length];
        Array.Copy(_bytes, copy, Length);
        return copy;
    }

    // Every byte of every varint: inlined, the growth out of line.
    [MethodImpl(Jit.Inlined)]
    private void Add(byte value)
    {
        if (Length == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[Length++] = value;
    }

    private void Reserve(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Grow(count);
        }
    }

    private void Grow(int count) => Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
}
