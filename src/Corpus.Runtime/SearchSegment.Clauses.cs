// A query's clauses evaluated in one segment: their units, postings intersected, positions checked.
sealed partial class SearchSegment
{
    /// <summary>
    /// Every clause's postings in the documents where all occur. A clause of one term (a word, a CJK character) has its
    /// document count in the index: it is found last, rarest first, in the documents the clauses before it share, its
    /// lists read only up to the last of them; once none is left, the rest are not read at all (sixteen frequent
    /// characters each made of hundreds of bigram lists were the slowest query).
    /// </summary>
    public override Postings[] Find(SearchQuery.Clause[] clauses, long[] frequencies, CheckBudget budget)
    {
        if (clauses.Length == 1)
        {
            return base.Find(clauses, frequencies, budget);
        }

        var postings = new Postings[clauses.Length];
        var counted = new int[clauses.Length];
        var later = new global::System.Collections.Generic.List<int>();
        global::System.Collections.Generic.List<int>? shared = null;
        for (var c = 0; c < clauses.Length; c++)
        {
            var clause = clauses[c];
            counted[c] = clause.Terms.Length == 1 && !clause.Prefix ? DocumentFrequency(clause.Terms[0]) : -1;
            if (counted[c] >= 0)
            {
                later.Add(c);
                continue;
            }

            postings[c] = Find(clause, budget);
            frequencies[c] += postings[c].Count;
            shared = Intersect(shared, postings[c]);
        }

        later.Sort((left, right) => counted[left] != counted[right] ? counted[left].CompareTo(counted[right]) : left.CompareTo(right));
        foreach (var c in later)
        {
            frequencies[c] += counted[c];
            var term = clauses[c].Terms[0];
            postings[c] = shared is null ? Find(clauses[c])
                : shared.Count == 0 ? Postings.None
                : Union(Entries(term, SearchAnalyzer.IsCjkTerm(term)), shared, null);
            shared = Intersect(shared, postings[c]);
        }

        return postings;
    }

    /// <summary>The documents of <paramref name="shared"/> (all when null) that <paramref name="postings"/> holds.</summary>
    private static global::System.Collections.Generic.List<int> Intersect(global::System.Collections.Generic.List<int>? shared, Postings postings)
    {
        var kept = new global::System.Collections.Generic.List<int>(shared is null ? postings.Count : global::System.Math.Min(shared.Count, postings.Count));
        if (shared is null)
        {
            for (var i = 0; i < postings.Count; i++)
            {
                kept.Add(postings.Documents[i]);
            }

            return kept;
        }

        var at = 0;
        foreach (var document in shared)
        {
            while (at < postings.Count && postings.Documents[at] < document)
            {
                at++;
            }

            if (at < postings.Count && postings.Documents[at] == document)
            {
                kept.Add(document);
            }
        }

        return kept;
    }

    public override Postings FindTag(string tagTerm) => Find(new SearchQuery.Clause(tagTerm, new[] { tagTerm }, new[] { 0 }, false));

