using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;

namespace Corpus.Web.Tests;

/// <summary>The HTML pages over plain HTTP: status codes, encoding of what a visitor types, the security headers.</summary>
[Collection(WebAppCollection.Name)]
public sealed class PagesOverHttpTests(WebAppProcess app)
{
    [Theory]
    [InlineData("/articles/000_153ef59660deb97x")]
    [InlineData("/no/such/page")]
    [InlineData("/?page=100000")]
    public async Task Unknown_addresses_get_the_not_found_page_with_status_404(string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_article_page_renders()
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            using var json = JsonDocument.Parse(await app.Http.GetStringAsync($"/api/articles?pageSize=100&page={page}"));
            ids.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            if (page >= json.RootElement.GetProperty("totalPages").GetInt32())
            {
                Assert.Equal(json.RootElement.GetProperty("totalItems").GetInt32(), ids.Count);
                break;
            }
        }

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, cancel) =>
        {
            using var response = await app.Http.GetAsync("/articles/" + Uri.EscapeDataString(id), cancel);
            var html = await response.Content.ReadAsStringAsync(cancel);
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<h1 lang=", StringComparison.Ordinal) || !html.Contains("class=\"source\"", StringComparison.Ordinal))
            {
                failures.Add($"{id}: {(int)response.StatusCode}");
            }
        });
        // A failure names the app's own report of it (the exception it logged), not only the status.
        Assert.True(failures.IsEmpty, string.Join(", ", failures) + Environment.NewLine + app.Output);
    }

    [Fact]
    public async Task A_query_is_written_back_encoded()
    {
        using var response = await app.Http.GetAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_forbid_scripts_and_frames_and_chinese_is_written_as_text()
    {
        using var response = await app.Http.GetAsync("/articles/" + RepositorySeed.Id);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(" ", response.Headers.GetValues("X-Content-Type-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1 lang=\"zh-Hans\">" + RepositorySeed.Title + "</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_is_served()
    {
        using var response = await app.Http.GetAsync("/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("font", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
