// How many articles one search may read to check the clauses the index cannot decide alone.
abstract partial class SearchSource
{
    /// <summary>
    /// How many articles one search reads, at most, to check its clauses that the index cannot decide alone (a CJK
    /// character between CJK characters set apart, <c>中-国</c>: the index keeps no positions for it, so a segment reads
    /// the articles that have all its parts). <see cref="PerSearch"/> in all, whatever the number of terms, segments and
    /// shards: a query's time is bounded however large the corpus (at 100,000 articles in 20 segments such a clause read up
    /// to 80,000 articles, 0.5–1.1 s, and a query of three such terms 2.6 s). Each segment and clause reads its share
    /// (<see cref="Share"/>); past it the clause's postings are capped and the results say they may be incomplete
    /// (<see cref="SearchResults.IsComplete"/>). One budget a search, used by one thread.
    /// </summary>
    public sealed class CheckBudget
    {
        /// <summary>
        /// Articles read to check, one search in all: two segments' worth of <see cref="MaxPerSegment"/> (a corpus of
        /// up to about 10,000 articles reads what it read before there was a budget).
        /// </summary>
        public const int PerSearch = 8000;

        /// <summary>A segment reads at most this many articles to check one clause: about one in two of its articles.</summary>
        public const int MaxPerSegment = 4000;

        private int _remaining;

        /// <param name="segments">How many index segments the search reads (of the app and every shard).</param>
        /// <param name="clauses">How many of its clauses have several tokens: only those can need checking.</param>
        /// <param name="perSearch">The whole budget (tests give a small one).</param>
        public CheckBudget(int segments, int clauses, int perSearch = PerSearch)
        {
            _remaining = perSearch;
            var shares = (long)global::System.Math.Max(1, segments) * global::System.Math.Max(1, clauses);
            Share = (int)global::System.Math.Max(1, global::System.Math.Min(MaxPerSegment, perSearch / shares));
        }

        /// <summary>What one segment reads to check one clause, at most: an even share of the budget (at least one article), at most <see cref="MaxPerSegment"/>.</summary>
        public int Share { get; }

        /// <summary>What is left of the budget.</summary>
        public int Remaining => _remaining;

        /// <summary>A budget for one clause in one segment alone (a clause looked up outside a search): its share is <see cref="MaxPerSegment"/>.</summary>
        public static CheckBudget OneClause() => new CheckBudget(1, 1, MaxPerSegment);

        /// <summary>How many of <paramref name="candidates"/> articles a segment reads to check a clause: its share, or what is left; taken from the budget.</summary>
        public int Take(int candidates)
        {
            var taken = global::System.Math.Min(candidates, global::System.Math.Min(Share, _remaining));
            _remaining -= taken;
            return taken;
        }
    }
}
