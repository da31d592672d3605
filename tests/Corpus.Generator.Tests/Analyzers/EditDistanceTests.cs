using System;
using System.Linq;
using Corpus.Generator.Analyzers;
using CsCheck;

namespace Corpus.Generator.Tests.Analyzers;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("000_153ef59660deb970", "000_153ef59660deb97x", 1)]
    [InlineData("story-1", "story-12", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, 100));
        Assert.Equal(expected, EditDistance.Bounded(b, a, 100));
    }

    [Fact]
    public void The_bounded_distance_is_the_full_distance_or_one_past_the_bound()
    {
        var text = Gen.Char["abc"].Array[0, 9].Select(chars => new string(chars));
        Gen.Select(text, text, Gen.Int[0, 10]).Sample((a, b, bound) =>
        {
            var full = Levenshtein(a, b);
            Assert.Equal(Math.Min(full, bound + 1), EditDistance.Bounded(a, b, bound));
        });
    }

    [Fact]
    public void Closest_keeps_three_within_a_third_of_the_length_nearest_first_then_ordinal()
    {
        var candidates = new[] { "story-4", "unrelated-name", "story-12", "story-3", "story-2", "stories-1x" };

        Assert.Equal(["story-12", "story-2", "story-3"], EditDistance.Closest("story-1", candidates));
        Assert.Equal(["story-12"], EditDistance.Closest("story-12", candidates, count: 1));
        // "xyz" allows a distance of 2 (the floor): nothing here is that close.
        Assert.Empty(EditDistance.Closest("xyz", candidates));
    }

    /// <summary>The textbook full-matrix distance, written independently of the one under test.</summary>
    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = new[] { d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) }.Min();
            }
        }

        return d[a.Length, b.Length];
    }
}
