using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Corpus.Generator.Diagnostics;

namespace Corpus.Generator.Model;

/// <summary>
/// Decisions taken over the whole corpus, from small per-seed values only: which seeds are accepted when two claim the
/// same Id or member name, the order of <c>All</c>, and which data chunk holds each record.
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

    public static int ChunkOf(string id, int chunkCount) => (int)(Fnv1a(id) & (uint)(chunkCount - 1));

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
                diagnostics.Add(AtFileStart(DiagnosticDescriptors.DuplicateSeed.Id, locationOf(item), key.SeedPath, $"the Id '{key.Id}'", sameId.SeedPath));
                continue;
            }

            if (members.TryGetValue(key.MemberName, out var sameMember))
            {
                diagnostics.Add(AtFileStart(DiagnosticDescriptors.DuplicateSeed.Id, locationOf(item), key.SeedPath, $"the member name '{key.MemberName}'", sameMember.SeedPath));
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

    /// <summary>CORPUS008 for every seed whose normalised URL an earlier seed (by seed path) already has.</summary>
    public static void FindDuplicateUrls(IEnumerable<SeedClaim> articles, List<DiagnosticInfo> diagnostics)
    {
        var seen = new Dictionary<string, SeedClaim>(StringComparer.Ordinal);
        foreach (var article in articles.OrderBy(a => a.Key.SeedPath, StringComparer.Ordinal))
        {
            var key = ArticleUrlKey.Of(article.Url);
            if (seen.TryGetValue(key, out var first))
            {
                var location = article.Location;
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.DuplicateUrl.Id,
                    location.FilePath,
                    location.UrlSpanStart,
                    location.UrlSpanLength,
                    location.UrlRange.Start.Line,
                    location.UrlRange.Start.Column,
                    location.UrlRange.End.Line,
                    location.UrlRange.End.Column,
                    new[] { article.Key.SeedPath, first.Key.SeedPath, article.Url }.ToEquatableArray()));
            }
            else
            {
                seen.Add(key, article);
            }
        }
    }

    private static DiagnosticInfo AtFileStart(string id, SeedLocation location, params string[] arguments) =>
        new(id, location.FilePath, 0, 0, 0, 0, 0, 0, arguments.ToEquatableArray());

    // FNV-1a over UTF-16 code units: stable across processes and runtimes, unlike string.GetHashCode.
    private static uint Fnv1a(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
