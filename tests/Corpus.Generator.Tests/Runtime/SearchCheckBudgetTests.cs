extern alias CorpusRuntime;

using CheckBudget = CorpusRuntime::SearchSource.CheckBudget;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// How many articles a search reads to check the clauses the index cannot decide alone: shared evenly by its segments
/// and its clauses of several tokens, at most <c>MaxPerSegment</c> each, never more than the whole budget.
/// </summary>
public sealed class SearchCheckBudgetTests
{
    [Theory]
    [InlineData(1, 1, 4000)] // one segment: what a segment always read
    [InlineData(2, 1, 4000)] // 10,000 articles: the same
    [InlineData(20, 1, 400)] // 100,000 articles in 20 segments
    [InlineData(20, 3, 133)]
    [InlineData(0, 0, 4000)] // no segment, no clause of several tokens: counted as one
    [InlineData(10_000, 16, 1)] // never nothing
    public void Each_segment_and_clause_reads_an_even_share(int segments, int clauses, int share) =>
        Assert.Equal(share, new CheckBudget(segments, clauses).Share);

    [Fact]
    public void What_is_taken_is_the_share_or_what_is_left_and_never_more_than_the_budget()
    {
        var budget = new CheckBudget(2, 1, perSearch: 10);
        Assert.Equal(5, budget.Share);
        Assert.Equal(3, budget.Take(3));
        Assert.Equal(5, budget.Take(100));
        Assert.Equal(2, budget.Remaining);
        Assert.Equal(2, budget.Take(100));
        Assert.Equal(0, budget.Take(1));
        Assert.Equal(0, budget.Remaining);
    }

    [Fact]
    public void A_clause_looked_up_alone_reads_what_one_segment_may()
    {
        var budget = CheckBudget.OneClause();
        Assert.Equal(CheckBudget.MaxPerSegment, budget.Share);
        Assert.Equal(CheckBudget.MaxPerSegment, budget.Take(int.MaxValue));
        Assert.Equal(0, budget.Take(1));
    }
}
