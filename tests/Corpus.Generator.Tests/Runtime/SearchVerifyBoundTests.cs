extern alias CorpusRuntime;

using System;
using System.Collections.Generic;
using System.Linq;
using Corpus.Generator.Tests.Generation;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.Search;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The runtime's bound on reading to check (<c>SearchSource.CheckBudget</c>: at most <c>MaxPerSegment</c> documents a
/// segment and <c>PerSearch</c> a search, shared evenly by the segments and clauses): it does not apply to a CJK character
/// beside a word (the index keeps its positions there, format 8), so every match is found; where it does apply (CJK
/// characters set apart), the results say they may be incomplete. (The Roslyn 4.8 test project leaves this
/// folder out: it has no alias for the runtime's own build.)
/// </summary>
public sealed class SearchVerifyBoundTests
{
    /// <summary>
    /// More articles than a segment reads to check (<c>CheckBudget.MaxPerSegment</c>), all in one segment, each with
    /// <c>2020年</c> and <c>中、美</c>. <c>2020年</c> is found by position, every one of them (read to check, as up to
    /// format 7, it found 4,000), and the results are complete. <c>中、美</c> is read to check: the first
    /// <c>MaxPerSegment</c> are found and the results say they are not complete; the scan finds all.
    /// </summary>
    [Fact]
    public void Past_what_a_segment_reads_to_check_a_CJK_character_beside_a_word_is_found_in_full_and_characters_set_apart_are_marked_incomplete()
    {
        var count = CorpusRuntime::SearchSource.CheckBudget.MaxPerSegment + 20;
        var project = Articles(count, _ => "2021-01-10T10:00:00+01:00", _ => "2020年的新闻。中、美");

        var result = project.Generate();
        Assert.Single(result.Sources, source => source.HintName.StartsWith("Corpus.Search.", StringComparison.Ordinal));
        using var probe = new SearchProbe(result.Image());
        var beside = probe.Search("2020年");
        Assert.Equal(count, beside.Total);
        Assert.True(beside.IsComplete);
        Assert.Equal(count, probe.Scan("2020年").Total);

        var apart = probe.Search("中、美");
        Assert.Equal(CorpusRuntime::SearchSource.CheckBudget.MaxPerSegment, apart.Total);
        Assert.False(apart.IsComplete);
        var scanned = probe.Scan("中、美");
        Assert.Equal(count, scanned.Total);
        Assert.True(scanned.IsComplete);
    }

    /// <summary>
    /// An app and two shards, three segments, ten articles each with <c>中、美</c>: a search's budget is shared evenly, so
    /// a budget of 12 reads four of each segment (not twelve of the first) and finds those 12, the results marked
    /// incomplete; a budget of 30 reads them all.
    /// </summary>
    [Fact]
    public void A_searchs_budget_is_shared_evenly_by_the_segments_of_an_app_and_its_shards()
    {
        static IEnumerable<(string Path, string Text)> Seeds(string prefix) =>
            Enumerable.Range(0, 10).Select(i => ($"seeds/{prefix}{i:D2}.txt", SearchTests.Seed("新闻" + prefix + i, $"https://www.rfi.fr/cn/{prefix}{i}", "2021-01-10T10:00:00+01:00", "中、美")));
        var (app, images) = ShardTests.App(ShardTests.Shard("ShardA", Seeds("a")), ShardTests.Shard("ShardB", Seeds("b")));
        foreach (var (path, text) in Seeds("c"))
        {
            app.WithSeed(path, text);
        }

        using var probe = new SearchProbe(app.Generate().Image(), dependencies: images);
        var whole = probe.Search("中、美", new SearchOptionValues(Take: 100));
        Assert.Equal(30, whole.Total);
        Assert.True(whole.IsComplete);
        Assert.Equal(["SearchSegment"], probe.SourceKinds);

        var budgeted = probe.Search("中、美", checkBudget: 12, new SearchOptionValues(Take: 100));
        Assert.Equal(12, budgeted.Total);
        Assert.False(budgeted.IsComplete);
        Assert.Equal(["a:4", "b:4", "c:4"], budgeted.Hits.GroupBy(h => h.Id[0]).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));
        var enough = probe.Search("中、美", checkBudget: 30);
        Assert.Equal(30, enough.Total);
        Assert.True(enough.IsComplete);
    }

    /// <summary>
    /// Thirty articles with <c>中、美</c> and <c>一、二</c>, one segment: a query of both terms shares one budget between
    /// them (20: ten each), so it finds the ten articles both read, marked incomplete; a budget of 60 reads every one.
    /// The texts read to check stay in no cache: a search of many such terms would otherwise keep the whole corpus.
    /// </summary>
    [Fact]
    public void The_clauses_of_a_query_share_its_budget()
    {
        var project = Articles(30, _ => "2021-01-10T10:00:00+01:00", _ => "中、美。一、二");

        using var probe = new SearchProbe(project.Generate().Image());
        // Every article read to check, none found (二、一 is in none): no snippet to make, and no text kept.
        Assert.Equal(0, probe.Search("中、美 二、一").Total);
        Assert.Equal(0, probe.KeptTexts);
        var budgeted = probe.Search("中、美 一、二", checkBudget: 20);
        Assert.Equal(10, budgeted.Total);
        Assert.False(budgeted.IsComplete);
        var enough = probe.Search("中、美 一、二", checkBudget: 60);
        Assert.Equal(30, enough.Total);
        Assert.True(enough.IsComplete);
    }

    /// <summary>
    /// Thirty articles with <c>中、美</c>, a day apart, the newest last by Id: a budget of 10 reads the ten newest
    /// (a capped clause shows an archive's latest articles), not the first ten documents.
    /// </summary>
    [Fact]
    public void A_capped_clause_reads_the_newest_articles()
    {
        var project = Articles(30, i => $"2021-01-{i + 1:D2}T10:00:00+01:00", _ => "中、美");

        using var probe = new SearchProbe(project.Generate().Image());
        var budgeted = probe.Search("中、美", checkBudget: 10, new SearchOptionValues(Take: 100));
        Assert.False(budgeted.IsComplete);
        Assert.Equal(Enumerable.Range(20, 10).Select(i => $"m{i:D5}"), budgeted.Hits.Select(h => h.Id).Order());
    }

    /// <summary>Fewer articles than a segment reads to check: <c>中、美</c> is found in every one, and the results are complete.</summary>
    [Fact]
    public void Below_what_a_segment_reads_to_check_characters_set_apart_are_found_in_full()
    {
        var project = Articles(30, _ => "2021-01-10T10:00:00+01:00", i => i % 3 == 0 ? "美国和中国" : "2020年的新闻。中、美");

        using var probe = new SearchProbe(project.Generate().Image());
        var apart = probe.Search("中、美");
        Assert.Equal(20, apart.Total);
        Assert.True(apart.IsComplete);
    }

    /// <summary>A project of <paramref name="count"/> articles <c>m00000</c>, <c>m00001</c>, …, each with its date and text.</summary>
    private static CorpusProject Articles(int count, Func<int, string> date, Func<int, string> text)
    {
        var project = new CorpusProject();
        for (var i = 0; i < count; i++)
        {
            project.WithSeed($"seeds/m{i:D5}.txt", SearchTests.Seed("新闻" + i, $"https://www.rfi.fr/cn/m{i}", date(i), text(i)));
        }

        return project;
    }
}
