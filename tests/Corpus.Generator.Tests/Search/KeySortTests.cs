using System;
using System.Linq;
using Corpus.Generator.Search;
using CsCheck;

namespace Corpus.Generator.Tests.Search;

/// <summary>The sort of the term table's keys with their term numbers: the framework's order, whatever the keys.</summary>
public sealed class KeySortTests
{
    [Fact]
    public void Keys_end_in_ascending_order_each_with_its_own_item()
    {
        // Few distinct keys (many equal), and any keys; lengths on both sides of the insertion sort's bound.
        var keys = Gen.OneOf(Gen.ULong[0, 7], Gen.ULong).Array[0, 300];
        keys.Sample(input =>
        {
            var sorted = (ulong[])input.Clone();
            var items = Enumerable.Range(0, input.Length).ToArray();
            KeySort.Sort(sorted, items, sorted.Length);

            Assert.Equal(input.OrderBy(k => k).ToArray(), sorted);
            Assert.Equal(input.Length, items.Distinct().Count());
            for (var i = 0; i < items.Length; i++)
            {
                Assert.Equal(input[items[i]], sorted[i]);
            }
        });
    }

    [Theory]
    [InlineData("ascending")]
    [InlineData("descending")]
    [InlineData("organ pipe")]
    [InlineData("equal")]
    public void Ordered_and_degenerate_inputs_sort_too(string shape)
    {
        const int Count = 5000;
        var input = Enumerable.Range(0, Count).Select(i => shape switch
        {
            "ascending" => (ulong)i,
            "descending" => (ulong)(Count - i),
            "organ pipe" => (ulong)Math.Min(i, Count - i),
            _ => 42UL,
        }).ToArray();
        var sorted = (ulong[])input.Clone();
        var items = Enumerable.Range(0, Count).ToArray();

        // Only the first Count − 1 are sorted: the rest stays as it was.
        KeySort.Sort(sorted, items, Count - 1);

        Assert.Equal(input.Take(Count - 1).OrderBy(k => k), sorted.Take(Count - 1));
        Assert.Equal(input[Count - 1], sorted[Count - 1]);
        Assert.Equal(Count - 1, items[Count - 1]);
        Assert.All(Enumerable.Range(0, Count), i => Assert.Equal(input[items[i]], sorted[i]));
    }
}
