using System;
using System.Collections.Generic;
using System.Linq;
using Corpus.Generator.Search;
using CsCheck;

namespace Corpus.Generator.Tests.Search;

/// <summary>The term table the analysis and the writer intern terms in: one number per distinct term, and the ordinal order.</summary>
public sealed class SearchTermTableTests
{
    // Short strings over a few characters, so that equal terms, shared prefixes, NULs and surrogates are frequent.
    private static readonly Gen<string> Term = Gen.Char["\0\u0001ab\u4E00\uD840\uDC00\uFFFF"].Array[0, 6].Select(c => new string(c));

    [Fact]
    public void Equal_terms_get_one_number_and_distinct_terms_their_own_in_order_of_first_sight()
    {
        Term.List[0, 2000].Sample(terms =>
        {
            var table = new SearchTermTable();
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                var id = table.Intern(term.AsSpan());
                if (!numbers.TryGetValue(term, out var expected))
                {
                    expected = numbers[term] = numbers.Count;
                }

                Assert.Equal(expected, id);
                Assert.Equal(term, table.ToString(id));
            }

            Assert.Equal(numbers.Count, table.Count);
        });
    }

    [Fact]
    public void Ordered_is_the_ordinal_order_of_the_strings()
    {
        Term.List[0, 2000].Sample(terms =>
        {
            var table = new SearchTermTable();
            foreach (var term in terms)
            {
                table.Intern(term.AsSpan());
            }

            var expected = terms.Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, table.Ordered().Select(table.ToString).ToArray());
        });
    }

    [Fact]
    public void Long_terms_sharing_their_first_four_characters_are_ordered_by_the_rest()
    {
        var terms = new[] { "abcdz", "abcd", "abcd\0", "abcda", "abcd\uFFFF", "abc", "abcdaa" };
        var table = new SearchTermTable();
        foreach (var term in terms)
        {
            table.Intern(term.AsSpan());
        }

        Assert.Equal(["abc", "abcd", "abcd\0", "abcda", "abcdaa", "abcdz", "abcd\uFFFF"], table.Ordered().Select(table.ToString).ToArray());
    }

    [Fact]
    public void A_cleared_table_numbers_from_zero_again_and_forgets_its_terms()
    {
        var table = new SearchTermTable();
        for (var i = 0; i < 5000; i++)
        {
            table.Intern(("t" + i).AsSpan());
        }

        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.Equal(0, table.Intern("t4999".AsSpan()));
        Assert.Equal(1, table.Intern("t0".AsSpan()));
        Assert.Equal(0, table.Intern("t4999".AsSpan()));
        Assert.Equal(["t0", "t4999"], table.Ordered().Select(table.ToString).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("中")]
    [InlineData("中国")]
    [InlineData("\uD840\uDC00")]
    [InlineData("\uD840\uDC00中")]
    [InlineData("\uD83D\uDE00")]
    [InlineData("\u0001tag")]
    [InlineData("\u0001")]
    [InlineData("covid")]
    [InlineData("ア")]
    [InlineData("한")]
    public void The_kinds_of_a_term_in_place_agree_with_the_runtime(string term)
    {
        Assert.Equal(SearchAnalyzer.IsCjkTerm(term), SearchTermKind.IsCjkCharacter(term.AsSpan()));
        Assert.Equal(SearchIndexFormat.HasPositions(term), SearchTermKind.HasPositions(term.AsSpan()));
    }
}
