extern alias CorpusRuntime;

using System;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.Search;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The runtime's bound on reading to check (<c>SearchSegment.MaxVerified</c> documents a segment) does not apply to a
/// CJK character beside a word: the index keeps its positions there (format 8), so every match is found. (The Roslyn
/// 4.8 test project leaves this folder out: it has no alias for the runtime's own build.)
/// </summary>
public sealed class SearchVerifyBoundTests
{
    /// <summary>
    /// More articles than a segment reads to check (<c>SearchSegment.MaxVerified</c>), all in one segment, each with
    /// <c>2020年</c>: found by position, every one of them (read to check, as up to format 7, it found 4,000).
    /// </summary>
    [Fact]
    public void A_CJK_character_beside_a_word_is_found_in_more_articles_than_a_segment_reads_to_check()
    {
        var count = CorpusRuntime::SearchSegment.MaxVerified + 20;
        var project = new CorpusProject();
        for (var i = 0; i < count; i++)
        {
            project.WithSeed($"seeds/m{i:D5}.txt", SearchTests.Seed("新闻" + i, $"https://www.rfi.fr/cn/m{i}", "2021-01-10T10:00:00+01:00", "2020年的新闻。"));
        }

        var result = project.Generate();
        Assert.Single(result.Sources, source => source.HintName.StartsWith("Corpus.Search.", StringComparison.Ordinal));
        using var probe = new SearchProbe(result.Image());
        Assert.Equal(count, probe.Search("2020年").Total);
        Assert.Equal(count, probe.Scan("2020年").Total);
    }
}
