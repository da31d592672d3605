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
        var values = new ClaimSlice[4];
        while (TryRead(claims, ref position, values))
        {
            result.Add(new ShardClaim(values[0].ToString(), values[1].ToString(), values[2].ToString(), values[3].ToString()));
        }

        return result;
    }

    /// <summary>
    /// The next claim's four values (Id, member name, seed path, URL) where they lie in <paramref name="claims"/>; false at
    /// the end, or where the rest cannot be read (another writer's format), which ends the list.
    /// </summary>
    private static bool TryRead(string claims, ref int position, ClaimSlice[] values)
    {
        var at = position;
        for (var i = 0; i < values.Length; i++)
        {
            // A length is digits only (what int.Parse takes with NumberStyles.None), then a colon.
            long length = 0;
            var digits = at;
            while (digits < claims.Length && claims[digits] is >= '0' and <= '9' && length <= int.MaxValue)
            {
                length = (length * 10) + (claims[digits] - '0');
                digits++;
            }

            if (digits == at || digits >= claims.Length || claims[digits] != ':' || digits + 1 + length > claims.Length)
            {
                return false;
            }

            values[i] = new ClaimSlice(claims, digits + 1, (int)length);
            at = digits + 1 + (int)length;
        }

        position = at;
        return true;
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

        // The first claimant of each key: the shards in name order, then this project's seeds, so that a clash with a
        // shard is reported at this project's seed. Values stay in the claims until they are reported.
        var capacity = shards.Sum(s => s.Count) + own.Length;
        var ids = new Dictionary<ClaimSlice, Claimant>(capacity);
        var members = new Dictionary<ClaimSlice, Claimant>(capacity);
        var urls = new Dictionary<string, Claimant>(capacity, StringComparer.Ordinal);

        void Check(Claimant claimant, ClaimSlice id, ClaimSlice memberName, string url)
        {
            if (Seen(ids, id, claimant) is { } sameId)
            {
                diagnostics.Add(DiagnosticInfo.AtFile(DiagnosticIds.DuplicateSeed, claimant.Own?.Location.FilePath ?? string.Empty, claimant.Label, $"the Id '{id}'", sameId.Label));
            }
            else if (Seen(members, memberName, claimant) is { } sameMember)
            {
                diagnostics.Add(DiagnosticInfo.AtFile(DiagnosticIds.DuplicateSeed, claimant.Own?.Location.FilePath ?? string.Empty, claimant.Label, $"the member name '{memberName}'", sameMember.Label));
            }

            if (Seen(urls, ArticleUrlKey.Of(url), claimant) is { } sameUrl)
            {
                var arguments = new[] { claimant.Label, sameUrl.Label, url }.ToEquatableArray();
                diagnostics.Add(claimant.Own is { } seed
                    ? DiagnosticInfo.At(DiagnosticIds.DuplicateUrl, seed.Location.FilePath, seed.Location.UrlSpanStart, seed.Location.UrlSpanLength, seed.Location.UrlRange, arguments)
                    : new DiagnosticInfo(DiagnosticIds.DuplicateUrl, string.Empty, 0, 0, 0, 0, 0, 0, arguments));
            }
        }

        var values = new ClaimSlice[4];
        for (var i = 0; i < shards.Count; i++)
        {
            var position = 0;
            while (TryRead(shards[i].Claims, ref position, values))
            {
                Check(new Claimant(shards[i].AssemblyName, values[2], null), values[0], values[1], values[3].ToString());
            }
        }

        foreach (var claim in Accepted(own, className))
        {
            Check(new Claimant(null, ClaimSlice.Of(claim.Key.SeedPath), claim), ClaimSlice.Of(claim.Key.Id), ClaimSlice.Of(claim.Key.MemberName), claim.Url);
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>Who claims a key: a seed of a shard (named "Shard: seeds/x.txt" in messages) or of this project (no shard).</summary>
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

        public string Label => Shard is null ? _seedPath.ToString() : Shard + ": " + _seedPath.ToString();
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
}
