using System;
using System.Collections.Generic;
using System.Linq;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// <c>Articles.Search</c> and <c>Articles.Related</c> on a small corpus written here, compiled and loaded: what a
/// query means, the filters, facets, order and pages, snippets, and that the index answers as the reference scan does.
/// </summary>
public sealed class SearchTests : IDisposable
{
    internal static string Seed(string title, string url, string date, string text, string tags = "") =>
        $"---\ntitle: \"{title}\"\ndate: {date}\nfrom: {url}\n" + (tags.Length > 0 ? $"tags: [ {tags} ]\n" : string.Empty)
        + $"---\n<article>\n<p>{text}</p>\n</article>\n";

    /// <summary>The corpus of these tests: (path, text) of each seed.</summary>
    internal static readonly (string Path, string Text)[] Corpus =
    [
        ("seeds/s01.txt", Seed("乌克兰与北约峰会", "https://www.rfi.fr/cn/a1", "2022-03-01T10:00:00+01:00", "北约秘书长在乌克兰问题上表示支持。在TikTok上流传的视频引起关注。", "战争, 欧洲")),
        ("seeds/s02.txt", Seed("COVID-19 cases rise in Europe", "https://www.bbc.com/news/a2", "2021-05-02T08:00:00+00:00", "The pandemic of COVID-19 keeps Café owners worried across Europe.")),
        ("seeds/s03.txt", Seed("乌克兰与北约峰会更新", "https://www.rfi.fr/cn/a3", "2022-03-02T10:00:00+01:00", "更新：北约秘书长在乌克兰问题上再次表示支持。")),
        ("seeds/s04.txt", Seed("疫情下的台灣經濟", "https://www.dw.com/zh/a4", "2020-04-01T12:00:00+02:00", "台灣在疫情期間的經濟表現。", "疫情, 台灣")),
        ("seeds/s05.txt", Seed("Ukraine and NATO", "https://www.bbc.com/news/a5", "2023-07-11T09:00:00+00:00", "NATO leaders met in Vilnius to discuss Ukraine before the summit.")),
        ("seeds/s06.txt", Seed("Vaccines and doubts", "https://www.bbc.com/news/a6", "2021-06-01T09:00:00+00:00", "A covidiot refused the covid 19 vaccine; crème brûlée was served.")),
        ("seeds/s07.txt", Seed("NATO summit news", "https://www.bbc.com/news/a7", "2023-07-12T09:00:00+00:00", "Leaders of NATO agreed on the summit text; many other words make this text longer than the title.")),
        ("seeds/s08.txt", Seed("東京オリンピック開幕", "https://www.nhk.or.jp/a8", "2021-07-23T20:00:00+09:00", "東京で五輪が開幕した。")),
        // 2020 where it was published, 2021 in UTC: the year facet and the year filter must agree on it.
        ("seeds/s09.txt", Seed("Fireworks over Washington", "https://www.voanews.com/a9", "2020-12-31T23:30:00-05:00", "Crowds watched fireworks at midnight.")),
    ];

    internal static CorpusProject Project()
    {
        var project = new CorpusProject();
        foreach (var (path, text) in Corpus)
        {
            project.WithSeed(path, text);
        }

        return project;
    }

    private static readonly Lazy<byte[]> Image = new(() => Project().Generate().Image());

    private readonly SearchProbe _probe = new(Image.Value);

    public void Dispose() => _probe.Dispose();

