using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;

namespace Corpus.Web.Tests;

/// <summary>
/// <c>/api/search</c> over plain HTTP: the shape, totals, facets, filters, pages and order, and hostile input. Every test
/// holds with the repository's seed alone and with the shared real corpus beside it (then more articles match).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SearchApiTests(WebAppProcess app)
{
    /// <summary>In the seed's title ("…与北约会谈…"), and in many articles of the real corpus.</summary>
    private const string Nato = "北约";

    [Fact]
    public async Task A_search_has_its_shape_and_every_facet_counts_over_all_matches()
    {
        using var json = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Nato));
        var result = json.RootElement;
        Assert.Equal(["query", "terms", "total", "isComplete", "page", "pageSize", "totalPages", "sort", "filters", "hits", "facets"], result.EnumerateObject().Select(p => p.Name));
        Assert.True(result.GetProperty("isComplete").GetBoolean());
        Assert.Equal(Nato, result.GetProperty("query").GetString());
        Assert.Equal([Nato], result.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("relevance", result.GetProperty("sort").GetString());
        var total = result.GetProperty("total").GetInt32();
        var hits = result.GetProperty("hits").EnumerateArray().ToArray();
        Assert.InRange(total, 1, int.MaxValue);
        Assert.Equal(Math.Min(10, total), hits.Length);
        Assert.Equal((total + 9) / 10, result.GetProperty("totalPages").GetInt32());
        Assert.Contains(hits, h => h.GetProperty("article").GetProperty("id").GetString() == RepositorySeed.Id);

        var hit = hits[0];
        Assert.Equal(["article", "score", "snippet"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["text", "offset", "matches"], hit.GetProperty("snippet").EnumerateObject().Select(p => p.Name));

        // Best first: scores never rise.
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToArray();
        Assert.All(scores, s => Assert.True(s > 0, $"score {s}"));
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        // Every matching article has one outlet and one language, so each facet's counts add up to the total.
        var facets = result.GetProperty("facets");
        Assert.Equal(["outlets", "languages", "years"], facets.EnumerateObject().Select(p => p.Name));
        Assert.Equal(total, facets.GetProperty("outlets").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));
        Assert.Equal(total, facets.GetProperty("languages").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));
        Assert.InRange(facets.GetProperty("years").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()), 1, total);
        Assert.Contains(facets.GetProperty("outlets").EnumerateArray(), f => f.GetProperty("value").GetString() == "RFI");
        Assert.Contains(facets.GetProperty("years").EnumerateArray(), f => f.GetProperty("value").GetString() == "2022");
    }

    [Fact]
    public async Task Every_match_range_of_a_snippet_holds_the_term()
    {
        using var json = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Nato) + "&pageSize=100");
        foreach (var hit in json.RootElement.GetProperty("hits").EnumerateArray())
        {
            var snippet = hit.GetProperty("snippet");
            var text = snippet.GetProperty("text").GetString()!;
            foreach (var match in snippet.GetProperty("matches").EnumerateArray())
            {
                Assert.Equal(Nato, text.Substring(match.GetProperty("start").GetInt32(), match.GetProperty("length").GetInt32()));
            }
        }
    }

    [Fact]
    public async Task A_chinese_phrase_from_inside_a_sentence_is_found_with_its_range_in_the_snippet()
    {
        using var json = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(RepositorySeed.ChinesePhrase));
        var result = json.RootElement;
        Assert.Equal(1, result.GetProperty("total").GetInt32());
        var hit = Assert.Single(result.GetProperty("hits").EnumerateArray().ToArray());
        Assert.Equal(RepositorySeed.Id, hit.GetProperty("article").GetProperty("id").GetString());
        var snippet = hit.GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        Assert.Contains("普京正用" + RepositorySeed.ChinesePhrase + "北约的团结程度", text, StringComparison.Ordinal);
        var match = Assert.Single(snippet.GetProperty("matches").EnumerateArray().ToArray());
        Assert.Equal(text.IndexOf(RepositorySeed.ChinesePhrase, StringComparison.Ordinal), match.GetProperty("start").GetInt32());
        Assert.Equal(RepositorySeed.ChinesePhrase.Length, match.GetProperty("length").GetInt32());

        // The offset places the snippet in the article's text.
        using var article = await app.GetJsonAsync("/api/articles/" + RepositorySeed.Id);
        var offset = snippet.GetProperty("offset").GetInt32();
        Assert.Equal(text, article.RootElement.GetProperty("text").GetString()!.Substring(offset, text.Length));
    }

    [Fact]
    public async Task Terms_split_at_ideographic_spaces_must_all_match()
    {
        // Two phrases of different sections of the seed, with U+3000 (the ideographic space) between them.
        using var both = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("计划却被普京打乱\u3000斯摩棱斯克"));
        Assert.Equal(["计划却被普京打乱", "斯摩棱斯克"], both.RootElement.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        var hit = Assert.Single(both.RootElement.GetProperty("hits").EnumerateArray().ToArray());
        Assert.Equal(RepositorySeed.Id, hit.GetProperty("article").GetProperty("id").GetString());

        using var notBoth = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("斯摩棱斯克 這個詞不在任何文章裡"));
        Assert.Equal(0, notBoth.RootElement.GetProperty("total").GetInt32());
        Assert.Empty(notBoth.RootElement.GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task A_phrase_of_the_title_ranks_its_article_first()
    {
        using var json = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("另只手在乌克兰边境"));
        var first = json.RootElement.GetProperty("hits").EnumerateArray().First();
        Assert.Equal(RepositorySeed.Id, first.GetProperty("article").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_facet_value_as_a_filter_finds_as_many_articles_as_it_counted()
    {
        using var all = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Nato));
        foreach (var (facet, parameter, member) in new[] { ("outlets", "outlet", "outlet"), ("languages", "language", "language") })
        {
            var first = all.RootElement.GetProperty("facets").GetProperty(facet).EnumerateArray().First();
            var value = first.GetProperty("value").GetString()!;
            using var filtered = await app.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(Nato)}&{parameter}={Uri.EscapeDataString(value)}&pageSize=100");
            var result = filtered.RootElement;
            Assert.Equal(first.GetProperty("count").GetInt32(), result.GetProperty("total").GetInt32());
            Assert.Equal(value, result.GetProperty("filters").GetProperty(parameter).GetString());
            Assert.All(result.GetProperty("hits").EnumerateArray(), h => Assert.Equal(value, h.GetProperty("article").GetProperty(member).GetString()));
            // The facet of the filter itself now holds that value alone.
            Assert.Equal([value], result.GetProperty("facets").GetProperty(facet).EnumerateArray().Select(f => f.GetProperty("value").GetString()));
        }

        using var none = await app.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(Nato)}&outlet=No%20such%20outlet");
        Assert.Equal(0, none.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_filter_without_a_query_lists_every_article_it_lets_through_newest_first()
    {
        // RFI: the repository seed's outlet; /api/articles counts its articles by reading every one.
        using var listed = await app.GetJsonAsync("/api/articles?outlet=rfi&pageSize=100");
        using var browsed = await app.GetJsonAsync("/api/search?outlet=rfi&pageSize=100");
        var result = browsed.RootElement;
        var total = result.GetProperty("total").GetInt32();
        Assert.Equal(listed.RootElement.GetProperty("totalItems").GetInt32(), total);
        Assert.InRange(total, 1, int.MaxValue);
        Assert.Empty(result.GetProperty("terms").EnumerateArray());
        var hits = result.GetProperty("hits").EnumerateArray().ToArray();
        Assert.All(hits, h => Assert.Equal("RFI", h.GetProperty("article").GetProperty("outlet").GetString()));
        var dates = hits.Select(h => h.GetProperty("article").GetProperty("publishedAt")).Where(d => d.ValueKind != JsonValueKind.Null).Select(d => d.GetDateTimeOffset()).ToArray();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal([new KeyValuePair<string, int>("RFI", total)], result.GetProperty("facets").GetProperty("outlets").EnumerateArray().Select(f => new KeyValuePair<string, int>(f.GetProperty("value").GetString()!, f.GetProperty("count").GetInt32())));
        if (total <= 100)
        {
            Assert.Contains(hits, h => h.GetProperty("article").GetProperty("id").GetString() == RepositorySeed.Id);
        }

        // No query and no filter: nothing (the article list is /api/articles).
        using var nothing = await app.GetJsonAsync("/api/search?q=");
        Assert.Equal(0, nothing.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_year_filter_keeps_the_articles_of_that_year()
    {
        using var filtered = await app.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(Nato)}&year=2022&pageSize=100");
        var hits = filtered.RootElement.GetProperty("hits").EnumerateArray().ToArray();
        Assert.Contains(hits, h => h.GetProperty("article").GetProperty("id").GetString() == RepositorySeed.Id);
        Assert.All(hits, h => Assert.Equal(2022, h.GetProperty("article").GetProperty("publishedAt").GetDateTimeOffset().UtcDateTime.Year));

        using var before = await app.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(Nato)}&year=1999");
        Assert.Equal(0, before.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Pages_follow_one_another_and_a_page_past_the_end_is_empty()
    {
        var query = "/api/search?q=" + Uri.EscapeDataString(Nato);
        using var firstTwo = await app.GetJsonAsync(query + "&pageSize=2");
        using var second = await app.GetJsonAsync(query + "&pageSize=1&page=2");
        var total = firstTwo.RootElement.GetProperty("total").GetInt32();
        Assert.Equal(total, second.RootElement.GetProperty("total").GetInt32());
        var ids = firstTwo.RootElement.GetProperty("hits").EnumerateArray().Select(Id).ToArray();
        var secondIds = second.RootElement.GetProperty("hits").EnumerateArray().Select(Id).ToArray();
        if (total >= 2)
        {
            Assert.Equal([ids[1]], secondIds);
        }
        else
        {
            Assert.Empty(secondIds);
        }

        using var past = await app.GetJsonAsync(query + "&page=100000");
        Assert.Empty(past.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal(total, past.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Newest_first_orders_the_hits_by_date()
    {
        using var json = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Nato) + "&sort=newest&pageSize=100");
        Assert.Equal("newest", json.RootElement.GetProperty("sort").GetString());
        var dates = json.RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("article").GetProperty("publishedAt"))
            .Where(d => d.ValueKind != JsonValueKind.Null).Select(d => d.GetDateTimeOffset()).ToArray();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%20%20%20")]
    [InlineData("%E3%80%80")]
    [InlineData("%00")]
    [InlineData("%E5%8C%97%E7%BA%A6%00")]
    [InlineData("%F0%9F%98%80%20%F0%9F%8E%89")]
    [InlineData("%ED%A0%80")] // a lone surrogate's bytes: not UTF-8
    [InlineData(".*%5Ba-z%5D%2B(%3F%3Dx)%5C%20%5E%24%20%7C%20(a%2B)%2B")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("%22unclosed%20phrase")]
    [InlineData("!!!%20%3F%3F%3F%20...")]
    [InlineData("AND%20OR%20NOT%20*%20%3F%20~%20title%3Ax")]
    public async Task Hostile_queries_are_answered(string query)
    {
        using var json = await app.GetJsonAsync("/api/search?q=" + query);
        var result = json.RootElement;
        Assert.InRange(result.GetProperty("total").GetInt32(), 0, int.MaxValue);
        Assert.InRange(result.GetProperty("hits").GetArrayLength(), 0, 10);
    }

    [Fact]
    public async Task Long_queries_are_cut_and_answered()
    {
        // 5,000 characters (ASCII: 5,000 Chinese characters, percent-encoded, pass the 8 KB request line servers accept).
        using var long5000 = await app.GetJsonAsync("/api/search?q=" + new string('x', 5000));
        Assert.Equal(200, long5000.RootElement.GetProperty("query").GetString()!.Length);

        var terms = string.Join(" ", Enumerable.Range(0, 200).Select(i => "term" + i));
        using var many = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(terms));
        Assert.Equal(0, many.RootElement.GetProperty("total").GetInt32());
        Assert.InRange(many.RootElement.GetProperty("terms").GetArrayLength(), 1, 200);
    }

    [Theory]
    [InlineData("/api/search?q=x&page=0")]
    [InlineData("/api/search?q=x&pageSize=0")]
    [InlineData("/api/search?q=x&pageSize=101")]
    public async Task A_bad_page_is_a_json_error_400(string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
    }

    private static string Id(JsonElement hit) => hit.GetProperty("article").GetProperty("id").GetString()!;
}
