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

    // Open addressing, a power of two at most half full. A term of one to four characters, none of them NUL (most terms:
    // CJK characters and bigrams), is found by its characters packed in the slot's key, with no other array read (the
    // writer's table of a segment is hundreds of thousands of terms: each read elsewhere is a cache miss); others by
    // their hash and characters, their key 0.
    private Slot[] _slots = new Slot[512];

    // The sort keys of Ordered.
    private ulong[] _keys = new ulong[256];

    /// <summary>How many distinct terms were interned.</summary>
    public int Count { get; private set; }

    /// <summary>How many characters the distinct terms have in all.</summary>
    public int Characters => _charCount;

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

    /// <summary>The number of <paramref name="term"/> if it was interned, else −1.</summary>
    [MethodImpl(Jit.Optimized)]
    public int Find(ReadOnlySpan<char> term)
    {
        var key = Packed(term);
        var hash = key != 0 ? Mix(key) : Hash(term);
        return _slots[SlotOf(term, key, hash)].Number - 1;
    }

    /// <summary>The number of <paramref name="term"/>: the one it was given when first interned, else the next one.</summary>
    [MethodImpl(Jit.Inlined)]
    public int Intern(ReadOnlySpan<char> term)
    {
        var key = Packed(term);
        var hash = key != 0 ? Mix(key) : Hash(term);
        var slot = SlotOf(term, key, hash);
        var number = _slots[slot].Number;
        return number != 0 ? number - 1 : Add(term, key, hash, slot);
    }

    /// <summary>The slot that holds <paramref name="term"/>, else the empty one where it goes.</summary>
    [MethodImpl(Jit.Inlined)]
    private int SlotOf(ReadOnlySpan<char> term, ulong key, int hash)
    {
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot].Number != 0)
        {
            if (key != 0)
            {
                if (_slots[slot].Key == key)
                {
                    return slot;
                }
            }
            else if (_slots[slot].Key == 0)
            {
                var id = _slots[slot].Number - 1;
                if (_hashes[id] == hash && term.SequenceEqual(this[id]))
                {
                    return slot;
                }
            }

            slot = (slot + 1) & mask;
        }

        return slot;
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

        KeySort.Sort(_keys, ids, Count);
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

    [MethodImpl(Jit.Optimized)]
    private int Add(ReadOnlySpan<char> term, ulong key, int hash, int slot)
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
        _slots[slot] = new Slot { Key = key, Number = id + 1 };
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Number == 0)
            {
                continue;
            }

            var slot = _hashes[entry.Number - 1] & mask;
            while (_slots[slot].Number != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = entry;
        }
    }

    /// <summary>The characters of a term of one to four, none NUL, packed in a number (never 0); else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Packed(ReadOnlySpan<char> term)
    {
        if (term.Length == 0 || term.Length > 4)
        {
            return 0;
        }

        ulong key = 0;
        foreach (var c in term)
        {
            if (c == '\0')
            {
                return 0;
            }

            key = (key << 16) | c;
        }

        return key;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mix(ulong key)
    {
        key *= 0x9E3779B97F4A7C15UL;
        return (int)(key >> 33);
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

    private struct Slot
    {
        public ulong Key;

        /// <summary>The term's number plus one; 0 for an empty slot.</summary>
        public int Number;
    }

    private sealed class OrdinalOrder(SearchTermTable table) : IComparer<int>
    {
        public int Compare(int x, int y) => table[x].SequenceCompareTo(table[y]);
    }
}
