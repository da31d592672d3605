using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// The order of an app's <c>All</c> across its shards, made at compile time. A shard writes each accepted seed's
/// <c>PublishedAt</c> (UTC ticks, nothing when it has none) in the order of its claims (by Id), in its data class's
/// <c>Order</c> constant; an app whose every shard wrote one orders its own articles and theirs as a single project of
/// all of them would (<see cref="CorpusPlan.OrderForAll"/>) and emits, for each position of <c>All</c>, the store and the
/// position in that store's <c>All</c>. The first use of <c>All</c> then decodes no date (docs/performance.md, issue 22).
/// </summary>
internal static class ShardOrder
{
    private const char End = ';';

    /// <summary>The order keys of a shard's accepted seeds (<paramref name="accepted"/>), in the order of its claims (by Id).</summary>
    public static string Encode(IEnumerable<SeedClaim> accepted, ImmutableArray<IndexEntry> entries)
    {
        // The seed path names one seed file; the first entry of a path wins, as CorpusPlan.Accept keeps the first.
        var dates = new Dictionary<string, DateValue?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!dates.ContainsKey(entry.Key.SeedPath))
            {
                dates.Add(entry.Key.SeedPath, entry.PublishedAt);
            }
        }

        var builder = new StringBuilder();
        foreach (var claim in accepted.OrderBy(c => c.Key.Id, StringComparer.Ordinal))
        {
            if (dates.TryGetValue(claim.Key.SeedPath, out var date) && date is not null)
            {
                builder.Append(date.UtcTicks.ToString(CultureInfo.InvariantCulture));
            }

            builder.Append(End);
        }

        return builder.ToString();
    }

    /// <summary>The keys <see cref="Encode"/> wrote (null for an undated seed); null when <paramref name="order"/> cannot be read.</summary>
    public static List<long?>? Decode(string order)
    {
        var keys = new List<long?>();
        var start = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i] != End)
            {
                continue;
            }

            if (i == start)
            {
                keys.Add(null);
            }
            else if (long.TryParse(order.Substring(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                keys.Add(ticks);
            }
            else
            {
                return null;
            }

            start = i + 1;
        }

        return start == order.Length ? keys : null;
    }

    /// <summary>
    /// For each position of the app's <c>All</c>: the article's position in its store's <c>All</c> times the number of
    /// stores, plus its store (0 the app's own, then each shard of <paramref name="shards"/>). Empty, for the order to be
    /// merged at run time, when a shard wrote no order (an older generator), its order does not match its claims, or the
    /// numbers do not fit an <see cref="int"/>.
    /// </summary>
    /// <param name="own">The app's own accepted articles, in the order of its store's <c>All</c>.</param>
    public static EquatableArray<int> Merge(IReadOnlyList<IndexEntry> own, IReadOnlyList<ShardReference> shards)
    {
        var stores = shards.Count + 1;
        var items = new List<Item>(own.Count);
        items.AddRange(own.Select(e => new Item(e.Key.Id, e.PublishedAt, 0)));
        for (var s = 0; s < shards.Count; s++)
        {
            var ids = ShardClaims.Decode(shards[s].Claims);
            var keys = Decode(shards[s].Order);
            if (keys is null || keys.Count != ids.Count || ids.Count != shards[s].Count)
            {
                return EquatableArray<int>.Empty;
            }

            for (var i = 0; i < ids.Count; i++)
            {
                items.Add(new Item(ids[i].Id, keys[i] is long ticks ? new DateValue(ticks, 0, 0) : null, s + 1));
            }
        }

        if ((long)items.Count * stores > int.MaxValue)
        {
            return EquatableArray<int>.Empty;
        }

        // Each store's own All is this order restricted to its articles (same keys, same comparison; Ids are unique).
        var next = new int[stores];
        var table = new List<int>(items.Count);
        foreach (var item in CorpusPlan.OrderForAll(items, i => new SeedKey(i.Id, string.Empty, string.Empty), i => i.PublishedAt))
        {
            table.Add((next[item.Store]++ * stores) + item.Store);
        }

        return table.ToEquatableArray();
    }

    private sealed record Item(string Id, DateValue? PublishedAt, int Store);
}
