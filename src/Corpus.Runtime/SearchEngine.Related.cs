/// <summary>
/// <c>Articles.Related</c>: the articles most like one article, by the terms that weigh most in it. A term is a word or
/// a pair of touching CJK characters (a bigram, as the index holds them: one list of documents each, where a lone
/// character's documents are the union of every bigram it starts). The work is bounded whatever the corpus's size: the
/// rarity of at most <see cref="RelatedLookups"/> terms is looked up, the documents of at most <see cref="RelatedTerms"/>
/// are read, and only the best candidates are ordered.
/// </summary>
static partial class SearchEngine
{
    /// <summary>How many of an article's terms, the weightiest by place and count, have their rarity looked up.</summary>
    private const int RelatedLookups = 64;

    /// <summary>How many of those, by weight and rarity, have their documents read.</summary>
    private const int RelatedTerms = 24;

    /// <summary>
    /// The articles most like <paramref name="article"/>: its terms weighted by where they are (title
    /// <see cref="TitleWeight"/>, lead 2, text 1) and how rare, the other articles scored by the best of them. A
    /// rewritten version of the same story (the same address, or a title nearly the same) comes first; never the
    /// article itself.
    /// </summary>
    public static global::System.Collections.Generic.IReadOnlyList<Article> Related(SearchSource[] sources, Article article, int count)
    {
        if (article is null)
        {
            throw new global::System.ArgumentNullException(nameof(article));
        }

        if (count <= 0)
        {
            return new Article[0];
        }

        var terms = new ArticleTerms();
        var titleTokens = SearchAnalyzer.Tokenize(article.Title);
        terms.Weigh(titleTokens, TitleWeight);
        terms.Weigh(SearchAnalyzer.Tokenize(article.Lead ?? string.Empty), 1);
        terms.Weigh(SearchAnalyzer.Tokenize(article.Text), 1);

        var weighed = Weightiest(terms.All(), RelatedLookups);
        var statistics = new Statistics(sources);
        var chosen = new global::System.Collections.Generic.List<RelatedTerm>();
        foreach (var term in weighed)
        {
            long frequency = 0;
            foreach (var source in sources)
            {
                frequency += source.DocumentFrequency(term.Key);
            }

            // A term no other article has finds nothing.
            if (frequency > 1)
            {
                term.Value = term.Weight * statistics.Idf(frequency);
                chosen.Add(term);
            }
        }

        chosen.Sort(CompareValue);
        if (chosen.Count > RelatedTerms)
        {
            chosen.RemoveRange(RelatedTerms, chosen.Count - RelatedTerms);
        }

        // Near-identical titles are looked for among the best candidates only: a rewrite shares the title's terms. The
        // same address is a rewrite wherever it ranks. Both come first, then the best of the rest: no other candidate
        // can reach the answer, so no other is ordered.
        var best = new BestCandidates((int)global::System.Math.Min(int.MaxValue, (4L * count) + 20));
        var sameAddress = new global::System.Collections.Generic.List<Candidate>();
        var urlKey = ArticleUrlKey.Of(article.UrlText);
        foreach (var source in sources)
        {
            Score(source, chosen, statistics, source.DocumentsAt(urlKey), article, best, sameAddress);
        }

        var candidates = best.Ordered();
        var titleTerms = Terms(titleTokens);
        foreach (var candidate in candidates)
        {
            if (!candidate.SameStory && Similarity(titleTerms, Terms(SearchAnalyzer.Tokenize(candidate.Article.Title))) >= 0.8)
            {
                candidate.SameStory = true;
            }
        }

        foreach (var candidate in sameAddress)
        {
            if (!best.Holds(candidate))
            {
                candidates.Add(candidate);
            }
        }

        candidates.Sort((left, right) => left.SameStory != right.SameStory ? (left.SameStory ? -1 : 1) : CompareRelevance(left, right));
        var related = new Article[global::System.Math.Min(count, candidates.Count)];
        for (var i = 0; i < related.Length; i++)
        {
            related[i] = candidates[i].Article;
        }

        return related;
    }

