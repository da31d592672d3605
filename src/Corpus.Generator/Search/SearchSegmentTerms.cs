using System;

namespace Corpus.Generator.Search;

/// <summary>
/// A segment's terms in ordinal order, each with its document frequency and its coded data (the TermData of
/// <see cref="SearchIndexWriter"/>'s remarks), in flat arrays: what the blocks are cut from, and what an edit's write
/// reuses of the previous one (<see cref="SearchSegmentUpdate"/>) for every term the edit does not touch.
/// </summary>
internal sealed class SearchSegmentTerms
{
    private char[] _chars;
    private int _charCount;
    private int[] _termEnds;
    private int[] _frequencies;
    private byte[] _data;
    private int _dataLength;
    private int[] _dataEnds;

    public SearchSegmentTerms(int terms, int characters, int dataBytes)
    {
        _chars = new char[Math.Max(16, characters)];
        _termEnds = new int[Math.Max(16, terms)];
        _frequencies = new int[_termEnds.Length];
        _dataEnds = new int[_termEnds.Length];
        _data = new byte[Math.Max(16, dataBytes)];
    }

    public int Count { get; private set; }

    /// <summary>The characters of every term, one after the other (how much the terms cost a previous write kept).</summary>
    public int Characters => _charCount;

    /// <summary>The bytes of every term's data.</summary>
    public int DataBytes => _dataLength;

    public ReadOnlySpan<char> Term(int index) => new(_chars, TermStart(index), _termEnds[index] - TermStart(index));

    public string TermString(int index) => new(_chars, TermStart(index), _termEnds[index] - TermStart(index));

    public int DocumentFrequency(int index) => _frequencies[index];

    public ReadOnlySpan<byte> Data(int index) => new(_data, DataStart(index), _dataEnds[index] - DataStart(index));

    public int DataLength(int index) => _dataEnds[index] - DataStart(index);

    /// <summary>The place of <paramref name="term"/>, or the complement of where it would go (as <see cref="Array.BinarySearch(Array, object)"/>).</summary>
    public int Find(ReadOnlySpan<char> term)
    {
        var low = 0;
        var high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = Term(middle).SequenceCompareTo(term);
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

    /// <summary>Appends a term after the last (the caller keeps the ordinal order).</summary>
    public void Add(ReadOnlySpan<char> term, int documentFrequency, ReadOnlySpan<byte> data)
    {
        if (Count == _termEnds.Length)
        {
            var size = Count + (Count / 2) + 16;
            Array.Resize(ref _termEnds, size);
            Array.Resize(ref _frequencies, size);
            Array.Resize(ref _dataEnds, size);
        }

        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_charCount + term.Length, _chars.Length + (_chars.Length / 2)));
        }

        if (_dataLength + data.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_dataLength + data.Length, _data.Length + (_data.Length / 2)));
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        _charCount += term.Length;
        data.CopyTo(_data.AsSpan(_dataLength));
        _dataLength += data.Length;
        _termEnds[Count] = _charCount;
        _frequencies[Count] = documentFrequency;
        _dataEnds[Count] = _dataLength;
        Count++;
    }

    private int TermStart(int index) => index == 0 ? 0 : _termEnds[index - 1];

    private int DataStart(int index) => index == 0 ? 0 : _dataEnds[index - 1];
}
