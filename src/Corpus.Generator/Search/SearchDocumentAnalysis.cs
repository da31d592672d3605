using System;
using System.Runtime.CompilerServices;

namespace Corpus.Generator.Search;

/// <summary>
/// The scratch of <see cref="SearchDocument.Of"/>, reused from one document to the next: the runtime's tokens
/// (<see cref="SearchAnalyzer.Tokenize{TSink}"/>) interned as they come (<see cref="SearchTermTable"/>), their positions
/// in flat arrays, then written out as one string and one byte array, bucket by bucket (a counting sort of the terms
/// by first character), each in the order they came. Each CJK character's
/// run ends (its occurrences that no touching CJK character follows) are counted here, where the tokens are in order:
/// the writer needs them, and finding them from the terms would need the terms sorted (a character followed by its
/// bigrams), a sort of every document that cost 40 % of the analysis.
/// </summary>
internal sealed class SearchDocumentAnalysis
{
    private readonly SearchTermTable _terms = new();
    private readonly char[] _word = new char[SearchAnalyzer.MaxWordLength];
    private readonly VarintWriter _postings = new(4096);
    private readonly VarintWriter _header = new(64);
    private readonly BitWriter _bits = new();

    // By term number: its occurrences in the title and in the text.
    private int[] _titleCounts = new int[256];
    private int[] _textCounts = new int[256];

    // By term number, for a CJK character: its occurrences in the title and in the text that end a run of CJK.
    private int[] _titleRunEnds = new int[256];
    private int[] _textRunEnds = new int[256];

    // Every occurrence in order, the title's first: its term and its position.
    private int[] _occurrenceTerms = new int[1024];
    private int[] _occurrencePositions = new int[1024];
    private int _occurrences;

    private int[] _grouped = new int[1024];
    private int[] _next = new int[256];
    private char[] _chars = new char[1024];

    // The term numbers by bucket, each bucket's in the order they came, and where each bucket ends there.
    private int[] _byBucket = new int[256];
    private readonly int[] _bucketEnds = new int[SearchDocument.Buckets];

    // The CJK token before, while the last token was one: its characters (then the next one's, for the bigram) and its position.
    private readonly char[] _pair = new char[4];
    private int _previousLength;
    private int _previousPosition;
    private int _previousTerm;

    // The last token was a word; or a CJK character already given its word-neighbour term (a word came before it).
    private bool _previousWord;
    private bool _previousNeighbour;
    private readonly char[] _neighbour = new char[3];

    /// <summary>Analyses one field; its token count and its span (one past its last position).</summary>
    public (int Tokens, int Span) Field(string text, bool inTitle)
    {
        var sink = new Sink(this, text, inTitle);
        _previousLength = 0;
        _previousWord = false;
        SearchAnalyzer.Tokenize(text, 0, text.Length, _word, ref sink);
        if (_previousLength > 0)
        {
            RunEnd(inTitle);
        }

        return (sink.Tokens, sink.LastPosition + 1);
    }

    /// <summary>A tag's term: in the document, neither in its title nor in its text.</summary>
    public void Tag(string term) => Intern(term.AsSpan());