    /// <summary>
    /// The <paramref name="count"/> weightiest of <paramref name="terms"/>, heaviest first (equal weights in ordinal order):
    /// a long article has thousands of terms, and only these few are ordered.
    /// </summary>
    private static global::System.Collections.Generic.List<RelatedTerm> Weightiest(global::System.Collections.Generic.IEnumerable<RelatedTerm> terms, int count)
    {
        var kept = new global::System.Collections.Generic.List<RelatedTerm>(count + 1);
        foreach (var term in terms)
        {
            if (kept.Count == count && CompareWeight(term, kept[count - 1]) >= 0)
            {
                continue;
            }

            var low = 0;
            var high = kept.Count;
            while (low < high)
            {
                var middle = (low + high) >> 1;
                if (CompareWeight(kept[middle], term) < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            kept.Insert(low, term);
            if (kept.Count > count)
            {
                kept.RemoveAt(count);
            }
        }

        return kept;
    }

    private static int CompareWeight(RelatedTerm left, RelatedTerm right) =>
        left.Weight != right.Weight ? right.Weight.CompareTo(left.Weight) : string.CompareOrdinal(left.Key, right.Key);

    private static int CompareValue(RelatedTerm left, RelatedTerm right) =>
        left.Value != right.Value ? right.Value.CompareTo(left.Value) : string.CompareOrdinal(left.Key, right.Key);

    /// <summary>One source's documents scored by the chosen terms (the sum of each term's value times its BM25 saturation there), offered to <paramref name="best"/>.</summary>
    private static void Score(
        SearchSource source,
        global::System.Collections.Generic.List<RelatedTerm> chosen,
        Statistics statistics,
        global::System.Collections.Generic.List<int>? sameAddressDocuments,
        Article article,
        BestCandidates best,
        global::System.Collections.Generic.List<Candidate> sameAddress)
    {
        var scores = new double[source.Count];
        var seen = new bool[source.Count];
        var touched = new global::System.Collections.Generic.List<int>();
        foreach (var term in chosen)
        {
            var postings = source.Find(term.Clause);
            for (var i = 0; i < postings.Count; i++)
            {
                var document = postings.Documents[i];
                if (!seen[document])
                {
                    seen[document] = true;
                    touched.Add(document);
                }

                scores[document] += term.Value * statistics.Saturation(postings.TitleCounts[i], postings.TextCounts[i], source.TitleLength(document), source.TextLength(document));
            }
        }

        var sameStory = new global::System.Collections.Generic.HashSet<int>();
        foreach (var document in sameAddressDocuments ?? new global::System.Collections.Generic.List<int>())
        {
            sameStory.Add(document);
            if (!seen[document])
            {
                seen[document] = true;
                touched.Add(document);
            }
        }

        foreach (var document in touched)
        {
            // The article itself, found by its Id first: no other candidate's article is made to be compared.
            if (source.Id(document) == article.Id)
            {
                var same = source.Article(document);
                if (ReferenceEquals(same, article) || same.SeedPath == article.SeedPath)
                {
                    continue;
                }
            }

            var candidate = new Candidate(source, document, scores[document]) { SameStory = sameStory.Contains(document) };
            best.Offer(candidate);
            if (candidate.SameStory)
            {
                sameAddress.Add(candidate);
            }
        }
    }

    /// <summary>
    /// An article's terms and their weights: each word, and each pair of touching CJK characters (a CJK character
    /// touching none is left out). A pair of BMP characters is counted under a number, so that a long Chinese text makes
    /// a string for each distinct pair, not for each occurrence.
    /// </summary>
    private sealed class ArticleTerms
    {
        private readonly global::System.Collections.Generic.Dictionary<string, RelatedTerm> _byString = new global::System.Collections.Generic.Dictionary<string, RelatedTerm>(global::System.StringComparer.Ordinal);
        private readonly global::System.Collections.Generic.Dictionary<int, RelatedTerm> _byPair = new global::System.Collections.Generic.Dictionary<int, RelatedTerm>();

        public void Weigh(global::System.Collections.Generic.List<SearchAnalyzer.Token> tokens, double weight)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (!token.IsCjk)
                {
                    Add(token.Term, token.Term, null, weight);
                }
                else if (SearchAnalyzer.StartsBigram(tokens, i))
                {
                    var second = tokens[i + 1].Term;
                    if (token.Term.Length == 1 && second.Length == 1)
                    {
                        var pair = (token.Term[0] << 16) | second[0];
                        if (!_byPair.TryGetValue(pair, out var term))
                        {
                            _byPair[pair] = term = new RelatedTerm(SearchAnalyzer.Bigram(token.Term, second), token.Term, second);
                        }

                        term.Weight += weight;
                    }
                    else
                    {
                        Add(SearchAnalyzer.Bigram(token.Term, second), token.Term, second, weight);
                    }
                }
            }
        }

        public global::System.Collections.Generic.IEnumerable<RelatedTerm> All()
        {
            foreach (var term in _byString.Values)
            {
                yield return term;
            }

            foreach (var term in _byPair.Values)
            {
                yield return term;
            }
        }

        private void Add(string key, string first, string? second, double weight)
        {
            if (!_byString.TryGetValue(key, out var term))
            {
                _byString[key] = term = new RelatedTerm(key, first, second);
            }

            term.Weight += weight;
        }
    }

