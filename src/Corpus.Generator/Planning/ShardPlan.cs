using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// A corpus split over shard projects (docs/architecture.md, "Large corpora: shards"): what a shard tells the apps that
/// reference it (its claims: Id, member name, seed path and URL of each accepted seed, in one constant), and the checks
/// an app makes across its own seeds and every shard's.
/// </summary>
internal static class ShardPlan
{
    /// <summary>One seed a shard accepted, as the app reads it back from the shard's claims.</summary>
    internal sealed record ShardClaim(string Id, string MemberName, string SeedPath, string Url);

    /// <summary>The claims of the accepted seeds, each value written as <c>length:value</c> (any character may appear).</summary>
    public static string Encode(IEnumerable<SeedClaim> accepted)
    {
        var builder = new StringBuilder();
        foreach (var claim in accepted.OrderBy(c => c.Key.Id, StringComparer.Ordinal))
        {
            foreach (var value in new[] { claim.Key.Id, claim.Key.MemberName, claim.Key.SeedPath, claim.Url })
            {
                builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
            }
        }

        return builder.ToString();
    }

    /// <summary>The claims <see cref="Encode"/> wrote; what cannot be read (another writer's format) ends the list.</summary>
    public static List<ShardClaim> Decode(string claims)
    {
        var result = new List<ShardClaim>();
        var position = 0;
        var values = new string[4];
        while (position < claims.Length)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var colon = claims.IndexOf(':', position);
                if (colon < 0
                    || !int.TryParse(claims.Substring(position, colon - position), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    || colon + 1 + length > claims.Length)
                {
                    return result;
                }

                values[i] = claims.Substring(colon + 1, length);
                position = colon + 1 + length;
            }

            result.Add(new ShardClaim(values[0], values[1], values[2], values[3]));
        }

        return result;
    }

    /// <summary>The seeds this project accepts, with member names for its class: what its shard file claims.</summary>
    public static ImmutableArray<SeedClaim> Accepted(ImmutableArray<SeedClaim> claims, string className) =>
        CorpusPlan.Accept(claims.Select(c => c with { Key = CorpusPlan.Renamed(c.Key, className) }), c => c.Key, c => c.Location, new List<DiagnosticInfo>());

    /// <summary>
    /// The references' own problems: a shard without Corpus.Runtime (CORPUS017), a shard or a Corpus.Runtime in another
    /// data format (CORPUS018).
    /// </summary>
    public static IEnumerable<DiagnosticInfo> Problems(CorpusReferences references, bool isShard, string packageVersion)
    {
        if (isShard && references.RuntimeFormat is null)
        {
            yield return DiagnosticInfo.AtFile(DiagnosticIds.ShardNeedsRuntime, string.Empty, packageVersion);
        }

        var format = RecordEncoder.FormatVersion.ToString(CultureInfo.InvariantCulture);
        if (references.RuntimeFormat is { } runtimeFormat && runtimeFormat != RecordEncoder.FormatVersion)
        {
            yield return DiagnosticInfo.AtFile(
                DiagnosticIds.ShardFormatMismatch, string.Empty, "The referenced Corpus.Runtime", runtimeFormat.ToString(CultureInfo.InvariantCulture), format,
                "use the Corpus.Runtime package of the same version as Corpus.Generator");
        }

        foreach (var shard in references.Shards.Where(s => s.Format != RecordEncoder.FormatVersion))
        {
            yield return DiagnosticInfo.AtFile(
                DiagnosticIds.ShardFormatMismatch, string.Empty, "Shard '" + shard.AssemblyName + "'", shard.Format.ToString(CultureInfo.InvariantCulture), format,
                "its articles are left out of All; rebuild it with this Corpus.Generator");
        }
    }

    /// <summary>The shards an app merges: those whose data it can read.</summary>
    public static EquatableArray<ShardSpec> Readable(CorpusReferences references) =>
        references.Shards
            .Where(s => s.Format == RecordEncoder.FormatVersion)
            .Select(s => new ShardSpec(s.AssemblyName, s.DataClass, s.Count))
            .ToEquatableArray();

    /// <summary>
    /// CORPUS007 (an Id or member name) and CORPUS008 (a URL) claimed by two places of one app: its own seeds and its
    /// shards. Duplicates inside one place are that place's own build's to report. A diagnostic about one of the app's
    /// own seeds points at it; one between two shards names both projects and has no location.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> CheckAcrossShards(ImmutableArray<SeedClaim> own, string className, CorpusReferences references)
    {
        var shards = references.Shards.Where(s => s.Format == RecordEncoder.FormatVersion).ToList();
        var diagnostics = new List<DiagnosticInfo>();
        if (shards.Count == 0)
        {
            return diagnostics.ToEquatableArray();
        }

        // Every claim with its place (the shards in name order, then this project: 0) and how to name it in a message.
        // This project's seeds come last, so that a clash with a shard is reported at this project's seed.
        var all = new List<(int Place, string Label, ShardClaim Claim, SeedClaim? Own)>();
        for (var i = 0; i < shards.Count; i++)
        {
            foreach (var claim in Decode(shards[i].Claims))
            {
                all.Add((i + 1, shards[i].AssemblyName + ": " + claim.SeedPath, claim, null));
            }
        }

        foreach (var claim in Accepted(own, className))
        {
            all.Add((0, claim.Key.SeedPath, new ShardClaim(claim.Key.Id, claim.Key.MemberName, claim.Key.SeedPath, claim.Url), claim));
        }

        var ids = new Dictionary<string, (int Place, string Label)>(StringComparer.Ordinal);
        var members = new Dictionary<string, (int Place, string Label)>(StringComparer.Ordinal);
        var urls = new Dictionary<string, (int Place, string Label)>(StringComparer.Ordinal);
        foreach (var (place, label, claim, ownClaim) in all)
        {
            if (Seen(ids, claim.Id, place, label) is { } sameId)
            {
                diagnostics.Add(DiagnosticInfo.AtFile(DiagnosticIds.DuplicateSeed, ownClaim?.Location.FilePath ?? string.Empty, label, $"the Id '{claim.Id}'", sameId));
            }
            else if (Seen(members, claim.MemberName, place, label) is { } sameMember)
            {
                diagnostics.Add(DiagnosticInfo.AtFile(DiagnosticIds.DuplicateSeed, ownClaim?.Location.FilePath ?? string.Empty, label, $"the member name '{claim.MemberName}'", sameMember));
            }

            if (Seen(urls, ArticleUrlKey.Of(claim.Url), place, label) is { } sameUrl)
            {
                var arguments = new[] { label, sameUrl, claim.Url }.ToEquatableArray();
                diagnostics.Add(ownClaim is { } seed
                    ? DiagnosticInfo.At(DiagnosticIds.DuplicateUrl, seed.Location.FilePath, seed.Location.UrlSpanStart, seed.Location.UrlSpanLength, seed.Location.UrlRange, arguments)
                    : new DiagnosticInfo(DiagnosticIds.DuplicateUrl, string.Empty, 0, 0, 0, 0, 0, 0, arguments));
            }
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>The label of the first claimant of <paramref name="key"/> when it is in another place; records the first.</summary>
    private static string? Seen(Dictionary<string, (int Place, string Label)> seen, string key, int place, string label)
    {
        if (seen.TryGetValue(key, out var first))
        {
            return first.Place != place ? first.Label : null;
        }

        seen.Add(key, (place, label));
        return null;
    }
}