    /// <summary>The document's distinct terms: how many, in the order they first came one after the other, and their postings (<see cref="SearchDocument"/>); the scratch is cleared.</summary>
    [MethodImpl(Jit.Optimized)]
    public (int Count, string Terms, byte[] Postings) Finish(int titleSpan, int textSpan)
    {
        var count = _terms.Count;

        // Each term's positions together, in the order they came (title then text, each ascending): a counting sort.
        if (_next.Length < count)
        {
            _next = new int[_terms.Count * 2];
        }

        if (_grouped.Length < _occurrences)
        {
            _grouped = new int[_occurrences * 2];
        }

        // The terms by bucket (SearchDocument.BucketOf): a counting sort, each bucket's in the order the terms came.
        if (_byBucket.Length < count)
        {
            _byBucket = new int[count * 2];
        }

        Array.Clear(_bucketEnds, 0, _bucketEnds.Length);
        var start = 0;
        for (var id = 0; id < count; id++)
        {
            _next[id] = start;
            start += _titleCounts[id] + _textCounts[id];
            _bucketEnds[SearchDocument.BucketOf(_terms[id][0])]++;
        }

        for (var bucket = 1; bucket < _bucketEnds.Length; bucket++)
        {
            _bucketEnds[bucket] += _bucketEnds[bucket - 1];
        }

        for (var id = count - 1; id >= 0; id--)
        {
            _byBucket[--_bucketEnds[SearchDocument.BucketOf(_terms[id][0])]] = id;
        }

        for (var i = 0; i < _occurrences; i++)
        {
            _grouped[_next[_occurrenceTerms[i]]++] = _occurrencePositions[i];
        }

        var characters = _terms.Characters;
        if (_chars.Length < characters)
        {
            _chars = new char[characters * 2];
        }

        // Bucket by bucket, each in the order the terms came; the header says where each ends. Placing the terms left
        // in _bucketEnds where each bucket starts: it ends where the next one starts.
        _postings.Clear();
        _header.Clear();
        var at = 0;
        for (var bucket = 0; bucket < SearchDocument.Buckets; bucket++)
        {
            var (bucketAt, bucketBytes) = (at, _postings.Length);
            var end = bucket + 1 < SearchDocument.Buckets ? _bucketEnds[bucket + 1] : count;
            for (var k = _bucketEnds[bucket]; k < end; k++)
            {
                var id = _byBucket[k];
                var term = _terms[id];
                if (term.Length <= 2)
                {
                    // Most terms (CJK characters and bigrams): two stores, not a copy call.
                    _chars[at] = term[0];
                    if (term.Length == 2)
                    {
                        _chars[at + 1] = term[1];
                    }
                }
                else
                {
                    term.CopyTo(_chars.AsSpan(at));
                }

                at += term.Length;
                var inTitle = _titleCounts[id];
                var inText = _textCounts[id];
                _postings.Write(term.Length);
                _postings.Write(inTitle);
                _postings.Write(inText);
                if (SearchTermKind.IsCjkCharacter(term))
                {
                    _postings.Write(_titleRunEnds[id]);
                    _postings.Write(_textRunEnds[id]);
                }
                else if (SearchTermKind.HasPositions(term))
                {
                    // Coded here as the writer's TermData codes them: the writer copies the bits (the analysis of a
                    // clean build starts early, on threads the writer's segments do not have).
                    var first = _next[id] - inTitle - inText;
                    _bits.Clear();
                    _bits.Positions(_grouped, first, inTitle, titleSpan);
                    _bits.Positions(_grouped, first + inTitle, inText, textSpan);
                    _postings.Write(_bits.Length);
                    _bits.WriteTo(_postings);
                }
            }

            _header.Write(at - bucketAt);
            _header.Write(_postings.Length - bucketBytes);
        }

        var postings = new byte[_header.Length + _postings.Length];
        _header.Buffer.AsSpan(0, _header.Length).CopyTo(postings);
        _postings.Buffer.AsSpan(0, _postings.Length).CopyTo(postings.AsSpan(_header.Length));
        var result = (count, new string(_chars, 0, characters), postings);
        Array.Clear(_titleCounts, 0, count);
        Array.Clear(_textCounts, 0, count);
        Array.Clear(_titleRunEnds, 0, count);
        Array.Clear(_textRunEnds, 0, count);
        _occurrences = 0;
        _terms.Clear();
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Intern(ReadOnlySpan<char> term)
    {
        var id = _terms.Intern(term);
        if (id == _titleCounts.Length)
        {
            Array.Resize(ref _titleCounts, id * 2);
            Array.Resize(ref _textCounts, id * 2);
            Array.Resize(ref _titleRunEnds, id * 2);
            Array.Resize(ref _textRunEnds, id * 2);
        }

        return id;
    }

    [MethodImpl(Jit.Optimized)]
    private int Add(ReadOnlySpan<char> term, int position, bool inTitle)
    {
        var id = Intern(term);
        (inTitle ? _titleCounts : _textCounts)[id]++;
        if (_occurrences == _occurrenceTerms.Length)
        {
            Array.Resize(ref _occurrenceTerms, _occurrences * 2);
            Array.Resize(ref _occurrencePositions, _occurrences * 2);
        }

        _occurrenceTerms[_occurrences] = id;
        _occurrencePositions[_occurrences++] = position;
        return id;
    }

    /// <summary>The CJK character before ends its run: no CJK character touches it after.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RunEnd(bool inTitle) => (inTitle ? _titleRunEnds : _textRunEnds)[_previousTerm]++;

    /// <summary>A CJK character at its position, and with the one before when they touch, their bigram at that one's.</summary>
    [MethodImpl(Jit.Optimized)]
    private void Cjk(string text, int position, int start, int length, bool inTitle)
    {
        var character = text.AsSpan(start, length);
        if (_previousLength > 0 && _previousPosition + 1 == position)
        {
            character.CopyTo(_pair.AsSpan(_previousLength));
            Add(_pair.AsSpan(0, _previousLength + length), _previousPosition, inTitle);
        }
        else if (_previousLength > 0)
        {
            RunEnd(inTitle);
        }

        _previousTerm = Add(character, position, inTitle);
        _previousNeighbour = _previousWord;
        if (_previousWord)
        {
            AddNeighbour(character, position, inTitle);
        }

        character.CopyTo(_pair);
        _previousLength = length;
        _previousPosition = position;
        _previousWord = false;
    }

    private void Word(char[] word, int length, int position, bool inTitle)
    {
        // The CJK character just before, once: a word after it makes it a word's neighbour (it is at position − 1).
        if (_previousLength > 0)
        {
            RunEnd(inTitle);
            if (!_previousNeighbour)
            {
                AddNeighbour(_pair.AsSpan(0, _previousLength), _previousPosition, inTitle);
            }
        }

        _previousLength = 0;
        _previousWord = true;
        Add(word.AsSpan(0, length), position, inTitle);
    }

    /// <summary>A CJK character whose token before or after is a word: its <see cref="SearchAnalyzer.WordNeighbourTerm"/> at its position.</summary>
    private void AddNeighbour(ReadOnlySpan<char> character, int position, bool inTitle)
    {
        _neighbour[0] = SearchAnalyzer.WordNeighbourMark;
        character.CopyTo(_neighbour.AsSpan(1));
        Add(_neighbour.AsSpan(0, 1 + character.Length), position, inTitle);
    }

    /// <summary>Hands the runtime's tokens of one field to the analysis, counting them.</summary>
    private struct Sink(SearchDocumentAnalysis analysis, string text, bool inTitle) : SearchAnalyzer.ITokenSink
    {
        public int Tokens { get; private set; }

        public int LastPosition { get; private set; } = -1;

        public void Cjk(int position, int start, int length)
        {
            Tokens++;
            LastPosition = position;
            analysis.Cjk(text, position, start, length, inTitle);
        }

        public void Word(char[] word, int foldedLength, int position, int start, int length)
        {
            Tokens++;
            LastPosition = position;
            analysis.Word(word, foldedLength, position, inTitle);
        }
    }
}
