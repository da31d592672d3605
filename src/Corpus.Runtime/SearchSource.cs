/// <summary>
/// What search needs of a part of the corpus, whether it answers from the compiled index (a segment of it) or by
/// reading the articles (the reference scan the index is tested against): documents numbered from 0, the postings of a
/// clause, and each document's lengths and facet values. <see cref="SearchEngine"/> ranks over several sources with
/// their statistics summed, so a corpus split over shards ranks as one project.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
abstract partial class SearchSource
{
    /// <summary>How many documents.</summary>
    public abstract int Count { get; }

    /// <summary>The tokens of every title together (for BM25's average length).</summary>
    public abstract long TitleTokens { get; }

    /// <summary>The tokens of every text together.</summary>
    public abstract long TextTokens { get; }

    /// <summary>
    /// The documents where the clause occurs, ascending, with how often in the title and in the text; a clause the index
    /// cannot decide alone is checked by reading articles as far as <paramref name="budget"/> allows.
    /// </summary>
    public abstract Postings Find(SearchQuery.Clause clause, CheckBudget budget);

    /// <summary>The documents where a clause looked up outside a search occurs (a tag, a term of <c>Related</c>): as one segment alone reads them.</summary>
    public Postings Find(SearchQuery.Clause clause) => Find(clause, CheckBudget.OneClause());

    /// <summary>
    /// What a query needs of this source: for each clause, its postings in (at least) the documents where every clause
    /// occurs, and its document count here added to <paramref name="frequencies"/> (for its idf). Here each clause's
    /// postings in full; the index finds a clause whose count it holds only in the documents of the others, and reads
    /// articles to check a clause only as far as <paramref name="budget"/> allows.
    /// </summary>
    public virtual Postings[] Find(SearchQuery.Clause[] clauses, long[] frequencies, CheckBudget budget)
    {
        var postings = new Postings[clauses.Length];
        for (var c = 0; c < clauses.Length; c++)
        {
            postings[c] = Find(clauses[c], budget);
            frequencies[c] += postings[c].Count;
        }

        return postings;
    }

    /// <summary>In how many documents one term of the index occurs: a word, a CJK character, or two touching (<see cref="SearchAnalyzer.Bigram"/>).</summary>
    public abstract int DocumentFrequency(string term);

    /// <summary>The documents with this tag (<see cref="SearchAnalyzer.TagTerm"/>), ascending.</summary>
    public abstract Postings FindTag(string tagTerm);

    public abstract int TitleLength(int document);

    public abstract int TextLength(int document);

    /// <summary>The document's <see cref="Article.Id"/>: equal scores and dates are ordered by it, as <c>All</c> is.</summary>
    public abstract string Id(int document);

    /// <summary>The distinct outlets; <see cref="OutletCode"/> indexes them (facets and filters count codes, not strings).</summary>
    public abstract string[] OutletNames { get; }

    public abstract int OutletCode(int document);

    /// <summary>The distinct languages; <see cref="LanguageCode"/> indexes them.</summary>
    public abstract string[] LanguageNames { get; }

    public abstract int LanguageCode(int document);

    public string Outlet(int document) => OutletNames[OutletCode(document)];

    public string Language(int document) => LanguageNames[LanguageCode(document)];

    /// <summary><see cref="Article.PublishedAt"/> in UTC ticks; <see cref="long.MinValue"/> when undated.</summary>
    public abstract long Ticks(int document);

    /// <summary>The year of <see cref="Article.PublishedAt"/> in its own offset; 0 when undated.</summary>
    public abstract int Year(int document);

    /// <summary>The document's article; materialised only for what a search returns.</summary>
    public abstract Article Article(int document);

    private global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<int>>? _byUrlKey;

    /// <summary>The documents at an address with this key (<see cref="ArticleUrlKey"/>): rewritten versions of one story. Indexed on first use.</summary>
    public global::System.Collections.Generic.List<int>? DocumentsAt(string urlKey)
    {
        var byKey = global::System.Threading.Volatile.Read(ref _byUrlKey);
        if (byKey is null)
        {
            byKey = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<int>>(global::System.StringComparer.Ordinal);
            for (var document = 0; document < Count; document++)
            {
                var key = ArticleUrlKey.Of(Article(document).UrlText);
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = new global::System.Collections.Generic.List<int>(1);
                }

                list.Add(document);
            }

            global::System.Threading.Volatile.Write(ref _byUrlKey, byKey);
        }

        return byKey.TryGetValue(urlKey, out var found) ? found : null;
    }

    /// <summary>Documents ascending, with a clause's count in the title and in the text of each.</summary>
    public sealed class Postings
    {
        public static readonly Postings None = new Postings(new int[0], new int[0], new int[0], 0);

        public Postings(int[] documents, int[] titleCounts, int[] textCounts, int count, bool capped = false)
        {
            Documents = documents;
            TitleCounts = titleCounts;
            TextCounts = textCounts;
            Count = count;
            Capped = capped;
        }

        public int[] Documents { get; }

        public int[] TitleCounts { get; }

        public int[] TextCounts { get; }

        public int Count { get; }

        /// <summary>Some documents that may hold the clause were not checked (<see cref="CheckBudget"/>): these postings may miss some.</summary>
        public bool Capped { get; }
    }

    /// <summary>Collects postings in document order.</summary>
    public sealed class PostingsBuilder
    {
        private int[] _documents;
        private int[] _titles;
        private int[] _texts;
        private int _count;

        public PostingsBuilder()
            : this(16)
        {
        }

        /// <param name="capacity">How many postings it will hold, about (it grows past them).</param>
        public PostingsBuilder(int capacity)
        {
            capacity = global::System.Math.Max(4, capacity);
            _documents = new int[capacity];
            _titles = new int[capacity];
            _texts = new int[capacity];
        }

        public void Add(int document, int titleCount, int textCount)
        {
            if (_count == _documents.Length)
            {
                global::System.Array.Resize(ref _documents, _count * 2);
                global::System.Array.Resize(ref _titles, _count * 2);
                global::System.Array.Resize(ref _texts, _count * 2);
            }

            _documents[_count] = document;
            _titles[_count] = titleCount;
            _texts[_count] = textCount;
            _count++;
        }

        public Postings ToPostings(bool capped = false) =>
            _count == 0 && !capped ? Postings.None : new Postings(_documents, _titles, _texts, _count, capped);
    }
}
