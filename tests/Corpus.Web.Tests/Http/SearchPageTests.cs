using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.Tasks;

namespace Corpus.Web.Tests;

/// <summary>The search page and the related articles over plain HTTP: what the HTML holds, encoded.</summary>
[Collection(WebAppCollection.Name)]
public sealed class SearchPageTests(WebAppProcess app)
{
    /// <summary>The app's own encoder settings (Program.cs): every script as itself, &lt; &gt; &amp; ' " encoded.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    [Theory]
    [InlineData("北约")]
    [InlineData("俄罗斯 乌克兰")]
    public async Task Each_snippet_is_written_encoded_with_its_matches_marked(string query)
    {
        using var api = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(query));
        var html = await app.Http.GetStringAsync("/search?q=" + Uri.EscapeDataString(query));
        var hits = api.RootElement.GetProperty("hits").EnumerateArray().ToArray();
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            // The paragraph the page must hold, made here from the API's text and ranges and encoded as the app encodes.
            var snippet = hit.GetProperty("snippet");
            var text = snippet.GetProperty("text").GetString()!;
            var expected = new StringBuilder("<p class=\"snippet\" lang=\"" + hit.GetProperty("article").GetProperty("language").GetString() + "\">");
            if (snippet.GetProperty("offset").GetInt32() > 0)
            {
                expected.Append('…');
            }

            var at = 0;
            foreach (var match in snippet.GetProperty("matches").EnumerateArray())
            {
                var start = match.GetProperty("start").GetInt32();
                var end = start + match.GetProperty("length").GetInt32();
                expected.Append(Encoder.Encode(text[at..start])).Append("<mark>").Append(Encoder.Encode(text[start..end])).Append("</mark>");
                at = end;
            }

            expected.Append(Encoder.Encode(text[at..]));
            Assert.Contains(expected.ToString(), html, StringComparison.Ordinal);
        }

        Assert.Equal(hits.Sum(h => h.GetProperty("snippet").GetProperty("matches").GetArrayLength()), Count(html, "<mark>"));
    }

    [Fact]
    public async Task A_filter_without_a_query_lists_its_articles_on_the_page()
    {
        using var api = await app.GetJsonAsync("/api/search?outlet=RFI");
        var html = await app.Http.GetStringAsync("/search?outlet=RFI");
        var total = api.RootElement.GetProperty("total").GetInt32();
        Assert.Contains($"<p class=\"count\">{total.ToString("N0", CultureInfo.InvariantCulture)} article(s) with these filters, newest first", html, StringComparison.Ordinal);
        foreach (var hit in api.RootElement.GetProperty("hits").EnumerateArray())
        {
            Assert.Contains("href=\"/articles/" + hit.GetProperty("article").GetProperty("id").GetString() + "\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<mark>", html, StringComparison.Ordinal);
        // No query and no filter: the page asks for one.
        Assert.Contains("Type words or a phrase", await app.Http.GetStringAsync("/search"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_lists_the_facets_with_their_counts_as_links_that_filter()
    {
        using var api = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("北约"));
        var html = await app.Http.GetStringAsync("/search?q=" + Uri.EscapeDataString("北约"));
        foreach (var (facet, parameter) in new[] { ("outlets", "outlet"), ("languages", "language"), ("years", "year") })
        {
            foreach (var value in api.RootElement.GetProperty("facets").GetProperty(facet).EnumerateArray())
            {
                var name = value.GetProperty("value").GetString()!;
                var anchor = $"\" data-value=\"{Encoder.Encode(name)}\"><span class=\"facet-value\">{Encoder.Encode(name)}</span> <span class=\"facet-count\">{value.GetProperty("count").GetInt32()}</span></a>";
                var at = html.IndexOf(anchor, StringComparison.Ordinal);
                Assert.True(at >= 0, $"{facet}: no link for {name} with its count");
                // The link keeps the query and adds the filter.
                var href = html[(html.LastIndexOf("<a href=\"", at, StringComparison.Ordinal) + 9)..at];
                Assert.StartsWith("/search?q=%E5%8C%97%E7%BA%A6&amp;" + parameter + "=", href, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("/search?q=x&page=0")]
    [InlineData("/search?q=x&pageSize=1000")]
    public async Task A_bad_page_of_the_search_is_not_found(string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_article_page_lists_up_to_five_related_articles_never_itself()
    {
        using var list = await app.GetJsonAsync("/api/articles?pageSize=1");
        var articles = list.RootElement.GetProperty("totalItems").GetInt32();
        var html = await app.Http.GetStringAsync("/articles/" + RepositorySeed.Id);

        var related = html.Split("<aside class=\"related\"", StringSplitOptions.None);
        if (articles == 1)
        {
            // The repository's seed alone: nothing else to relate, and no empty section.
            Assert.Single(related);
            return;
        }

        Assert.Equal(2, related.Length);
        var section = related[1][..related[1].IndexOf("</aside>", StringComparison.Ordinal)];
        var links = section.Split("<h3 lang=").Skip(1).Select(h => h[(h.IndexOf("href=\"", StringComparison.Ordinal) + 6)..]).Select(h => h[..h.IndexOf('"')]).ToArray();
        Assert.Equal(Math.Min(5, articles - 1), links.Length);
        Assert.DoesNotContain("/articles/" + RepositorySeed.Id, links);
        Assert.Equal(links.Length, links.Distinct(StringComparer.Ordinal).Count());
        Assert.All(links, l => Assert.StartsWith("/articles/", l, StringComparison.Ordinal));
    }

    private static int Count(string value, string part)
    {
        var count = 0;
        for (var i = value.IndexOf(part, StringComparison.Ordinal); i >= 0; i = value.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
