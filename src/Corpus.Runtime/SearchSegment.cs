/// <summary>
/// One segment of the compiled search index (<see cref="SearchIndexFormat"/>; written by the generator's
/// SearchIndexWriter): its directory (statistics and the per-document tables: lengths, facet codes, dates, Ids) is read
/// when the segment is first searched, each block of terms when a query needs one of its terms, and kept up to
/// <see cref="MaxCachedBytes"/> for all segments together. Postings are decoded per query; positions only for the documents that every unit of a
/// clause shares; a clause of one term among several only in the documents the others share. CJK: a character is its own full list when it is frequent, else the documents where it ends a run
/// added to those of its bigrams (the terms it starts); two are a bigram's, more are bigrams checked by position; one
/// beside a word in a clause (2020年) is its positions next to words (SearchAnalyzer.WordNeighbourTerm) checked by position.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class SearchSegment : SearchSource
{
    private readonly SearchIndexData _data;
    private readonly int _segment;
    private readonly ArticleStore _store;
    private readonly int _firstSlot;
    private readonly int _count;
    private readonly long _titleTokens;
    private readonly long _textTokens;
    private readonly string[] _outletNames;
    private readonly string[] _languageNames;
    private readonly int[] _titleLengths;
    private readonly int[] _textLengths;
    private readonly int[] _titleSpans;
    private readonly int[] _textSpans;
    private readonly int[] _outlets;
    private readonly int[] _languages;
    private readonly int[] _years;
    private readonly long[] _ticks;
    // Each document's Id is read from the directory where it lies when the order first needs it (equal scores and dates).
    private readonly SearchIndexData.Packed _directory;
    private readonly int[] _idOffsets;
    private string?[]? _ids;
    private readonly string[] _firstTerms;
    private readonly Block?[] _blocks;

    /// <param name="data">The index's storage.</param>
    /// <param name="segment">The segment's number.</param>
    /// <param name="store">The store whose chunks the segment covers.</param>
    /// <param name="firstSlot">The store's slot (its chunks' slots, in order) of the segment's first document.</param>
    public SearchSegment(SearchIndexData data, int segment, ArticleStore store, int firstSlot)
    {
        _data = data;
        _segment = segment;
        _store = store;
        _firstSlot = firstSlot;
        var d = data.Directory(segment);
        if (d.Length == 0 || d.ReadInt() != SearchIndexFormat.Version)
        {
            throw new global::System.InvalidOperationException("The search index of this corpus was written by another version of Corpus.Generator, or is absent.");
        }

        _count = d.ReadInt();
        _titleTokens = d.ReadLong();
        _textTokens = d.ReadLong();
        _outletNames = ReadStrings(ref d);
        _languageNames = ReadStrings(ref d);
        _titleLengths = new int[_count];
        _textLengths = new int[_count];
        _outlets = new int[_count];
        _languages = new int[_count];
        _years = new int[_count];
        _ticks = new long[_count];
        _titleSpans = new int[_count];
        _textSpans = new int[_count];
        _idOffsets = new int[_count];
        ReadTable(ref d, _titleLengths, _textLengths, _outlets, _languages, _years, _ticks, _titleSpans, _textSpans, _idOffsets);
        _directory = d;
        _firstTerms = ReadStrings(ref d);
        _blocks = new Block?[_firstTerms.Length];
    }

    /// <summary>
    /// The directory's row of every document and where its Id is, read on a segment's first search: compiled optimised
    /// at once (the tiered JIT would run these hundreds of thousands of varints, at 100,000 articles, as its slow first code).
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
    private static void ReadTable(ref SearchIndexData.Packed d, int[] titleLengths, int[] textLengths, int[] outlets, int[] languages, int[] years, long[] ticks, int[] titleSpans, int[] textSpans, int[] idOffsets)
    {
        for (var i = 0; i < idOffsets.Length; i++)
        {
            titleLengths[i] = d.ReadInt();
            textLengths[i] = d.ReadInt();
            outlets[i] = d.ReadInt();
            languages[i] = d.ReadInt();
            years[i] = d.ReadInt();
            ticks[i] = SearchIndexFormat.TicksOf(d.ReadLong());
            titleSpans[i] = titleLengths[i] + d.ReadInt();
            textSpans[i] = textLengths[i] + d.ReadInt();
        }

        for (var i = 0; i < idOffsets.Length; i++)
        {
            idOffsets[i] = d.Offset;
            d.SkipString();
        }
    }

    public override int Count => _count;

    public override long TitleTokens => _titleTokens;

    public override long TextTokens => _textTokens;

    public override int TitleLength(int document) => _titleLengths[document];

    public override int TextLength(int document) => _textLengths[document];

    public override string Id(int document)
    {
        var ids = global::System.Threading.Volatile.Read(ref _ids);
        if (ids is null)
        {
            ids = new string?[_count];
            ids = global::System.Threading.Interlocked.CompareExchange(ref _ids, ids, null) ?? ids;
        }

        var id = global::System.Threading.Volatile.Read(ref ids[document]);
        if (id is null)
        {
            // Two threads may read it at once: equal strings.
            var reader = _directory;
            reader.Seek(_idOffsets[document]);
            id = reader.ReadString();
            global::System.Threading.Volatile.Write(ref ids[document], id);
        }

        return id;
    }

    public override string[] OutletNames => _outletNames;

    public override int OutletCode(int document) => _outlets[document];

    public override string[] LanguageNames => _languageNames;

    public override int LanguageCode(int document) => _languages[document];

    public override long Ticks(int document) => _ticks[document];

    public override int Year(int document) => _years[document];

    public override Article Article(int document) => _store.ArticleAtSlot(_firstSlot + document);

    public override int DocumentFrequency(string term)
    {
        var block = BlockOf(term);
        var index = block is null ? -1 : block.IndexOf(term);
        return index < 0 ? 0 : block!.Frequencies[index];
    }

    [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
    private static string[] ReadStrings(ref SearchIndexData.Packed d)
    {
        var strings = new string[d.ReadInt()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = d.ReadString();
        }

        return strings;
    }
}
