using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;

namespace Corpus.Generator.Search;

/// <summary>
/// Distinct terms, each stored once in one character pool and numbered in order of first sight: what the analysis of a
/// document and the writer of a segment intern their terms in, so that no string is made per occurrence. Reused
/// (<see cref="Clear"/>) from one document or segment to the next.
/// </summary>
internal sealed class SearchTermTable
{
    private char[] _chars = new char[1024];
    private int _charCount;
    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];
    private int[] _hashes = new int[256];

    // Open addressing, a power of two at most half full: each slot holds a term's number plus one, 0 when empty.
    private int[] _slots = new int[512];

    // The sort keys of Ordered.
    private ulong[] _keys = new ulong[256];

    /// <summary>How many distinct terms were interned.</summary>
    public int Count { get; private set; }

    /// <summary>The characters of term <paramref name="id"/>.</summary>
    public ReadOnlySpan<char> this[int id] => new(_chars, _starts[id], _lengths[id]);

    public void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(_slots, 0, _slots.Length);
        }

        Count = 0;
        _charCount = 0;
    }

    /// <summary>The number of <paramref name="term"/>: the one it was given when first interned, else the next one.</summary>
    [MethodImpl(Jit.Optimized)]
    public int Intern(ReadOnlySpan<char> term)
    {
        var hash = Hash(term);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0)
        {
            var id = _slots[slot] - 1;
            if (_hashes[id] == hash && term.SequenceEqual(this[id]))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }

        return Add(term, hash, slot);
    }

    /// <summary>Term numbers 0 to <see cref="Count"/> − 1 in ordinal order of their characters (as <see cref="string.CompareOrdinal(string, string)"/>).</summary>
    [MethodImpl(Jit.Optimized)]
    public int[] Ordered()
    {
        // Sorted by their first four characters packed in a number (zeros past the end: a prefix comes first), then
        // each run of equal numbers by all its characters: most terms are one or two characters long.
        var ids = new int[Count];
        if (_keys.Length < Count)
        {
            _keys = new ulong[Math.Max(Count, _keys.Length * 2)];
        }

        for (var id = 0; id < ids.Length; id++)
        {
            ids[id] = id;
            var term = this[id];
            ulong key = 0;
            for (var i = 0; i < 4; i++)
            {
                key = (key << 16) | (i < term.Length ? term[i] : 0u);
            }

            _keys[id] = key;
        }

        Array.Sort(_keys, ids, 0, Count);
        var order = new OrdinalOrder(this);
        for (var start = 0; start < ids.Length;)
        {
            var end = start + 1;
            while (end < ids.Length && _keys[end] == _keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(ids, start, end - start, order);
            }

            start = end;
        }

        return ids;
    }

    public string ToString(int id) => new(_chars, _starts[id], _lengths[id]);

    private int Add(ReadOnlySpan<char> term, int hash, int slot)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
            Array.Resize(ref _hashes, Count * 2);
        }

        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        var id = Count++;
        _starts[id] = _charCount;
        _lengths[id] = term.Length;
        _hashes[id] = hash;
        _charCount += term.Length;
        _slots[slot] = id + 1;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = id + 1;
        }
    }

    // FNV-1a over the UTF-16 units, its high bits folded down: the slot is taken from the low ones.
    [MethodImpl(Jit.Optimized)]
    private static int Hash(ReadOnlySpan<char> term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)((hash ^ (hash >> 15)) & 0x7FFFFFFF);
    }

    private sealed class OrdinalOrder(SearchTermTable table) : IComparer<int>
    {
        public int Compare(int x, int y) => table[x].SequenceCompareTo(table[y]);
    }
}
