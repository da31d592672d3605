/// <summary>
/// A query as search reads it: cut to <see cref="SearchResults.MaxQueryLength"/> characters, split at white space
/// (U+3000 too) into terms, a <c>"…"</c> phrase being one term, each term analysed as texts are
/// (<see cref="SearchAnalyzer"/>) into a clause: its tokens at their positions. A term of several tokens
/// (<c>COVID-19</c>, <c>乌克兰</c>, a phrase) matches where they follow each other as in the term. The last term, when
/// the query does not end with a space or a quote and it ends with a word, also matches the words that start with it.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class SearchQuery
{
    private static readonly SearchQuery Nothing = new SearchQuery(string.Empty, new Clause[0]);

    private SearchQuery(string text, Clause[] clauses)
    {
        Text = text;
        Clauses = clauses;
    }

    /// <summary>The query as searched: trimmed and cut.</summary>
    public string Text { get; }

    /// <summary>The terms to find, each once, at most <see cref="SearchResults.MaxTerms"/>; none when nothing can be found.</summary>
    public Clause[] Clauses { get; }

    /// <summary>One term of the query: tokens with their positions relative to the first.</summary>
    public sealed class Clause
    {
        public Clause(string display, string[] terms, int[] offsets, bool prefix)
        {
            Display = display;
            Terms = terms;
            Offsets = offsets;
            Prefix = prefix;
        }

        /// <summary>The term as the query wrote it.</summary>
        public string Display { get; }

        /// <summary>The tokens' terms, in order.</summary>
        public string[] Terms { get; }

        /// <summary>Each token's position minus the first token's.</summary>
        public int[] Offsets { get; }

        /// <summary>Whether the last token also matches the words that start with it.</summary>
        public bool Prefix { get; }

        /// <summary>Whether a text token's term matches the clause's token <paramref name="index"/>.</summary>
        public bool Matches(int index, string term) =>
            Prefix && index == Terms.Length - 1
                ? term.StartsWith(Terms[index], global::System.StringComparison.Ordinal)
                : string.Equals(term, Terms[index], global::System.StringComparison.Ordinal);

        /// <summary>As <see cref="Matches(int, string)"/>, for a term given as the first <paramref name="length"/> characters of <paramref name="chars"/> (no string made).</summary>
        public bool Matches(int index, char[] chars, int length)
        {
            var term = Terms[index];
            if (Prefix && index == Terms.Length - 1 ? length < term.Length : length != term.Length)
            {
                return false;
            }

            for (var i = 0; i < term.Length; i++)
            {
                if (chars[i] != term[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The terms, their offsets and the prefix mark as one string (each offset a character: no string.Join over ints, a method the first query would compile with full optimisation).</summary>
        internal string Key
        {
            get
            {
                var key = new global::System.Text.StringBuilder();
                for (var k = 0; k < Terms.Length; k++)
                {
                    key.Append(Terms[k]).Append('\u0001').Append((char)Offsets[k]);
                }

                return key.Append(Prefix ? '*' : '\u0002').ToString();
            }
        }
    }

    /// <summary>The clause's occurrences in a field's tokens: the index of each occurrence's first token.</summary>
    public static void Occurrences(Clause clause, global::System.Collections.Generic.List<SearchAnalyzer.Token> tokens, global::System.Collections.Generic.List<int> found)
    {
        var terms = clause.Terms;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!clause.Matches(0, tokens[i].Term))
            {
                continue;
            }

            var j = i;
            var all = true;
            for (var k = 1; k < terms.Length && all; k++)
            {
                var wanted = tokens[i].Position + clause.Offsets[k];
                while (j + 1 < tokens.Count && tokens[j + 1].Position < wanted)
                {
                    j++;
                }

                all = j + 1 < tokens.Count && tokens[j + 1].Position == wanted && clause.Matches(k, tokens[j + 1].Term);
                j++;
            }

            if (all)
            {
                found.Add(i);
            }
        }
    }

    /// <summary>Reads a query; never throws: anything that cannot be found is left out.</summary>
    public static SearchQuery Parse(string? query)
    {
        var text = (query ?? string.Empty).Trim();
        // A query that ends in a space has its last word finished: no prefix match.
        var lastOpen = query is not null && query.Length > 0 && !char.IsWhiteSpace(query[query.Length - 1]);
        if (text.Length > SearchResults.MaxQueryLength)
        {
            var cut = SearchResults.MaxQueryLength;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            text = text.Substring(0, cut).TrimEnd();
        }

        if (text.Length == 0)
        {
            return Nothing;
        }

        var clauses = new global::System.Collections.Generic.List<Clause>();
        var keys = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length && clauses.Count < SearchResults.MaxTerms)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            string display;
            string inner;
            bool phrase;
            if (IsQuote(text[i]))
            {
                var close = i + 1;
                while (close < text.Length && !IsQuote(text[close]))
                {
                    close++;
                }

                inner = text.Substring(i + 1, close - i - 1);
                i = close < text.Length ? close + 1 : close;
                display = text.Substring(start, i - start);
                phrase = true;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i]))
                {
                    i++;
                }

                inner = display = text.Substring(start, i - start);
                phrase = false;
            }

            var tokens = SearchAnalyzer.Tokenize(inner);
            if (tokens.Count == 0)
            {
                continue;
            }

            // Search-as-you-type: the last term may be a word not finished yet.
            var last = tokens[tokens.Count - 1];
            var prefix = lastOpen && !phrase && i == text.Length && !last.IsCjk && last.Term.Length >= 2;
            var terms = new string[tokens.Count];
            var offsets = new int[tokens.Count];
            for (var t = 0; t < tokens.Count; t++)
            {
                terms[t] = tokens[t].Term;
                offsets[t] = tokens[t].Position - tokens[0].Position;
            }

            var clause = new Clause(display, terms, offsets, prefix);
            if (keys.Add(clause.Key))
            {
                clauses.Add(clause);
            }
        }

        return new SearchQuery(text, clauses.ToArray());
    }

    private static bool IsQuote(char c) => c == '"' || c == '\u201C' || c == '\u201D' || c == '\uFF02';
}
