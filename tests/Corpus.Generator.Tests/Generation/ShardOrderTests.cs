using System.Collections.Immutable;
using System.Linq;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Corpus.Generator.Planning;
using Xunit;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// A shard's order keys and the app's order of All made from them at compile time, on plain values. ShardTests has the
/// same through the generator, compiled shards and the runtime's merge.
/// </summary>
public sealed class ShardOrderTests
{
    private static readonly SeedLocation Nowhere = new(string.Empty, 0, 0, default);

    private static SeedClaim Claim(string id) => new(new SeedKey(id, id.ToUpperInvariant(), "seeds/" + id + ".txt"), "https://x.example/" + id, Nowhere);

    private static IndexEntry Entry(string id, long? ticks) => new(new SeedKey(id, id.ToUpperInvariant(), "seeds/" + id + ".txt"), ticks is long t ? new DateValue(t, 60, 1) : null);

    private static ShardReference Shard(string name, params (string Id, long? Ticks)[] seeds)
    {
        var claims = seeds.Select(s => Claim(s.Id)).ToArray();
        var entries = seeds.Select(s => Entry(s.Id, s.Ticks)).ToImmutableArray();
        return new ShardReference(name, "global::" + name + ".ArticlesData", RecordEncoder.FormatVersion, claims.Length, ShardClaims.Encode(claims), ShardOrder.Encode(claims, entries));
    }

    [Fact]
    public void A_shard_writes_each_seeds_UTC_ticks_in_the_order_of_its_claims_and_nothing_for_an_undated_one()
    {
        var claims = new[] { Claim("b"), Claim("a"), Claim("c") };
        var entries = ImmutableArray.Create(Entry("a", 638_000_000_000_000_000), Entry("b", null), Entry("c", 0));

        var order = ShardOrder.Encode(claims, entries);

        Assert.Equal("638000000000000000;;0;", order);
        Assert.Equal(new long?[] { 638_000_000_000_000_000, null, 0 }, ShardOrder.Decode(order)!);
        Assert.Null(ShardOrder.Decode("12;x;"));
        Assert.Null(ShardOrder.Decode("12;3"));
    }

    [Fact]
    public void The_app_orders_its_own_articles_and_the_shards_as_one_project_newest_first_then_by_Id_undated_last()
    {
        // Ties on the date across stores (x and a, day 5) are broken by Id; undated articles come last, by Id.
        var own = new[] { Entry("x", 500), Entry("own-undated", null) };
        var shardA = Shard("A", ("a", 500), ("a-old", 100), ("a-undated", null));
        var shardB = Shard("B", ("b-new", 900), ("b", 300));

        var table = ShardOrder.Merge(own, [shardA, shardB]);

        // Each entry is the position in its store's All times 3 stores, plus the store (0 own, 1 A, 2 B).
        Assert.Equal(
            new[] { (0 * 3) + 2, (0 * 3) + 1, (0 * 3) + 0, (1 * 3) + 2, (1 * 3) + 1, (2 * 3) + 1, (1 * 3) + 0 },
            table.ToArray());
        // In words: b-new, a, x, b, a-old, a-undated, own-undated.
    }

    [Fact]
    public void A_shard_of_an_older_generator_without_order_keys_leaves_the_order_to_run_time()
    {
        var old = Shard("A", ("a", 500)) with { Order = string.Empty };
        var mismatched = Shard("B", ("b", 500), ("c", 400)) with { Order = "500;" };

        Assert.Empty(ShardOrder.Merge([Entry("x", 1)], [old]));
        Assert.Empty(ShardOrder.Merge([Entry("x", 1)], [mismatched]));
        Assert.NotEmpty(ShardOrder.Merge([Entry("x", 1)], [Shard("C", ("c", 2))]));
    }
}
