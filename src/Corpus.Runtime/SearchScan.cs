/// <summary>
/// Search by reading every article: each title and text is analysed as the index analyses them and each clause is
/// looked for token by token. It is the reference the compiled index is tested against (same matches, same counts,
/// same scores), and what a corpus without an index (a design-time compilation has none) would search with.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class SearchScan : SearchSource
{
    private readonly Article[] _articles;
    private readonly global::System.Collections.Generic.List<SearchAnalyzer.Token>?[] _titles;
    private readonly global::System.Collections.Generic.List<SearchAnalyzer.Token>?[] _texts;
    private global::System.Collections.Generic.Dictionary<string, int>? _frequencies;
    private global::System.Collections.Generic.Dictionary<string, int>? _bigramFrequencies;
    private long _titleTokens = -1;
    private long _textTokens = -1;

    public SearchScan(Article[] articles)
    {
        _articles = articles;
        _titles = new global::System.Collections.Generic.List<SearchAnalyzer.Token>?[articles.Length];
        _texts = new global::System.Collections.Generic.List<SearchAnalyzer.Token>?[articles.Length];
    }

    public override int Count => _articles.Length;

    public override long TitleTokens => _titleTokens >= 0 ? _titleTokens : _titleTokens = Sum(TitleLength);

    public override long TextTokens => _textTokens >= 0 ? _textTokens : _textTokens = Sum(TextLength);

    /// <summary>Every article read, as a reference must: no budget bounds it.</summary>
    public override Postings Find(SearchQuery.Clause clause, CheckBudget budget)
    {
        var postings = new PostingsBuilder();
        var found = new global::System.Collections.Generic.List<int>();
        for (var document = 0; document < _articles.Length; document++)
        {
            found.Clear();
            SearchQuery.Occurrences(clause, Title(document), found);
            var inTitle = found.Count;
            found.Clear();
            SearchQuery.Occurrences(clause, Text(document), found);
            if (inTitle + found.Count > 0)
            {
                postings.Add(document, inTitle, found.Count);
            }
        }

        return postings.ToPostings();
    }

    /// <summary>
    /// From a table of every term's count, made on the first call: the tokens' terms for a search, and the pairs of
    /// touching CJK characters in a table of their own, made only when one is asked for (<c>Related</c>), so that a
    /// search does not pay for them.
    /// </summary>
    public override int DocumentFrequency(string term)
    {
        var frequencies = SearchAnalyzer.IsBigramTerm(term) ? _bigramFrequencies ??= Frequencies(bigrams: true) : _frequencies ??= Frequencies(bigrams: false);
        return frequencies.TryGetValue(term, out var frequency) ? frequency : 0;
    }

    private global::System.Collections.Generic.Dictionary<string, int> Frequencies(bool bigrams)
    {
        var frequencies = new global::System.Collections.Generic.Dictionary<string, int>(global::System.StringComparer.Ordinal);
        var seen = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
        for (var document = 0; document < _articles.Length; document++)
        {
            seen.Clear();
            AddTerms(seen, Title(document), bigrams);
            AddTerms(seen, Text(document), bigrams);
            foreach (var seenTerm in seen)
            {
                frequencies.TryGetValue(seenTerm, out var count);
                frequencies[seenTerm] = count + 1;
            }
        }

        return frequencies;
    }

    /// <summary>The terms the index holds for these tokens: each token's, or each pair of touching CJK characters (<see cref="SearchAnalyzer.Bigram"/>).</summary>
    private static void AddTerms(global::System.Collections.Generic.HashSet<string> seen, global::System.Collections.Generic.List<SearchAnalyzer.Token> tokens, bool bigrams)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!bigrams)
            {
                seen.Add(tokens[i].Term);
            }
            else if (SearchAnalyzer.StartsBigram(tokens, i))
            {
                seen.Add(SearchAnalyzer.Bigram(tokens[i].Term, tokens[i + 1].Term));
            }
        }
    }

    public override Postings FindTag(string tagTerm)
    {
        var postings = new PostingsBuilder();
        for (var document = 0; document < _articles.Length; document++)
        {
            foreach (var tag in _articles[document].Tags)
            {
                if (SearchAnalyzer.TagTerm(tag) == tagTerm)
                {
                    postings.Add(document, 0, 0);
                    break;
                }
            }
        }

        return postings.ToPostings();
    }

    public override int TitleLength(int document) => Title(document).Count;

    public override int TextLength(int document) => Text(document).Count;

    public override string Id(int document) => _articles[document].Id;

    public override string[] OutletNames => Outlets.Names;

    public override int OutletCode(int document) => Outlets.Codes[document];

    public override string[] LanguageNames => Languages.Names;

    public override int LanguageCode(int document) => Languages.Codes[document];

    private FacetCodes Outlets => _outlets ??= new FacetCodes(_articles, static a => a.Outlet);

    private FacetCodes Languages => _languages ??= new FacetCodes(_articles, static a => a.Language);

    private FacetCodes? _outlets;
    private FacetCodes? _languages;

    /// <summary>A facet's distinct values and each article's code, as the index's per-document table holds them.</summary>
    private sealed class FacetCodes
    {
        public FacetCodes(Article[] articles, global::System.Func<Article, string> value)
        {
            var codes = new global::System.Collections.Generic.Dictionary<string, int>(global::System.StringComparer.Ordinal);
            var names = new global::System.Collections.Generic.List<string>();
            Codes = new int[articles.Length];
            for (var i = 0; i < articles.Length; i++)
            {
                var name = value(articles[i]);
                if (!codes.TryGetValue(name, out var code))
                {
                    codes[name] = code = names.Count;
                    names.Add(name);
                }

                Codes[i] = code;
            }

            Names = names.ToArray();
        }

        public string[] Names { get; }

        public int[] Codes { get; }
    }

    public override long Ticks(int document) => _articles[document].PublishedAt?.UtcTicks ?? long.MinValue;

    public override int Year(int document) => _articles[document].PublishedAt?.Year ?? 0;

    public override Article Article(int document) => _articles[document];

    private global::System.Collections.Generic.List<SearchAnalyzer.Token> Title(int document) =>
        _titles[document] ??= SearchAnalyzer.Tokenize(_articles[document].Title);

    private global::System.Collections.Generic.List<SearchAnalyzer.Token> Text(int document) =>
        _texts[document] ??= SearchAnalyzer.Tokenize(_articles[document].Text);

    private long Sum(global::System.Func<int, int> length)
    {
        long sum = 0;
        for (var document = 0; document < _articles.Length; document++)
        {
            sum += length(document);
        }

        return sum;
    }
}
