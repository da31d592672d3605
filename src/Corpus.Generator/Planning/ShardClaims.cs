using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// The codec of a shard's claims: the Id, member name, seed path and URL of each seed the shard accepted, in one string
/// constant of its data class (<c>Claims</c>) that the apps referencing the shard read back. Each value is written as
/// <c>length:value</c>, so any character may appear in it.
/// </summary>
internal static class ShardClaims
{
    /// <summary>How many values one claim has: Id, member name, seed path, URL.</summary>
    public const int ValuesPerClaim = 4;

    /// <summary>How a seed of a shard is named in messages: the shard's assembly name, then the seed path (<c>News2022: seeds/x.txt</c>).</summary>
    public static string Label(string shard, string seedPath) => shard + ": " + seedPath;

    /// <summary>The claims of the accepted seeds, in Id order.</summary>
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

    /// <summary>The claims <see cref="Encode"/> wrote, as strings; what cannot be read (another writer's format) ends the list.</summary>
    public static List<ShardClaim> Decode(string claims)
    {
        var result = new List<ShardClaim>();
        var position = 0;
        var values = new ClaimSlice[ValuesPerClaim];
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
    public static bool TryRead(string claims, ref int position, ClaimSlice[] values)
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
}

/// <summary>One seed a shard accepted, as an app reads it back from the shard's claims (the lookup analyzer's catalog).</summary>
internal sealed record ShardClaim(string Id, string MemberName, string SeedPath, string Url);
