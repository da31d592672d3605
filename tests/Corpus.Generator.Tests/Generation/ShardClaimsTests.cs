using System.Collections.Immutable;
using System.Linq;
using Corpus.Generator.Model;
using Corpus.Generator.Planning;
using Corpus.Generator.Reading;
using Corpus.Generator.Emitting;
using Xunit;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// A shard's claims (the Id, member name, seed path and URL of each seed it accepted, in one constant) as the app reads
/// them, and the app's checks across shards on plain values, without a compiler. ShardTests has them through the
/// generator and compiled shards.
/// </summary>
public sealed class ShardClaimsTests
{
    private static readonly SeedLocation Nowhere = new(string.Empty, 0, 0, default);

    private static SeedClaim Claim(string id, string member, string path, string url) => new(new SeedKey(id, member, path), url, Nowhere);

    private static ShardReference Shard(string name, params SeedClaim[] claims) =>
        new(name, "global::" + name + ".ArticlesData", RecordEncoder.FormatVersion, claims.Length, ShardClaims.Encode(claims));

    private static string[] Messages(ImmutableArray<SeedClaim> own, params ShardReference[] shards) =>
        ShardPlan.CheckAcrossShards(own, "Articles", new CorpusReferences(RecordEncoder.FormatVersion, shards.ToEquatableArray()))
            .Select(d => d.Id + " " + string.Join(" | ", d.MessageArguments))
            .ToArray();

    [Fact]
    public void Claims_read_back_as_written_whatever_their_characters()
    {
        // Lengths, colons and digits inside values; a lone surrogate; an empty value.
        var claims = new[]
        {
            Claim("12:ab", "M12", "seeds/3:4.txt", "https://x.example/a?b=1:2"),
            Claim("b\uD800", string.Empty, "seeds/é 漢.txt", "5:"),
        };

        var read = ShardClaims.Decode(ShardClaims.Encode(claims));

        Assert.Equal(
            [("12:ab", "M12", "seeds/3:4.txt", "https://x.example/a?b=1:2"), ("b\uD800", string.Empty, "seeds/é 漢.txt", "5:")],
            read.Select(c => (c.Id, c.MemberName, c.SeedPath, c.Url)));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("3")]
    [InlineData("3:ab")]
    [InlineData("-1:")]
    [InlineData(" 1:a")]
    [InlineData("99999999999:a")]
    [InlineData("1:a1:b1:c")]
    public void Claims_that_cannot_be_read_end_the_list_after_the_last_whole_claim(string rest)
    {
        var whole = ShardClaims.Encode([Claim("a1", "A1", "seeds/a1.txt", "https://x.example/a1")]);

        var read = ShardClaims.Decode(whole + rest);

        Assert.Equal(["a1"], read.Select(c => c.Id));
    }

    [Fact]
    public void Two_shards_claiming_a_member_name_or_an_address_are_reported_naming_both_and_a_shards_own_repeat_is_left_to_it()
    {
        var shardA = Shard(
            "ShardA",
            Claim("a1", "Same", "seeds/a1.txt", "https://www.example.org/news/1"),
            Claim("a2", "A2", "seeds/a2.txt", "https://www.example.org/news/2"),
            Claim("a3", "A3", "seeds/a3.txt", "https://www.example.org/news/2"));
        var shardB = Shard(
            "ShardB",
            Claim("b1", "Same", "seeds/b1.txt", "https://www.example.org/news/b1"),
            Claim("b2", "B2", "seeds/b2.txt", "http://WWW.example.org/news/1/#top"));

        var messages = Messages([], shardA, shardB);

        // a2 and a3 share an address inside ShardA: ShardA's own build reports that, not the app's.
        Assert.Equal(
            [
                "CORPUS007 ShardB: seeds/b1.txt | the member name 'Same' | ShardA: seeds/a1.txt",
                "CORPUS008 ShardB: seeds/b2.txt | ShardA: seeds/a1.txt | http://WWW.example.org/news/1/#top",
            ],
            messages);
    }

    [Fact]
    public void An_Id_taken_by_another_shard_is_reported_once_and_its_member_name_is_not_checked_again()
    {
        var shardA = Shard("ShardA", Claim("a1", "A1", "seeds/a1.txt", "https://x.example/1"));
        var shardB = Shard("ShardB", Claim("a1", "A1", "seeds/other.txt", "https://x.example/2"));
        var own = ImmutableArray.Create(Claim("own", "A1", "seeds/own.txt", "https://x.example/3"));

        var messages = Messages(own, shardA, shardB);

        Assert.Equal(
            [
                "CORPUS007 ShardB: seeds/other.txt | the Id 'a1' | ShardA: seeds/a1.txt",
                "CORPUS007 seeds/own.txt | the member name 'A1' | ShardA: seeds/a1.txt",
            ],
            messages);
    }
}
