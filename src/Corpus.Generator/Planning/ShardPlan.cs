using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// A corpus split over shard projects (docs/architecture.md, "Large corpora: shards"): the seeds a shard claims
/// (written by <see cref="ShardClaims"/>), and the checks an app makes across its own seeds and every shard's.
/// </summary>
internal static class ShardPlan
{
    /// <summary>The seeds this project accepts, with member names for its class: what its shard file claims.</summary>
    public static ImmutableArray<SeedClaim> Accepted(ImmutableArray<SeedClaim> claims, string className) =>
        CorpusPlan.Accept(claims.Select(c => c with { Key = CorpusPlan.Renamed(c.Key, className) }), c => c.Key, c => c.Location, new List<DiagnosticInfo>());

    /// <summary>Every check about the references: the duplicates across shards (<see cref="CheckAcrossShards"/>), then the references' own <see cref="Problems"/>.</summary>
    public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<SeedClaim> own, string className, bool isShard, CorpusReferences references, string packageVersion) =>
        CheckAcrossShards(own, className, references).Concat(Problems(references, isShard, packageVersion)).ToEquatableArray();

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

        foreach (var shard in references.Shards.Where(s => !s.IsReadable))
        {
            yield return DiagnosticInfo.AtFile(
                DiagnosticIds.ShardFormatMismatch, string.Empty, "Shard '" + shard.AssemblyName + "'", shard.Format.ToString(CultureInfo.InvariantCulture), format,
                "its articles are left out of All; rebuild it with this Corpus.Generator");
        }
    }

    /// <summary>
    /// CORPUS007 (an Id or member name) and CORPUS008 (a URL) claimed by two places of one app: its own seeds and its
    /// shards. Duplicates inside one place are that place's own build's to report. A diagnostic about one of the app's
    /// own seeds points at it; one between two shards names both projects and has no location.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> CheckAcrossShards(ImmutableArray<SeedClaim> own, string className, CorpusReferences references)
    {
        var shards = references.ReadableShards.ToList();
        var diagnostics = new List<DiagnosticInfo>();
        if (shards.Count == 0)
        {
            return diagnostics.ToEquatableArray();
        }

        // The first claimant of each key: the shards in name order, then this project's seeds, so that a clash with a
        // shard is reported at this project's seed. Values stay in the claims until they are reported.
        var capacity = shards.Sum(s => s.Count) + own.Length;
        var ids = new Dictionary<ClaimSlice, Claimant>(capacity);
        var members = new Dictionary<ClaimSlice, Claimant>(capacity);
        var urls = new Dictionary<string, Claimant>(capacity, StringComparer.Ordinal);

        void Check(Claimant claimant, ClaimSlice id, ClaimSlice memberName, string url)
        {
            var filePath = claimant.Own?.Location.FilePath ?? string.Empty;
            if (Seen(ids, id, claimant) is { } sameId)
            {
                diagnostics.Add(Duplicates.SameId(filePath, claimant.Label, id.ToString(), sameId.Label));
            }
            else if (Seen(members, memberName, claimant) is { } sameMember)
            {
                diagnostics.Add(Duplicates.SameMemberName(filePath, claimant.Label, memberName.ToString(), sameMember.Label));
            }

            if (Seen(urls, ArticleUrlKey.Of(url), claimant) is { } sameUrl)
            {
                diagnostics.Add(Duplicates.SameUrl(claimant.Own?.Location, claimant.Label, sameUrl.Label, url));
            }
        }

        var values = new ClaimSlice[ShardClaims.ValuesPerClaim];
        foreach (var shard in shards)
        {
            var position = 0;
            while (ShardClaims.TryRead(shard.Claims, ref position, values))
            {
                Check(new Claimant(shard.AssemblyName, values[2], null), values[0], values[1], values[3].ToString());
            }
        }

        foreach (var claim in Accepted(own, className))
        {
            Check(new Claimant(null, ClaimSlice.Of(claim.Key.SeedPath), claim), ClaimSlice.Of(claim.Key.Id), ClaimSlice.Of(claim.Key.MemberName), claim.Url);
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>The first claimant of <paramref name="key"/> when it is in another project; records the first.</summary>
    private static Claimant? Seen<TKey>(Dictionary<TKey, Claimant> seen, TKey key, Claimant claimant)
        where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            return string.Equals(first.Shard, claimant.Shard, StringComparison.Ordinal) ? null : first;
        }

        seen.Add(key, claimant);
        return null;
    }

    /// <summary>
    /// Who claims a key in <see cref="CheckAcrossShards"/>: a seed of a shard or of this project (no shard, and its
    /// <see cref="SeedClaim"/> to point a diagnostic at). A value that is mostly never copied out of the claims.
    /// </summary>
    private readonly struct Claimant
    {
        private readonly ClaimSlice _seedPath;

        public Claimant(string? shard, ClaimSlice seedPath, SeedClaim? own)
        {
            Shard = shard;
            _seedPath = seedPath;
            Own = own;
        }

        /// <summary>The shard's assembly name; null for this project's own seed.</summary>
        public string? Shard { get; }

        public SeedClaim? Own { get; }

        public string Label => Shard is null ? _seedPath.ToString() : ShardClaims.Label(Shard, _seedPath.ToString());
    }
}