    private IReadOnlyList<string> Found(string query, SearchOptionValues? options = null) =>
        _probe.Search(query, options).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("乌克兰 北约", "s01 s03")]
    [InlineData("峰", "s01 s03")]
    [InlineData("兰与北", "s01 s03")]
    [InlineData("兰北", "")]
    [InlineData("TikTok", "s01")]
    [InlineData("tiktok上", "s01")]
    [InlineData("ＣＯＶＩＤ－１９", "s02 s06")]
    [InlineData("covid-19 europe", "s02")]
    [InlineData("CAFE", "s02")]
    [InlineData("creme brulee", "s06")]
    [InlineData("covidi", "s06")]
    [InlineData("covidi ", "")]
    [InlineData("\"nato leaders\"", "s05")]
    [InlineData("\"leaders nato\"", "")]
    [InlineData("\"leaders of nato\"", "s07")]
    [InlineData("オリンピック", "s08")]
    [InlineData("台灣 經濟", "s04")]
    [InlineData("台湾", "")]
    [InlineData("nothingmatchesthis", "")]
    [InlineData("nato-vaccines-cov", "")]
    [InlineData("nato-leaders-me", "s05")]
    public void Every_term_must_occur_as_the_issue_defines_a_match(string query, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Found(query));
    }

    [Fact]
    public void A_title_match_ranks_above_a_text_match_and_equal_scores_go_newest_first()
    {
        // Both have the word once in the text: the shorter text ranks first.
        var hits = _probe.Search("leaders").Hits;
        Assert.Equal(["s05", "s07"], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score);

        // s07 has the summit in its title, s05 in its shorter text only.
        var title = _probe.Search("summit").Hits;
        Assert.Equal(["s07", "s05"], title.Select(h => h.Id));

        var newest = _probe.Search("nato", new SearchOptionValues(Newest: true)).Hits;
        Assert.Equal(["s07", "s05"], newest.Select(h => h.Id));
    }

    [Fact]
    public void Filters_facets_and_pages()
    {
        var all = _probe.Search("the");
        Assert.Equal(4, all.Total);
        Assert.Equal([new FacetValues("BBC", 4)], all.Outlets);
        Assert.Equal([new FacetValues("en", 4)], all.Languages);
        Assert.Equal([new FacetValues("2023", 2), new FacetValues("2021", 2)], all.Years);

        Assert.Equal(["s04"], Found("疫情", new SearchOptionValues(Tag: "疫情")));
        Assert.Equal(["s04"], Found("台灣", new SearchOptionValues(Language: "zh")));
        Assert.Equal(["s04"], Found("台灣", new SearchOptionValues(Language: "ZH-hant", Outlet: "dw")));
        Assert.Empty(Found("台灣", new SearchOptionValues(Language: "en")));
        Assert.Equal(["s06"], Found("the", new SearchOptionValues(From: new DateTimeOffset(2021, 6, 1, 9, 0, 0, TimeSpan.Zero), To: new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero))));

        Assert.Equal(["s02", "s06"], Found("the", new SearchOptionValues(Year: 2021)));
        Assert.Equal(["s06"], Found("the", new SearchOptionValues(Year: 2021, From: new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.Empty(Found("the", new SearchOptionValues(Year: 2022)));

        var page = _probe.Search("the", new SearchOptionValues(Newest: true, Skip: 1, Take: 1));
        Assert.Equal(4, page.Total);
        Assert.Equal(["s05"], page.Hits.Select(h => h.Id));
        Assert.Empty(_probe.Search("the", new SearchOptionValues(Skip: 5)).Hits);
        Assert.Empty(_probe.Search("the", new SearchOptionValues(Take: -1)).Hits);
    }

    [Fact]
    public void A_search_of_no_terms_lists_what_its_filters_let_through_newest_first()
    {
        var bbc = _probe.Search("", new SearchOptionValues(Outlet: "bbc"));
        Assert.Equal(4, bbc.Total);
        Assert.True(bbc.IsComplete);
        Assert.Equal(["s07", "s05", "s06", "s02"], bbc.Hits.Select(h => h.Id));
        Assert.Equal([new FacetValues("BBC", 4)], bbc.Outlets);
        Assert.Equal([new FacetValues("2023", 2), new FacetValues("2021", 2)], bbc.Years);
        var first = bbc.Hits[0];
        Assert.Empty(first.Matches);
        Assert.StartsWith("Leaders of NATO", first.Snippet, StringComparison.Ordinal);

        Assert.Equal(["s05", "s06"], _probe.Search("  ", new SearchOptionValues(Outlet: "BBC", Newest: true, Skip: 1, Take: 2)).Hits.Select(h => h.Id));
        Assert.Equal(["s04"], _probe.Search("\u3000", new SearchOptionValues(Tag: "台灣")).Hits.Select(h => h.Id));
        // s09 was published on 2020-12-31 at UTC-5, after s04 (April 2020).
        Assert.Equal(["s09", "s04"], _probe.Search(null, new SearchOptionValues(Year: 2020)).Hits.Select(h => h.Id));
        Assert.Equal(["s06", "s02"], _probe.Search("", new SearchOptionValues(From: new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), To: new DateTimeOffset(2021, 7, 1, 0, 0, 0, TimeSpan.Zero), Outlet: "BBC")).Hits.Select(h => h.Id));

        // No filter: nothing is listed (Articles.All lists everything).
        Assert.Equal(0, _probe.Search("", new SearchOptionValues(Newest: true)).Total);
        Assert.Equal(0, _probe.Search("!!!", new SearchOptionValues(Take: 5)).Total);

        foreach (var options in new[] { new SearchOptionValues(Outlet: "bbc", Take: 100), new SearchOptionValues(Language: "zh", Take: 100), new SearchOptionValues(Tag: "战争", Take: 100) })
        {
            Assert.Equal(_probe.Scan("", options), _probe.Search("", options), new SearchValuesComparer());
        }
    }

    [Fact]
    public void A_year_is_the_one_the_facet_counts_the_article_under_its_own_offset()
    {
        // Published 2020-12-31 23:30 at UTC-5, that is 2021-01-01 04:30 UTC.
        var fireworks = _probe.Search("fireworks");
        Assert.Equal([new FacetValues("2020", 1)], fireworks.Years);
        Assert.Equal(["s09"], Found("fireworks", new SearchOptionValues(Year: 2020)));
        Assert.Empty(Found("fireworks", new SearchOptionValues(Year: 2021)));
        Assert.Equal(["s09"], Found("fireworks", new SearchOptionValues(From: new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void A_snippet_is_the_text_around_the_first_match_with_every_match_in_it()
    {
        var hit = Assert.Single(_probe.Search("ＣＯＶＩＤ－１９ europe").Hits);
        Assert.Equal("s02", hit.Id);
        Assert.Equal(["COVID-19", "Europe"], hit.Matches);
        Assert.StartsWith("The pandemic", hit.Snippet, StringComparison.Ordinal);

        var cjk = _probe.Search("乌克兰").Hits.Single(h => h.Id == "s01");
        Assert.Equal(["乌克兰"], cjk.Matches);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    \u3000  ")]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("!!! ???")]
    [InlineData("😀 🎉")]
    [InlineData("a\u0000b")]
    [InlineData(".*+?^${}()|[]\\")]
    [InlineData("\uD800")]
    public void Any_input_is_answered(string? query)
    {
        var results = _probe.Search(query);
        Assert.True(results.Total >= 0);
        Assert.True(results.Query.Length <= 200);
    }

    [Fact]
    public void Long_input_is_cut_and_many_terms_are_bounded()
    {
        var longQuery = _probe.Search(new string('x', 5000));
        Assert.Equal(200, longQuery.Query.Length);
        Assert.Equal(0, longQuery.Total);

        var many = _probe.Search(string.Join(" ", Enumerable.Range(0, 200).Select(i => "w" + i)));
        Assert.True(many.Terms.Count <= 16);
        Assert.Equal(0, many.Total);
    }

    [Fact]
    public void Related_puts_the_rewritten_story_first_and_never_the_article_itself()
    {
        var related = _probe.Related("s01", 5);
        Assert.Equal("s03", related[0]);
        Assert.DoesNotContain("s01", related);
        Assert.Empty(_probe.Related("s01", 0));
        Assert.Equal(["s07"], _probe.Related("s05", 5).Take(1));
    }

    internal static readonly string[] QueryList =
    [
        "乌克兰 北约", "峰", "兰北", "TikTok", "ＣＯＶＩＤ－１９", "covid", "cov", "the", "\"nato leaders\"", "nato", "疫情",
        "オリンピック 東京", "leaders text", "e", "a",
    ];

    public static TheoryData<string> Queries() => new(QueryList);

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_index_answers_as_the_reference_scan(string query)
    {
        var index = _probe.Search(query, new SearchOptionValues(Take: 100));
        var scan = _probe.Scan(query, new SearchOptionValues(Take: 100));
        Assert.Equal(["SearchSegment"], _probe.SourceKinds);
        Assert.Equal(scan, index, new SearchValuesComparer());
    }

    [Fact]
    public void Related_of_the_index_is_related_of_the_scan()
    {
        foreach (var id in _probe.AllIds)
        {
            Assert.Equal(_probe.ScanRelated(id, 5), _probe.Related(id, 5));
        }
    }
}

/// <summary>Two answers are the same: query, terms, total, facets, completeness, and each hit's Id, score, snippet and matches.</summary>
internal sealed class SearchValuesComparer : IEqualityComparer<SearchValues>
{
    public bool Equals(SearchValues? x, SearchValues? y) =>
        x is not null && y is not null && x.Query == y.Query && x.Terms.SequenceEqual(y.Terms) && x.Total == y.Total
        && x.Hits.SequenceEqual(y.Hits, new HitComparer()) && x.Outlets.SequenceEqual(y.Outlets)
        && x.Languages.SequenceEqual(y.Languages) && x.Years.SequenceEqual(y.Years) && x.IsComplete == y.IsComplete;

    public int GetHashCode(SearchValues obj) => obj.Total;

    private sealed class HitComparer : IEqualityComparer<HitValues>
    {
        public bool Equals(HitValues? x, HitValues? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Score == y.Score && x.Snippet == y.Snippet && x.Matches.SequenceEqual(y.Matches);

        public int GetHashCode(HitValues obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