    public override Postings Find(SearchQuery.Clause clause, CheckBudget budget)
    {
        var terms = clause.Terms;
        if (terms.Length == 1)
        {
            // A word (the words it starts, for a prefix), a CJK character: its documents and counts, no positions.
            return Union(Entries(terms[0], clause.Prefix || SearchAnalyzer.IsCjkTerm(terms[0])));
        }

        var units = Units(clause, out var verify);
        var entries = new global::System.Collections.Generic.List<Entry>[units.Count];
        var documents = new Postings[units.Count];
        var positions = new SearchIndexFormat.BitReader[units.Count];
        var whole = new bool[units.Count];
        for (var k = 0; k < units.Count; k++)
        {
            var same = SameAs(units, k);
            entries[k] = same < k ? entries[same] : Entries(units[k].Term, units[k].Prefix);
        }

        // Units of one term first, then those of many (a prefix's words, a lone CJK character's bigrams) only in the
        // documents the others share, read up to the last of them, their terms without one of them left out.
        global::System.Collections.Generic.List<int>? shared = null;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k < units.Count; k++)
            {
                var many = entries[k].Count > 1;
                if (many != (pass == 1))
                {
                    continue;
                }

                // A unit repeated in the clause (a long CJK run repeats bigrams) is looked up and decoded once; a unit of
                // one term keeps where its positions start, so they are read without decoding its documents again.
                var same = SameAs(units, k);
                if (same < k)
                {
                    entries[k] = entries[same];
                    documents[k] = documents[same];
                    continue;
                }

                if (!many)
                {
                    whole[k] = entries[k].Count == 1;
                    documents[k] = whole[k] ? entries[k][0].Documents(out positions[k]) : Postings.None;
                }
                else if (shared is null)
                {
                    documents[k] = Union(entries[k]);
                }
                else
                {
                    var hits = new global::System.Collections.Generic.List<Entry>();
                    documents[k] = Union(entries[k], shared, hits);
                    entries[k] = hits;
                }

                if (documents[k].Count == 0)
                {
                    return Postings.None;
                }

                // No document holds every unit so far: none can hold the clause (and the next unit's union needs one).
                shared = Intersect(shared, documents[k]);
                if (shared.Count == 0)
                {
                    return Postings.None;
                }
            }
        }

        if (units.Count == 1 && !verify)
        {
            // Two CJK characters: the bigram's own documents and counts.
            return documents[0];
        }

        if (shared is null || shared.Count == 0)
        {
            return Postings.None;
        }

        // A bigram in few documents keeps no positions (SearchIndexFormat.BigramPositionsFrom): the clause is in at
        // most those documents, read to check.
        for (var k = 0; k < units.Count && !verify; k++)
        {
            verify = entries[k].Count == 1 && !units[k].Prefix && !SearchIndexFormat.KeepsPositions(units[k].Term, entries[k][0].DocumentFrequency);
        }

        return verify ? Verify(clause, shared, budget) : ByPositions(units, entries, documents, whole, positions, shared, _titleSpans, _textSpans);
    }

    /// <summary>A part of a clause that the index holds with positions (a word, a CJK bigram) or, for a lone CJK character, its documents only.</summary>
    private readonly struct Unit
    {
        public Unit(string term, int offset, bool prefix)
        {
            Term = term;
            Offset = offset;
            Prefix = prefix;
        }

        public string Term { get; }

        public int Offset { get; }

        public bool Prefix { get; }
    }

    /// <summary>
    /// The clause as index terms: each word at its offset; each run of touching CJK characters as bigrams that cover
    /// it (pairs from its start, the last pair overlapping when the run is odd); a CJK character alone in a clause of
    /// several tokens, beside a word, as its positions next to words (<see cref="SearchAnalyzer.WordNeighbourTerm"/>);
    /// else as its documents, then <paramref name="verify"/>: the shared documents are read to check.
    /// </summary>
    private static global::System.Collections.Generic.List<Unit> Units(SearchQuery.Clause clause, out bool verify)
    {
        var terms = clause.Terms;
        var offsets = clause.Offsets;
        var units = new global::System.Collections.Generic.List<Unit>();
        verify = false;
        var i = 0;
        while (i < terms.Length)
        {
            if (!SearchAnalyzer.IsCjkTerm(terms[i]))
            {
                units.Add(new Unit(terms[i], offsets[i], clause.Prefix && i == terms.Length - 1));
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < terms.Length && SearchAnalyzer.IsCjkTerm(terms[end + 1]) && offsets[end + 1] == offsets[end] + 1)
            {
                end++;
            }

            if (end == i && NextToWord(terms, offsets, i))
            {
                // A CJK character beside a word is, in a matching text, beside that word too: its positions next to words.
                units.Add(new Unit(SearchAnalyzer.WordNeighbourTerm(terms[i]), offsets[i], false));
            }
            else if (end == i)
            {
                // A CJK character alone between CJK characters set apart (中-国): where it ends a run and its bigrams,
                // the terms it starts, then the shared documents read.
                units.Add(new Unit(terms[i], offsets[i], true));
                verify = true;
            }
            else
            {
                for (var k = i; k < end; k += 2)
                {
                    units.Add(new Unit(SearchAnalyzer.Bigram(terms[k], terms[k + 1]), offsets[k], false));
                }

                if ((end - i) % 2 == 0)
                {
                    units.Add(new Unit(SearchAnalyzer.Bigram(terms[end - 1], terms[end]), offsets[end - 1], false));
                }
            }

            i = end + 1;
        }

        return units;
    }

    /// <summary>Whether the clause's token before or after term <paramref name="i"/> is a word (tokens that touch: one position apart).</summary>
    private static bool NextToWord(string[] terms, int[] offsets, int i) =>
        (i > 0 && offsets[i - 1] == offsets[i] - 1 && !SearchAnalyzer.IsCjkTerm(terms[i - 1]))
        || (i + 1 < terms.Length && offsets[i + 1] == offsets[i] + 1 && !SearchAnalyzer.IsCjkTerm(terms[i + 1]));

    private static int SameAs(global::System.Collections.Generic.List<Unit> units, int k)
    {
        for (var j = 0; j < k; j++)
        {
            if (units[j].Term == units[k].Term && units[j].Prefix == units[k].Prefix)
            {
                return j;
            }
        }

        return k;
    }

    /// <summary>The shared documents where every unit is at its offset from the first (at offset 0), counted in the title and the text.</summary>
    private static Postings ByPositions(
        global::System.Collections.Generic.List<Unit> units, global::System.Collections.Generic.List<Entry>[] entries, Postings[] documents, bool[] whole,
        SearchIndexFormat.BitReader[] starts, global::System.Collections.Generic.List<int> shared, int[] titleSpans, int[] textSpans)
    {
        // The positions of each distinct unit in the shared documents only, in flat arrays (no object per document).
        var positions = new SharedPositions[units.Count];
        var offsets = new int[units.Count];
        for (var k = 0; k < units.Count; k++)
        {
            offsets[k] = units[k].Offset;
            var same = SameAs(units, k);
            if (same < k)
            {
                positions[k] = positions[same];
                continue;
            }

            if (whole[k])
            {
                // A term's whole list, its reader at its positions.
                positions[k] = Entry.CollectPositions(documents[k], starts[k], shared, titleSpans, textSpans);
                continue;
            }

            // The words of a prefix: those with positions in the shared documents, merged (none has some: an empty list).
            var collected = new global::System.Collections.Generic.List<SharedPositions>(entries[k].Count);
            foreach (var entry in entries[k])
            {
                var found = entry.CollectPositions(shared, titleSpans, textSpans);
                if (found.Values.Length > 0 || collected.Count == 0)
                {
                    collected.Add(found);
                }
            }

            positions[k] = collected.Count == 1 ? collected[0] : SharedPositions.Merge(collected);
        }

        var builder = new PostingsBuilder();
        for (var j = 0; j < shared.Count; j++)
        {
            var inTitle = Occurrences(offsets, positions, 2 * j);
            var inText = Occurrences(offsets, positions, (2 * j) + 1);
            if (inTitle + inText > 0)
            {
                builder.Add(shared[j], inTitle, inText);
            }
        }

        return builder.ToPostings();
    }

    /// <summary>How often the first unit's positions in <paramref name="field"/> (2j: document j's title, 2j+1: its text) have every other unit at its offset.</summary>
    private static int Occurrences(int[] offsets, SharedPositions[] positions, int field)
    {
        var first = positions[0];
        var count = 0;
        for (var p = first.Starts[field]; p < first.Starts[field + 1]; p++)
        {
            var start = first.Values[p];
            var all = true;
            for (var k = 1; k < offsets.Length && all; k++)
            {
                var unit = positions[k];
                var from = unit.Starts[field];
                all = global::System.Array.BinarySearch(unit.Values, from, unit.Starts[field + 1] - from, start + offsets[k]) >= 0;
            }

            if (all)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The shared documents where the clause occurs, by reading their title and text: all of them, or the newest of them
    /// as many as <paramref name="budget"/> gives this segment (a clause with a lone CJK character that no word touches,
    /// 中-国: the index keeps no positions for it).
    /// </summary>
    private Postings Verify(SearchQuery.Clause clause, global::System.Collections.Generic.List<int> shared, CheckBudget budget)
    {
        var builder = new PostingsBuilder();
        var run = CjkRun(clause);
        var counter = run is null ? new ClauseCounter(clause) : null;
        var read = budget.Take(shared.Count);
        var candidates = read < shared.Count ? Newest(shared, read) : shared;
        var group = default(ArticleStore.TextGroup);
        for (var i = 0; i < read; i++)
        {
            var article = Article(candidates[i]);
            int inTitle, inText;
            if (counter is null)
            {
                inTitle = new CompiledConstants.Chars(article.Title).Count(run!, 0, article.Title.Length);
                inText = article.CountInText(run!, ref group);
            }
            else
            {
                inTitle = counter.Count(article.Title);
                inText = counter.Count(article.TextOnce(ref group));
            }

            if (inTitle + inText > 0)
            {
                builder.Add(candidates[i], inTitle, inText);
            }
        }

        return builder.ToPostings(capped: shared.Count > read);
    }

    /// <summary>
    /// The <paramref name="count"/> newest of <paramref name="documents"/> (ascending), in ascending order: a news archive's
    /// reader of a capped clause sees its latest articles (equal dates: the first documents).
    /// </summary>
    private global::System.Collections.Generic.List<int> Newest(global::System.Collections.Generic.List<int> documents, int count)
    {
        var newest = new global::System.Collections.Generic.List<int>(documents);
        newest.Sort((left, right) => _ticks[left] != _ticks[right] ? _ticks[right].CompareTo(_ticks[left]) : left.CompareTo(right));
        newest.RemoveRange(count, newest.Count - count);
        newest.Sort();
        return newest;
    }

    /// <summary>
    /// The characters of a clause that is one run of touching CJK characters; else null. Such a clause occurs where
    /// its characters are in a row in the text: a CJK token is its character as it is, and two are one position apart
    /// only when nothing is between them (<see cref="SearchAnalyzer.Tokenize{TSink}"/>), so no token need be made.
    /// </summary>
    private static string? CjkRun(SearchQuery.Clause clause)
    {
        for (var k = 0; k < clause.Terms.Length; k++)
        {
            if (!SearchAnalyzer.IsCjkTerm(clause.Terms[k]) || clause.Offsets[k] != k)
            {
                return null;
            }
        }

        return string.Concat(clause.Terms);
    }

    /// <summary>
    /// The documents of several terms, their counts added up: a prefix's words; a CJK character's occurrences, where it
    /// ends a run and in each of its bigrams (the terms it starts).
    /// </summary>
    private Postings Union(global::System.Collections.Generic.List<Entry> entries)
    {
        if (entries.Count == 1)
        {
            return entries[0].Documents();
        }

        var titles = new int[_count];
        var texts = new int[_count];
        var seen = new bool[_count];
        var found = 0;
        foreach (var entry in entries)
        {
            entry.AddTo(titles, texts, seen, ref found);
        }

        var builder = new PostingsBuilder(found);
        for (var document = 0; document < _count && found > 0; document++)
        {
            if (seen[document])
            {
                builder.Add(document, titles[document], texts[document]);
                found--;
            }
        }

        return builder.ToPostings();
    }

    /// <summary>
    /// Several terms' documents among the <paramref name="wanted"/> (ascending), their counts added up, each list read up
    /// to the last of them; the terms that have one added to <paramref name="hits"/>.
    /// </summary>
    private static Postings Union(global::System.Collections.Generic.List<Entry> entries, global::System.Collections.Generic.List<int> wanted, global::System.Collections.Generic.List<Entry>? hits)
    {
        var titles = new int[wanted.Count];
        var texts = new int[wanted.Count];
        var seen = new bool[wanted.Count];
        foreach (var entry in entries)
        {
            if (entry.AddTo(wanted, titles, texts, seen))
            {
                hits?.Add(entry);
            }
        }

        var builder = new PostingsBuilder();
        for (var i = 0; i < wanted.Count; i++)
        {
            if (seen[i])
            {
                builder.Add(wanted[i], titles[i], texts[i]);
            }
        }

        return builder.ToPostings();
    }

    /// <summary>The term's entry, or every term that starts with it when <paramref name="prefix"/>.</summary>
    private global::System.Collections.Generic.List<Entry> Entries(string term, bool prefix)
    {
        var entries = new global::System.Collections.Generic.List<Entry>();
        var b = BlockIndex(term);
        if (b < 0)
        {
            return entries;
        }

        if (!prefix)
        {
            var block = BlockAt(b);
            var index = block.IndexOf(term);
            if (index >= 0)
            {
                entries.Add(new Entry(block, index));
            }

            return entries;
        }

        for (; b < _blocks.Length; b++)
        {
            var block = BlockAt(b);
            var index = block.IndexOf(term);
            if (index >= 0 && block.IsFullCharacter(index))
            {
                // A frequent CJK character: its own list holds its bigrams' documents.
                entries.Add(new Entry(block, index));
                return entries;
            }

            for (var i = index >= 0 ? index : ~index; i < block.Count; i++)
            {
                if (!block.StartsWith(i, term))
                {
                    return entries;
                }

                entries.Add(new Entry(block, i));
            }
        }

        return entries;
    }

    /// <summary>
    /// How often a clause occurs in a text, as <see cref="SearchQuery.Occurrences"/> counts it over the text's token list,
    /// but token by token with no list and no string per token (<see cref="SearchAnalyzer.Tokenize{TSink}"/>): the last
    /// tokens kept in a ring as long as a match spans, and a match counted at its last token (each match has one).
    /// </summary>
    private sealed class ClauseCounter
    {
        private readonly SearchQuery.Clause _clause;
        private readonly int _last;
        private readonly int _span;

        // The ring of the last _span tokens: each one's position and characters (a CJK character as written, a word folded).
        private readonly int[] _positions;
        private readonly int[] _lengths;
        private readonly char[][] _terms;
        private readonly char[] _scratch = new char[SearchAnalyzer.MaxWordLength];
        private readonly char[] _cjk = new char[2];
        private string _text = string.Empty;
        private int _seen;
        private int _count;

        public ClauseCounter(SearchQuery.Clause clause)
        {
            _clause = clause;
            _last = clause.Terms.Length - 1;
            _span = clause.Offsets[_last] + 1;
            _positions = new int[_span];
            _lengths = new int[_span];
            _terms = new char[_span][];
            for (var i = 0; i < _span; i++)
            {
                _terms[i] = new char[SearchAnalyzer.MaxWordLength];
            }
        }

        public int Count(string text)
        {
            _text = text;
            _seen = 0;
            _count = 0;
            var sink = new Sink(this);
            SearchAnalyzer.Tokenize(text, 0, text.Length, _scratch, ref sink);
            return _count;
        }

        private void Add(int position, char[] source, int sourceStart, int length)
        {
            var slot = _seen++ % _span;
            _positions[slot] = position;
            _lengths[slot] = length;
            global::System.Array.Copy(source, sourceStart, _terms[slot], 0, length);
            if (!_clause.Matches(_last, _terms[slot], length))
            {
                return;
            }

            // Every other term at its offset before this one: the ring holds the tokens back to the match's first.
            var back = 0;
            for (var k = _last - 1; k >= 0; k--)
            {
                var wanted = position - (_clause.Offsets[_last] - _clause.Offsets[k]);
                var at = -1;
                while (++back < _span && back < _seen)
                {
                    var candidate = (slot - back + _span) % _span;
                    if (_positions[candidate] <= wanted)
                    {
                        at = _positions[candidate] == wanted ? candidate : -1;
                        break;
                    }
                }

                if (at < 0 || !_clause.Matches(k, _terms[at], _lengths[at]))
                {
                    return;
                }
            }

            _count++;
        }

        private void AddCjk(int position, int start, int length)
        {
            // One or two UTF-16 units (outside the BMP), copied into the ring as a word's folded characters are.
            _cjk[0] = _text[start];
            if (length == 2)
            {
                _cjk[1] = _text[start + 1];
            }

            Add(position, _cjk, 0, length);
        }

        private readonly struct Sink : SearchAnalyzer.ITokenSink
        {
            private readonly ClauseCounter _counter;

            public Sink(ClauseCounter counter) => _counter = counter;

            public void Cjk(int position, int start, int length) => _counter.AddCjk(position, start, length);

            public void Word(char[] word, int foldedLength, int position, int start, int length) => _counter.Add(position, word, 0, foldedLength);
        }
    }
}
