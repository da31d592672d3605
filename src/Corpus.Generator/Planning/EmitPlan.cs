using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// What the emitter writes, planned from the collected small values: the index, one member spec and one data spec per
/// chunk. Each accepts and orders seeds through <see cref="CorpusPlan"/>, so the three agree without waiting for each other.
/// </summary>
internal static class EmitPlan
{
    /// <summary>The index and the chunks accept seeds exactly as <see cref="CorpusPlan.Check"/> does, but report nothing.</summary>
    private static readonly SeedLocation NoLocation = new(string.Empty, 0, 0, default);

    /// <param name="references">The shards whose order keys give an app's order of All at compile time (<see cref="ShardOrder"/>).</param>
    public static IndexSpec? Index(ImmutableArray<IndexEntry> entries, EmitSettings settings, CorpusReferences references, int membersPerType)
    {
        if (!settings.SupportsLanguage)
        {
            return null;
        }

        var options = settings.Options;
        var ordered = Order(entries, e => e.Key, e => e.PublishedAt, options.ClassName, (e, key) => e with { Key = key });
        var chunkCount = CorpusPlan.ChunkCountFor(ordered.Length);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            positions.Add(ordered[i].Key.Id, i);
        }

        var byChunk = ordered
            .GroupBy(a => CorpusPlan.ChunkOf(a.Key.Id, chunkCount))
            .ToDictionary(g => g.Key, g => g.Select(a => a.Key.Id).OrderBy(i => i, StringComparer.Ordinal).ToList());
        var starts = new List<int>(chunkCount + 1) { 0 };
        var slots = new List<int>(ordered.Length);
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            if (byChunk.TryGetValue(chunk, out var ids))
            {
                slots.AddRange(ids.Select(i => positions[i]));
            }

            starts.Add(slots.Count);
        }

        // The shards the app's store merges are the readable ones, in the same order as options.Shards.
        var merged = options.Shards.Count == 0 ? EquatableArray<int>.Empty : ShardOrder.Merge(ordered, references.ReadableShards.ToList());
        return new IndexSpec(options, ordered.Length, chunkCount, starts.ToEquatableArray(), slots.ToEquatableArray(), membersPerType, merged);
    }

    /// <summary>
    /// The members of each chunk's articles, with their positions in <c>All</c> as the index computes them (same
    /// acceptance, same order). One spec per chunk, empty ones included, so that the specs are compared chunk by chunk.
    /// </summary>
    public static IEnumerable<MemberSpec> Members(ImmutableArray<ArticleSummary> summaries, EmitSettings settings, int membersPerType)
    {
        if (!settings.SupportsLanguage)
        {
            yield break;
        }

        var options = settings.Options;
        var ordered = Order(summaries, s => s.Key, s => s.PublishedAt, options.ClassName, (s, key) => s with { Key = key });
        var chunkCount = CorpusPlan.ChunkCountFor(ordered.Length);
        var byChunk = ordered.Select((article, position) => new MemberEntry(article, position)).ToLookup(m => CorpusPlan.ChunkOf(m.Article.Key.Id, chunkCount));
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            yield return new MemberSpec(options, chunk, ordered.Length, membersPerType, byChunk[chunk].ToEquatableArray());
        }
    }

    public static IEnumerable<ChunkSpec> Chunks(ImmutableArray<ArticleRecord> records, EmitSettings settings)
    {
        if (!settings.SupportsLanguage)
        {
            yield break;
        }

        var options = settings.Options;
        var accepted = CorpusPlan.Accept(records.Select(r => r with { Key = CorpusPlan.Renamed(r.Key, options.ClassName) }), r => r.Key, _ => NoLocation, new List<DiagnosticInfo>());
        var chunkCount = CorpusPlan.ChunkCountFor(accepted.Length);
        var byChunk = accepted.ToLookup(r => CorpusPlan.ChunkOf(r.Key.Id, chunkCount));

        // One spec per chunk, empty ones included: the step's outputs are compared by position, so a chunk that fills
        // or empties must not shift the others (each would be emitted again). Empty chunks write no file.
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            var ordered = byChunk[chunk].OrderBy(r => r.Key.Id, StringComparer.Ordinal).ToEquatableArray();
            yield return new ChunkSpec(options.Namespace, options.DataClassName, options.GeneratorVersion, chunk, ordered) { DataVisibility = options.DataVisibility };
        }
    }

    /// <summary>A shard's mark and claims; null for any other project (or a shard without Corpus.Runtime: CORPUS017).</summary>
    public static ShardFileSpec? Shard(ImmutableArray<SeedClaim> claims, ImmutableArray<IndexEntry> entries, EmitSettings settings)
    {
        var options = settings.Options;
        if (!settings.SupportsLanguage || !options.IsShard || !options.SharedRuntime)
        {
            return null;
        }

        var accepted = ShardPlan.Accepted(claims, options.ClassName);
        return new ShardFileSpec(options, accepted.Length, ShardClaims.Encode(accepted), ShardOrder.Encode(accepted, entries));
    }

    /// <summary>The accepted articles in the order of <c>All</c>, with member names for the configured class name.</summary>
    private static ImmutableArray<T> Order<T>(ImmutableArray<T> items, Func<T, SeedKey> keyOf, Func<T, DateValue?> publishedAtOf, string className, Func<T, SeedKey, T> withKey)
    {
        // With the default class name every key stays as it is: no copy of each item (a title edit runs this over all).
        var accepted = CorpusPlan.Accept(
            items.Select(i => CorpusPlan.Renamed(keyOf(i), className) is var key && ReferenceEquals(key, keyOf(i)) ? i : withKey(i, key)),
            keyOf,
            _ => NoLocation,
            new List<DiagnosticInfo>());
        return CorpusPlan.OrderForAll(accepted, keyOf, publishedAtOf);
    }
}
