using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// Decisions taken over the whole corpus, from small per-seed values only: which seeds are accepted when two claim the
/// same Id or member name (CORPUS007), which share a URL (CORPUS008), member names under a custom class name, the order
/// of <c>All</c>, and which data chunk holds each record.
/// </summary>
/// <remarks>
/// The index and the chunks are built in separate pipeline branches; both call these pure functions on the same set of
/// keys, so they agree without one waiting for the other.
/// </remarks>
internal static class CorpusPlan
{
    /// <summary>About this many records share a chunk (one string constant, read from metadata at first use).</summary>
    public const int TargetRecordsPerChunk = 128;

    /// <summary>A power of two, so that a chunk is a fixed bit mask of the Id's hash: adding a seed rewrites only its chunk.</summary>
    public static int ChunkCountFor(int articleCount)
    {
        var wanted = (articleCount + TargetRecordsPerChunk - 1) / TargetRecordsPerChunk;
        var count = 1;
        while (count < wanted)
        {
            count <<= 1;
        }

        return count;
    }

    public static int ChunkOf(string id, int chunkCount) => (int)(Fnv1a.Hash(id) & (uint)(chunkCount - 1));

    /// <summary>
    /// Keeps the first seed (by ordinal seed path) that claims each Id and each member name; every later claimant is
    /// rejected with a CORPUS007 diagnostic naming the seed it collides with.
    /// </summary>
    public static ImmutableArray<T> Accept<T>(IEnumerable<T> items, Func<T, SeedKey> keyOf, Func<T, SeedLocation> locationOf, List<DiagnosticInfo> diagnostics)
    {
        var ids = new Dictionary<string, SeedKey>(StringComparer.Ordinal);
        var members = new Dictionary<string, SeedKey>(StringComparer.Ordinal);
        var accepted = ImmutableArray.CreateBuilder<T>();
        foreach (var item in items.OrderBy(i => keyOf(i).SeedPath, StringComparer.Ordinal))
        {
            var key = keyOf(item);
            if (ids.TryGetValue(key.Id, out var sameId))
            {
                diagnostics.Add(Duplicates.SameId(locationOf(item).FilePath, key.SeedPath, key.Id, sameId.SeedPath));
                continue;
            }

            if (members.TryGetValue(key.MemberName, out var sameMember))
            {
                diagnostics.Add(Duplicates.SameMemberName(locationOf(item).FilePath, key.SeedPath, key.MemberName, sameMember.SeedPath));
                continue;
            }

            ids.Add(key.Id, key);
            members.Add(key.MemberName, key);
            accepted.Add(item);
        }

        return accepted.ToImmutable();
    }

    /// <summary>Newest first by <c>PublishedAt</c>; articles without a date after all dated ones; then by Id.</summary>
    public static ImmutableArray<T> OrderForAll<T>(IEnumerable<T> articles, Func<T, SeedKey> keyOf, Func<T, DateValue?> publishedAtOf) =>
        articles
            .OrderBy(a => publishedAtOf(a) is null ? 1 : 0)
            .ThenByDescending(a => publishedAtOf(a)?.UtcTicks ?? 0)
            .ThenBy(a => keyOf(a).Id, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>CORPUS007 and CORPUS008 over the whole corpus, accepting seeds as the index and the chunks do (<see cref="Accept"/>).</summary>
    public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<SeedClaim> claims, string className)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var accepted = Accept(claims.Select(c => c with { Key = Renamed(c.Key, className) }), c => c.Key, c => c.Location, diagnostics);
        FindDuplicateUrls(accepted, diagnostics);
        return diagnostics.ToEquatableArray();
    }

    /// <summary>Member names are computed per seed against the default class name; a custom class name may clash anew.</summary>
    public static SeedKey Renamed(SeedKey key, string className) =>
        string.Equals(className, MemberNames.DefaultClassName, StringComparison.Ordinal) ? key : key with { MemberName = MemberNames.FromId(key.Id, className) };

    /// <summary>CORPUS008 for every seed whose normalised URL an earlier seed (by seed path) already has.</summary>
    public static void FindDuplicateUrls(IEnumerable<SeedClaim> articles, List<DiagnosticInfo> diagnostics)
    {
        var seen = new Dictionary<string, SeedClaim>(StringComparer.Ordinal);
        foreach (var article in articles.OrderBy(a => a.Key.SeedPath, StringComparer.Ordinal))
        {
            var key = ArticleUrlKey.Of(article.Url);
            if (seen.TryGetValue(key, out var first))
            {
                diagnostics.Add(Duplicates.SameUrl(article.Location, article.Key.SeedPath, first.Key.SeedPath, article.Url));
            }
            else
            {
                seen.Add(key, article);
            }
        }
    }
}
