using Corpus.Generator.Diagnostics;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// The duplicate diagnostics, worded once for both checks that find them: inside one project
/// (<see cref="CorpusPlan.Check"/>) and across an app and its shards (<see cref="ShardPlan.Check"/>). A seed is named by
/// its seed path, or by <see cref="ShardClaims.Label"/> when it is a shard's.
/// </summary>
internal static class Duplicates
{
    /// <summary>CORPUS007: <paramref name="seed"/> claims the Id that <paramref name="first"/> already has.</summary>
    public static DiagnosticInfo SameId(string filePath, string seed, string id, string first) =>
        DiagnosticInfo.AtFile(DiagnosticIds.DuplicateSeed, filePath, seed, $"the Id '{id}'", first);

    /// <summary>CORPUS007: <paramref name="seed"/> claims the member name that <paramref name="first"/> already has.</summary>
    public static DiagnosticInfo SameMemberName(string filePath, string seed, string memberName, string first) =>
        DiagnosticInfo.AtFile(DiagnosticIds.DuplicateSeed, filePath, seed, $"the member name '{memberName}'", first);

    /// <summary>CORPUS008 at the URL of this project's seed (<paramref name="location"/>); without a location between two shards.</summary>
    public static DiagnosticInfo SameUrl(SeedLocation? location, string seed, string first, string url)
=>
        location is null
            ? DiagnosticInfo.AtFile(DiagnosticIds.DuplicateUrl, string.Empty, seed, first, url)
            : DiagnosticInfo.At(DiagnosticIds.DuplicateUrl, location.FilePath, location.UrlSpanStart, location.UrlSpanLength, location.UrlRange, new[] { seed, first, url }.ToEquatableArray());
}