    private static global::System.Collections.Generic.HashSet<string> Terms(global::System.Collections.Generic.List<SearchAnalyzer.Token> tokens)
    {
        var terms = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            terms.Add(token.Term);
        }

        return terms;
    }

    /// <summary>Jaccard similarity of two titles' term sets.</summary>
    private static double Similarity(global::System.Collections.Generic.HashSet<string> left, global::System.Collections.Generic.HashSet<string> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var term in left)
        {
            if (right.Contains(term))
            {
                shared++;
            }
        }

        return (double)shared / (left.Count + right.Count - shared);
    }

    private static int CompareRelevance(Candidate left, Candidate right)
    {
        var byScore = right.Score.CompareTo(left.Score);
        return byScore != 0 ? byScore : CompareNewest(left, right);
    }

    private static int CompareNewest(Candidate left, Candidate right)
    {
        var leftTicks = left.Source.Ticks(left.Document);
        var rightTicks = right.Source.Ticks(right.Document);
        if (leftTicks != rightTicks)
        {
            return rightTicks.CompareTo(leftTicks);
        }

        return ReferenceEquals(left, right) ? 0 : string.CompareOrdinal(left.Source.Id(left.Document), right.Source.Id(right.Document));
    }

    /// <summary>A term of the article <see cref="Related"/> weighs: the index term, its weight in the article, its value once its rarity is known.</summary>
    private sealed class RelatedTerm
    {
        private readonly string _first;
        private readonly string? _second;
        private SearchQuery.Clause? _clause;

        public RelatedTerm(string key, string first, string? second)
        {
            Key = key;
            _first = first;
            _second = second;
        }

        /// <summary>The index term: the word, or the two characters.</summary>
        public string Key { get; }

        /// <summary>The clause that finds it: the word, or the two characters one after the other (made for the chosen terms only).</summary>
        public SearchQuery.Clause Clause => _clause ??= _second is null
            ? new SearchQuery.Clause(Key, new[] { _first }, new[] { 0 }, false)
            : new SearchQuery.Clause(Key, new[] { _first, _second }, new[] { 0, 1 }, false);

        public double Weight { get; set; }

        public double Value { get; set; }
    }

    /// <summary>An article <see cref="Related"/> weighs.</summary>
    private sealed class Candidate
    {
        public Candidate(SearchSource source, int document, double score)
        {
            Source = source;
            Document = document;
            Score = score;
        }

        public SearchSource Source { get; }

        public int Document { get; }

        public double Score { get; }

        public bool SameStory { get; set; }

        private Article? _article;

        public Article Article => _article ??= Source.Article(Document);
    }

    /// <summary>
    /// The best candidates by relevance, at most a given number: a heap whose root is the worst kept. Not the search's
    /// heap (<c>Matches</c>): that one holds structs, and a generic heap over them would be one more instantiation for
    /// the JIT to compile on a first search.
    /// </summary>
    private sealed class BestCandidates
    {
        private readonly global::System.Collections.Generic.List<Candidate> _heap = new global::System.Collections.Generic.List<Candidate>();
        private readonly int _capacity;

        public BestCandidates(int capacity) => _capacity = capacity;

        public void Offer(Candidate candidate)
        {
            if (_heap.Count < _capacity)
            {
                var at = _heap.Count;
                _heap.Add(candidate);
                while (at > 0 && CompareRelevance(_heap[(at - 1) >> 1], _heap[at]) < 0)
                {
                    Swap(at, (at - 1) >> 1);
                    at = (at - 1) >> 1;
                }

                return;
            }

            if (CompareRelevance(candidate, _heap[0]) >= 0)
            {
                return;
            }

            _heap[0] = candidate;
            var node = 0;
            while (true)
            {
                var worst = node;
                var left = (2 * node) + 1;
                if (left < _heap.Count && CompareRelevance(_heap[left], _heap[worst]) > 0)
                {
                    worst = left;
                }

                if (left + 1 < _heap.Count && CompareRelevance(_heap[left + 1], _heap[worst]) > 0)
                {
                    worst = left + 1;
                }

                if (worst == node)
                {
                    return;
                }

                Swap(node, worst);
                node = worst;
            }
        }

        public bool Holds(Candidate candidate) => _heap.Contains(candidate);

        /// <summary>The kept candidates, best first.</summary>
        public global::System.Collections.Generic.List<Candidate> Ordered()
        {
            var ordered = new global::System.Collections.Generic.List<Candidate>(_heap);
            ordered.Sort(CompareRelevance);
            return ordered;
        }

        private void Swap(int a, int b)
        {
            var held = _heap[a];
            _heap[a] = _heap[b];
            _heap[b] = held;
        }
    }
}
