extern alias CorpusRuntime;

using System;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.Search;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The runtime's bound on reading to check (<c>SearchSegment.MaxVerified</c> documents a segment): it does not apply to a
/// CJK character beside a word (the index keeps its positions there, format 8), so every match is found; where it does
/// apply (CJK characters set apart), the results say they may be incomplete. (The Roslyn 4.8 test project leaves this
/// folder out: it has no alias for the runtime's own build.)
/// </summary>
public sealed class SearchVerifyBoundTests
{
    /// <summary>
    /// More articles than a segment reads to check (<c>SearchSegment.MaxVerified</c>), all in one segment, each with
    /// <c>2020年</c> and <c>中、美</c>. <c>2020年</c> is found by position, every one of them (read to check, as up to
    /// format 7, it found 4,000), and the results are complete. <c>中、美</c> is read to check: the first
    /// <c>MaxVerified</c> are found and the results say they are not complete; the scan finds all.
    /// </summary>
    [Fact]
    public void Past_what_a_segment_reads_to_check_a_CJK_character_beside_a_word_is_found_in_full_and_characters_set_apart_are_marked_incomplete()
    {
        var count = CorpusRuntime::SearchSegment.MaxVerified + 20;
        var project = new CorpusProject();
        for (var i = 0; i < count; i++)
        {
            project.WithSeed($"seeds/m{i:D5}.txt", SearchTests.Seed("新闻" + i, $"https://www.rfi.fr/cn/m{i}", "2021-01-10T10:00:00+01:00", "2020年的新闻。中、美"));
        }

        var result = project.Generate();
        Assert.Single(result.Sources, source => source.HintName.StartsWith("Corpus.Search.", StringComparison.Ordinal));
        using var probe = new SearchProbe(result.Image());
        var beside = probe.Search("2020年");
        Assert.Equal(count, beside.Total);
        Assert.True(beside.IsComplete);
        Assert.Equal(count, probe.Scan("2020年").Total);

        var apart = probe.Search("中、美");
        Assert.Equal(CorpusRuntime::SearchSegment.MaxVerified, apart.Total);
        Assert.False(apart.IsComplete);
        var scanned = probe.Scan("中、美");
        Assert.Equal(count, scanned.Total);
        Assert.True(scanned.IsComplete);
    }

    /// <summary>Fewer articles than a segment reads to check: <c>中、美</c> is found in every one, and the results are complete.</summary>
    [Fact]
    public void Below_what_a_segment_reads_to_check_characters_set_apart_are_found_in_full()
    {
        var project = new CorpusProject();
        for (var i = 0; i < 30; i++)
        {
            project.WithSeed($"seeds/m{i:D5}.txt", SearchTests.Seed("新闻" + i, $"https://www.rfi.fr/cn/m{i}", "2021-01-10T10:00:00+01:00", i % 3 == 0 ? "美国和中国" : "2020年的新闻。中、美"));
        }

        using var probe = new SearchProbe(project.Generate().Image());
        var apart = probe.Search("中、美");
        Assert.Equal(20, apart.Total);
        Assert.True(apart.IsComplete);
    }
}
