/// <summary>
/// Search and related articles over one or more <see cref="SearchSource"/>s: every clause must occur (in the title or
/// the text); BM25F ranks (k1 1.2, b 0.75, the title weighted <see cref="TitleWeight"/> times the text) with N, the
/// average lengths and the document frequencies summed over every source, so the scores do not depend on how the
/// corpus is split; equal scores newest first. Only the hits of the page asked for are materialised with a snippet.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
static partial class SearchEngine
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>How much more a match in the title counts than one in the text.</summary>
    public const double TitleWeight = 3.0;

    private const int SnippetLength = 200;
    private const int SnippetContext = 60;

    /// <summary>How much of a text a snippet reads first (characters); more only when no match is found in it.</summary>
    private const int SnippetRead = 512;

    /// <summary>How far past a snippet's end the text is read, for the matches that start inside it (a clause spans fewer characters).</summary>
    private const int SnippetSpan = 160;

    private static readonly SearchOptions Defaults = new SearchOptions();

    private static readonly SearchFacets NoFacets = new SearchFacets(new SearchFacet[0], new SearchFacet[0], new SearchFacet[0]);

    /// <summary>The corpus statistics BM25 needs, summed over every source.</summary>
    private sealed class Statistics
    {
        public Statistics(SearchSource[] sources)
        {
            long titles = 0;
            long texts = 0;
            foreach (var source in sources)
            {
                Count += source.Count;
                titles += source.TitleTokens;
                texts += source.TextTokens;
            }

            AverageTitle = Count == 0 || titles == 0 ? 1 : (double)titles / Count;
            AverageText = Count == 0 || texts == 0 ? 1 : (double)texts / Count;
        }

        public long Count { get; }

        public double AverageTitle { get; }

        public double AverageText { get; }

        public double Idf(long documentFrequency) => global::System.Math.Log(1 + ((Count - documentFrequency + 0.5) / (documentFrequency + 0.5)));

        /// <summary>BM25F's saturated term frequency over the two fields.</summary>
        public double Saturation(int titleCount, int textCount, int titleLength, int textLength)
        {
            var weighted = (TitleWeight * titleCount / (1 - B + (B * titleLength / AverageTitle)))
                + (textCount / (1 - B + (B * textLength / AverageText)));
            return weighted * (K1 + 1) / (weighted + K1);
        }
    }

    public static SearchResults Search(SearchSource[] sources, string? query, SearchOptions? options) =>
        Search(sources, query, options, SearchSource.CheckBudget.PerSearch);

    /// <summary>A search that reads at most <paramref name="checkBudget"/> articles to check its clauses (<see cref="SearchSource.CheckBudget"/>; tests give a small one).</summary>
    internal static SearchResults Search(SearchSource[] sources, string? query, SearchOptions? options, int checkBudget)
    {
        options ??= Defaults;
        var parsed = SearchQuery.Parse(query);
        var clauses = parsed.Clauses;
        var terms = new string[clauses.Length];
        for (var c = 0; c < clauses.Length; c++)
        {
            terms[c] = clauses[c].Display;
        }

        if (clauses.Length == 0)
        {
            return Filters.Any(options) ? Browse(sources, parsed, terms, options) : new SearchResults(parsed.Text, terms, 0, new SearchHit[0], NoFacets, true);
        }

        var statistics = new Statistics(sources);
        var postings = new SearchSource.Postings[sources.Length][];
        var frequencies = new long[clauses.Length];
        var complete = true;
        var budget = new SearchSource.CheckBudget(Segments(sources), MultiTokenClauses(clauses), checkBudget);
        for (var s = 0; s < sources.Length; s++)
        {
            postings[s] = sources[s].Find(clauses, frequencies, budget);
            foreach (var clause in postings[s])
            {
                complete &= clause is null || !clause.Capped;
            }
        }

        var idf = new double[clauses.Length];
        for (var c = 0; c < clauses.Length; c++)
        {
            idf[c] = statistics.Idf(frequencies[c]);
        }

        var tag = Filters.TagTerm(options);
        var matches = new Matches(sources, options);
        for (var s = 0; s < sources.Length; s++)
        {
            Match(s, sources[s], postings[s], tag is null ? null : sources[s].FindTag(tag), idf, statistics, options, matches);
        }

        return new SearchResults(parsed.Text, terms, matches.Count, Hits(sources, matches.Page(options), clauses), matches.Facets(), complete);
    }

    /// <summary>The page's articles, made now, with their snippets.</summary>
    private static SearchHit[] Hits(SearchSource[] sources, Scored[] page, SearchQuery.Clause[] clauses)
    {
        var hits = new SearchHit[page.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            var article = sources[page[i].Source].Article(page[i].Document);
            hits[i] = new SearchHit(article, page[i].Score, Snippet(article.Text, clauses));
        }

        return hits;
    }

    /// <summary>A matching document: its source, its number there, its score and date (the order needs nothing else but its Id).</summary>
    private struct Scored
    {
        public int Source;
        public int Document;
        public double Score;
        public long Ticks;
    }

    /// <summary>
    /// Every match of a search, kept as small structs: their count, the facets counted by code per source, and the page
    /// asked for, chosen with a heap of skip + take entries; nothing is materialised here.
    /// </summary>
    private sealed class Matches : global::System.Collections.Generic.IComparer<Scored>
    {
        private readonly SearchSource[] _sources;
        private readonly bool _newest;
        private readonly int[][] _outlets;
        private readonly int[][] _languages;
        // Years 1900–2155 counted in an array, others (rare) in a dictionary.
        private readonly int[] _commonYears = new int[256];
        private readonly global::System.Collections.Generic.Dictionary<int, int> _years = new global::System.Collections.Generic.Dictionary<int, int>();
        private Scored[] _heap;
        private readonly int _keep;
        private int _kept;

        public Matches(SearchSource[] sources, SearchOptions options)
        {
            _sources = sources;
            _newest = options.Sort == SearchSort.Newest;
            _outlets = new int[sources.Length][];
            _languages = new int[sources.Length][];
            for (var s = 0; s < sources.Length; s++)
            {
                _outlets[s] = new int[sources[s].OutletNames.Length];
                _languages[s] = new int[sources[s].LanguageNames.Length];
            }

            var skip = global::System.Math.Max(0, options.Skip);
            var take = global::System.Math.Min(SearchOptions.MaxTake, global::System.Math.Max(0, options.Take));
            _keep = take == 0 ? 0 : (int)global::System.Math.Min(int.MaxValue / 2, (long)skip + take);
            _heap = new Scored[global::System.Math.Min(_keep, 64)];
        }

        public int Count { get; private set; }

        public void Add(int source, int document, double score)
        {
            Count++;
            var sourceData = _sources[source];
            _outlets[source][sourceData.OutletCode(document)]++;
            _languages[source][sourceData.LanguageCode(document)]++;
            var year = sourceData.Year(document);
            if (year >= 1900 && year < 1900 + 256)
            {
                _commonYears[year - 1900]++;
            }
            else if (year > 0)
            {
                _years.TryGetValue(year, out var count);
                _years[year] = count + 1;
            }

            if (_keep == 0)
            {
                return;
            }

            var scored = new Scored { Source = source, Document = document, Score = score, Ticks = sourceData.Ticks(document) };
            if (_kept < _keep)
            {
                if (_kept == _heap.Length)
                {
                    global::System.Array.Resize(ref _heap, global::System.Math.Min(_keep, _heap.Length * 2));
                }

                // A max-heap by order: the root is the last of the kept, the first to go.
                var at = _kept++;
                _heap[at] = scored;
                while (at > 0 && Compare(_heap[(at - 1) >> 1], _heap[at]) < 0)
                {
                    Swap(at, (at - 1) >> 1);
                    at = (at - 1) >> 1;
                }
            }
            else if (Compare(scored, _heap[0]) < 0)
            {
                _heap[0] = scored;
                var at = 0;
                while (true)
                {
                    var largest = at;
                    var left = (2 * at) + 1;
                    if (left < _kept && Compare(_heap[left], _heap[largest]) > 0)
                    {
                        largest = left;
                    }

                    if (left + 1 < _kept && Compare(_heap[left + 1], _heap[largest]) > 0)
                    {
                        largest = left + 1;
                    }

                    if (largest == at)
                    {
                        break;
                    }

                    Swap(at, largest);
                    at = largest;
                }
            }
        }

        private void Swap(int a, int b)
        {
            var held = _heap[a];
            _heap[a] = _heap[b];
            _heap[b] = held;
        }

        /// <summary>Best first: the score (unless by date), then newest, then by Id as <c>All</c> orders.</summary>
        public int Compare(Scored left, Scored right)
        {
            if (!_newest && left.Score != right.Score)
            {
                return right.Score.CompareTo(left.Score);
            }

            if (left.Ticks != right.Ticks)
            {
                return right.Ticks.CompareTo(left.Ticks);
            }

            return left.Source == right.Source && left.Document == right.Document ? 0
                : string.CompareOrdinal(_sources[left.Source].Id(left.Document), _sources[right.Source].Id(right.Document));
        }

        /// <summary>The hits of the page asked for, in order.</summary>
        public Scored[] Page(SearchOptions options)
        {
            var skip = global::System.Math.Max(0, options.Skip);
            if (skip >= _kept)
            {
                return new Scored[0];
            }

            global::System.Array.Sort(_heap, 0, _kept, this);
            var page = new Scored[_kept - skip];
            global::System.Array.Copy(_heap, skip, page, 0, page.Length);
            return page;
        }

        public SearchFacets Facets()
        {
            if (Count == 0)
            {
                return NoFacets;
            }

            var outlets = new global::System.Collections.Generic.Dictionary<string, int>(global::System.StringComparer.Ordinal);
            var languages = new global::System.Collections.Generic.Dictionary<string, int>(global::System.StringComparer.Ordinal);
            var years = new global::System.Collections.Generic.Dictionary<string, int>(global::System.StringComparer.Ordinal);
            for (var s = 0; s < _sources.Length; s++)
            {
                AddCounts(outlets, _sources[s].OutletNames, _outlets[s]);
                AddCounts(languages, _sources[s].LanguageNames, _languages[s]);
            }

            for (var i = 0; i < _commonYears.Length; i++)
            {
                if (_commonYears[i] > 0)
                {
                    _years[1900 + i] = _commonYears[i];
                }
            }

            foreach (var pair in _years)
            {
                years[pair.Key.ToString("D4", global::System.Globalization.CultureInfo.InvariantCulture)] = pair.Value;
            }

            return new SearchFacets(Sorted(outlets, byCount: true), Sorted(languages, byCount: true), Sorted(years, byCount: false));
        }

        private static void AddCounts(global::System.Collections.Generic.Dictionary<string, int> counts, string[] names, int[] byCode)
        {
            for (var code = 0; code < byCode.Length; code++)
            {
                if (byCode[code] > 0)
                {
                    counts.TryGetValue(names[code], out var count);
                    counts[names[code]] = count + byCode[code];
                }
            }
        }
    }

    /// <summary>The documents of one source where every clause occurs and that pass the filters, scored.</summary>
    private static void Match(
        int sourceIndex, SearchSource source, SearchSource.Postings[] postings, SearchSource.Postings? tag, double[] idf, Statistics statistics,
        SearchOptions options, Matches matches)
    {
        // Walk the rarest clause's documents and look each up in the others.
        var rarest = 0;
        for (var c = 1; c < postings.Length; c++)
        {
            if (postings[c].Count < postings[rarest].Count)
            {
                rarest = c;
            }
        }

        var filters = new Filters(source, tag, options);
        var cursors = new int[postings.Length];
        var driver = postings[rarest];
        for (var i = 0; i < driver.Count; i++)
        {
            var document = driver.Documents[i];
            var all = true;
            for (var c = 0; c < postings.Length && all; c++)
            {
                cursors[c] = Seek(postings[c].Documents, postings[c].Count, cursors[c], document);
                all = cursors[c] < postings[c].Count && postings[c].Documents[cursors[c]] == document;
            }

            if (!all || !filters.Admits(document))
            {
                continue;
            }

            var titleLength = source.TitleLength(document);
            var textLength = source.TextLength(document);
            var score = 0.0;
            for (var c = 0; c < postings.Length; c++)
            {
                var at = cursors[c];
                score += idf[c] * statistics.Saturation(postings[c].TitleCounts[at], postings[c].TextCounts[at], titleLength, textLength);
            }

            matches.Add(sourceIndex, document, score);
        }
    }

    /// <summary>The first index at or after <paramref name="start"/> whose document is not below <paramref name="document"/> (galloping, then binary).</summary>
    private static int Seek(int[] documents, int count, int start, int document)
    {
        if (start >= count || documents[start] >= document)
        {
            return start;
        }

        var step = 1;
        var low = start;
        var high = start + 1;
        while (high < count && documents[high] < document)
        {
            low = high;
            step <<= 1;
            high = start + step;
        }

        if (high > count)
        {
            high = count;
        }

        // documents[low] < document; the answer is in (low, high].
        while (low + 1 < high)
        {
            var middle = (low + high) >> 1;
            if (documents[middle] < document)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    private static SearchFacet[] Sorted(global::System.Collections.Generic.Dictionary<string, int> counts, bool byCount)
    {
        var facets = new SearchFacet[counts.Count];
        var i = 0;
        foreach (var pair in counts)
        {
            facets[i++] = new SearchFacet(pair.Key, pair.Value);
        }

        // Years newest first; the others most first, then by value.
        global::System.Array.Sort(facets, (left, right) =>
            byCount && left.Count != right.Count ? right.Count.CompareTo(left.Count)
            : byCount ? string.CompareOrdinal(left.Value, right.Value)
            : string.CompareOrdinal(right.Value, left.Value));
        return facets;
    }

    /// <summary>The text around the first match of any clause, with every match inside it.</summary>
    public static SearchSnippet Snippet(string text, SearchQuery.Clause[] clauses)
    {
        var ranges = CjkRanges(text, clauses) ?? TokenRanges(text, clauses);
        if (ranges.Count == 0)
        {
            return new SearchSnippet(Cut(text, 0, SnippetLength), 0, new SearchMatch[0]);
        }

        var start = global::System.Math.Max(0, ranges[0].Start - SnippetContext);
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        var snippet = Cut(text, start, global::System.Math.Max(SnippetLength, ranges[0].Start + ranges[0].Length - start));
        var matches = new global::System.Collections.Generic.List<SearchMatch>();
        var covered = start;
        foreach (var range in ranges)
        {
            // Overlapping matches (two clauses on one word) are shown once.
            if (range.Start >= covered && range.Start + range.Length <= start + snippet.Length)
            {
                matches.Add(new SearchMatch(range.Start - start, range.Length));
                covered = range.Start + range.Length;
            }
        }

        return new SearchSnippet(snippet, start, matches);
    }

    /// <summary>
    /// When every clause is a run of touching CJK characters, their matches are where those characters are in the text
    /// (no tokens needed): the matches that start from the first one to past the snippet's end, by start; else null.
    /// </summary>
    private static global::System.Collections.Generic.List<SearchMatch>? CjkRanges(string text, SearchQuery.Clause[] clauses)
    {
        var runs = new string[clauses.Length];
        var first = int.MaxValue;
        var longest = 0;
        for (var c = 0; c < clauses.Length; c++)
        {
            var clause = clauses[c];
            for (var k = 0; k < clause.Terms.Length; k++)
            {
                if (!SearchAnalyzer.IsCjkTerm(clause.Terms[k]) || clause.Offsets[k] != k)
                {
                    return null;
                }
            }

            runs[c] = string.Concat(clause.Terms);
            longest = global::System.Math.Max(longest, runs[c].Length);
            var at = text.IndexOf(runs[c], global::System.StringComparison.Ordinal);
            if (at >= 0 && at < first)
            {
                first = at;
            }
        }

        var ranges = new global::System.Collections.Generic.List<SearchMatch>();
        if (first == int.MaxValue)
        {
            return ranges;
        }

        var last = (long)first + SnippetLength + longest;
        foreach (var run in runs)
        {
            for (var at = text.IndexOf(run, first, global::System.StringComparison.Ordinal); at >= 0 && at < last; at = at + 1 < text.Length ? text.IndexOf(run, at + 1, global::System.StringComparison.Ordinal) : -1)
            {
                ranges.Add(new SearchMatch(at, run.Length));
            }
        }

        ranges.Sort(CompareRanges);
        return ranges;
    }

    /// <summary>
    /// The clauses' matches found token by token, reading the text only from where a match can start
    /// (<see cref="EarliestStart"/>) as far as the snippet needs.
    /// </summary>
    private static global::System.Collections.Generic.List<SearchMatch> TokenRanges(string text, SearchQuery.Clause[] clauses)
    {
        var tokens = new global::System.Collections.Generic.List<SearchAnalyzer.Token>();
        var ranges = new global::System.Collections.Generic.List<SearchMatch>();
        var found = new global::System.Collections.Generic.List<int>();
        var earliest = EarliestStart(text, clauses);
        if (earliest >= text.Length)
        {
            return ranges;
        }

        var begin = SearchAnalyzer.SafeStart(text, earliest);

        // Where a clause's first term is as it is written (case aside), a match is likely: read that far at once.
        var likely = int.MaxValue;
        foreach (var clause in clauses)
        {
            var at = text.IndexOf(clause.Terms[0], begin, global::System.StringComparison.OrdinalIgnoreCase);
            likely = at >= 0 && at < likely ? at : likely;
        }

        // A first match far enough from the end read (SnippetSpan: no match spans more) ends the reading; else it
        // reads four times further, up to the whole text.
        var limit = likely == int.MaxValue ? begin + SnippetRead : global::System.Math.Max(begin + SnippetRead, likely + SnippetLength + SnippetSpan);
        while (true)
        {
            var end = SearchAnalyzer.SafeEnd(text, limit);
            tokens.Clear();
            ranges.Clear();
            SearchAnalyzer.Tokenize(text, begin, end, tokens);
            foreach (var clause in clauses)
            {
                found.Clear();
                SearchQuery.Occurrences(clause, tokens, found);
                var lastOffset = clause.Offsets[clause.Offsets.Length - 1];
                foreach (var first in found)
                {
                    var last = first;
                    while (tokens[last].Position < tokens[first].Position + lastOffset)
                    {
                        last++;
                    }

                    ranges.Add(new SearchMatch(tokens[first].Start, tokens[last].End - tokens[first].Start));
                }
            }

            ranges.Sort(CompareRanges);
            var needed = ranges.Count == 0 ? int.MaxValue : global::System.Math.Max(ranges[0].Start + SnippetLength, ranges[0].Start + ranges[0].Length) + SnippetSpan;
            if (end == text.Length || needed <= end)
            {
                return ranges;
            }

            limit = (int)global::System.Math.Min(text.Length, global::System.Math.Max((long)limit * 4, needed));
        }
    }

    /// <summary>
    /// No match of any clause starts before this place (the text's length when none can start anywhere): a match
    /// starts with its first token, a CJK character as written or a word whose first character folds
    /// (<see cref="SearchAnalyzer.Fold"/>) to the term's first; 0 when that cannot be told cheaply.
    /// </summary>
    private static int EarliestStart(string text, SearchQuery.Clause[] clauses)
    {
        var earliest = text.Length;
        foreach (var clause in clauses)
        {
            var term = clause.Terms[0];
            if (SearchAnalyzer.IsCjkTerm(term))
            {
                var at = text.IndexOf(term, global::System.StringComparison.Ordinal);
                earliest = at >= 0 && at < earliest ? at : earliest;
                continue;
            }

            var first = term[0];
            if (first >= '\u0080')
            {
                return 0;
            }

            for (var i = 0; i < earliest; i++)
            {
                var c = text[i];
                // ASCII by its lower case (a false start only reads more); CJK and other scripts between U+3000 and
                // the full-width forms never fold to ASCII.
                if (c < '\u0080' ? (c | 0x20) == first : (c < '\u3000' || c >= '\uFF00') && SearchAnalyzer.Fold(c) == first)
                {
                    earliest = i;
                    break;
                }
            }
        }

        return earliest;
    }

    private static int CompareRanges(SearchMatch left, SearchMatch right) =>
        left.Start != right.Start ? left.Start.CompareTo(right.Start) : right.Length.CompareTo(left.Length);

    private static string Cut(string text, int start, int length)
    {
        var end = global::System.Math.Min(text.Length, start + length);
        if (end < text.Length && end > start && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text.Substring(start, end - start);
    }

    /// <summary>How many of the sources are index segments (the others, scans, read every article anyway).</summary>
    private static int Segments(SearchSource[] sources)
    {
        var segments = 0;
        foreach (var source in sources)
        {
            if (source is SearchSegment)
            {
                segments++;
            }
        }

        return segments;
    }

    /// <summary>How many clauses have several tokens: only those can need reading articles to check.</summary>
    private static int MultiTokenClauses(SearchQuery.Clause[] clauses)
    {
        var count = 0;
        foreach (var clause in clauses)
        {
            if (clause.Terms.Length > 1)
            {
                count++;
            }
        }

        return count;
    }
}
