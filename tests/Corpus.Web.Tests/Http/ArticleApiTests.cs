using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Threading.Tasks;

namespace Corpus.Web.Tests;

/// <summary>The JSON API over plain HTTP: shapes, every member of an article, paging, filters, errors.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ArticleApiTests(WebAppProcess app)
{
    [Fact]
    public async Task An_article_has_every_member_of_the_generated_Article_type()
    {
        using var json = await app.GetJsonAsync("/api/articles/" + RepositorySeed.Id);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

        // The members of the Article class the generator wrote into the app, read from the built app itself: a member
        // the generator adds and the API leaves out fails here.
        var members = GeneratedArticleMembers().Select(JsonNamingPolicy.CamelCase.ConvertName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(members, names);
        Assert.Contains("text", names);
        Assert.Contains("html", names);
    }

    [Fact]
    public async Task An_article_has_the_values_of_its_seed()
    {
        using var json = await app.GetJsonAsync("/api/articles/" + RepositorySeed.Id);
        var article = json.RootElement;
        Assert.Equal(RepositorySeed.Id, article.GetProperty("id").GetString());
        Assert.Equal(RepositorySeed.Title, article.GetProperty("title").GetString());
        Assert.Equal(RepositorySeed.RawTitle, article.GetProperty("rawTitle").GetString());
        Assert.Equal(RepositorySeed.Column, article.GetProperty("column").GetString());
        Assert.Equal("RFI", article.GetProperty("outlet").GetString());
        Assert.Equal("zh-Hans", article.GetProperty("language").GetString());
        Assert.Equal(JsonValueKind.Null, article.GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, article.GetProperty("credit").ValueKind);
        Assert.Equal(RepositorySeed.PublishedAt, article.GetProperty("publishedAt").GetString());
        Assert.Equal(RepositorySeed.FeedPublishedAt, article.GetProperty("feedPublishedAt").GetString());
        Assert.Equal("Minute", article.GetProperty("publishedAtPrecision").GetString());
        Assert.Equal(RepositorySeed.Lead, article.GetProperty("lead").GetString());
        Assert.StartsWith(RepositorySeed.UrlStart, article.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("seeds/" + RepositorySeed.Id + ".txt", article.GetProperty("seedPath").GetString(), StringComparison.Ordinal);

        var sections = article.GetProperty("sections").EnumerateArray().ToArray();
        Assert.Equal(
            [null, RepositorySeed.FirstHeading, RepositorySeed.SecondHeading],
            sections.Select(s => s.GetProperty("heading").GetString()));
        Assert.Equal([5, 4, 12], sections.Select(s => s.GetProperty("paragraphs").GetArrayLength()));
        Assert.Equal(RepositorySeed.ParagraphCount, article.GetProperty("paragraphs").GetArrayLength());

        var text = article.GetProperty("text").GetString()!;
        Assert.StartsWith(RepositorySeed.Lead + "\n\n", text, StringComparison.Ordinal);
        Assert.Contains("\n\n" + RepositorySeed.FirstHeading + "\n\n", text, StringComparison.Ordinal);
        Assert.Equal(text.Count(c => !char.IsWhiteSpace(c)), article.GetProperty("characterCount").GetInt32());

        // Cleaned body: the date element and the scraper's "Array" are gone, the paragraphs are there.
        var html = article.GetProperty("html").GetString()!;
        Assert.Contains(RepositorySeed.FirstHeading, html, StringComparison.Ordinal);
        Assert.DoesNotContain("12/01/2022", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Array", html, StringComparison.Ordinal);

        Assert.Equal(0, article.GetProperty("images").GetArrayLength());
        Assert.Equal(0, article.GetProperty("media").GetArrayLength());
        Assert.Equal(0, article.GetProperty("tags").GetArrayLength());
        Assert.Equal(0, article.GetProperty("categories").GetArrayLength());

        // About 400 CJK characters a minute.
        var reading = TimeSpan.Parse(article.GetProperty("readingTime").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(reading.TotalMinutes, 3, 5);
    }

    [Fact]
    public async Task The_list_is_paged_newest_first_with_the_summary_members()
    {
        using var json = await app.GetJsonAsync("/api/articles?pageSize=7&page=1");
        var page = json.RootElement;
        Assert.Equal(["page", "pageSize", "totalItems", "totalPages", "items"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(7, page.GetProperty("pageSize").GetInt32());
        var total = page.GetProperty("totalItems").GetInt32();
        Assert.Equal((total + 6) / 7, page.GetProperty("totalPages").GetInt32());

        var items = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(Math.Min(7, total), items.Length);
        Assert.All(items, item => Assert.Equal(["id", "title", "outlet", "language", "publishedAt", "url"], item.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(RepositorySeed.Id, items[0].GetProperty("id").GetString());
        var dates = items.Select(i => i.GetProperty("publishedAt")).Where(d => d.ValueKind != JsonValueKind.Null).Select(d => d.GetDateTimeOffset()).ToArray();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        // The second page starts where the first ended; with six articles or fewer (the repository seed alone, in a
        // clone without ../shared) there is no second page.
        if (total > 6)
        {
            using var second = await app.GetJsonAsync("/api/articles?pageSize=6&page=2");
            var overlap = second.RootElement.GetProperty("items").EnumerateArray().First();
            Assert.Equal(items[6].GetProperty("id").GetString(), overlap.GetProperty("id").GetString());
        }
        else
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Http.GetAsync("/api/articles?pageSize=6&page=2")).StatusCode);
        }
    }

    [Fact]
    public async Task The_list_filters_by_outlet_and_language()
    {
        using var json = await app.GetJsonAsync("/api/articles?outlet=rfi&language=zh-Hans&pageSize=100");
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("RFI", i.GetProperty("outlet").GetString()));
        Assert.All(items, i => Assert.Equal("zh-Hans", i.GetProperty("language").GetString()));

        using var none = await app.GetJsonAsync("/api/articles?outlet=No%20such%20outlet");
        Assert.Equal(0, none.RootElement.GetProperty("totalItems").GetInt32());
    }

    [Theory]
    [InlineData("/api/articles/000_153ef59660deb97x", HttpStatusCode.NotFound)]
    [InlineData("/api/articles?page=100000", HttpStatusCode.NotFound)]
    [InlineData("/api/articles?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?pageSize=101", HttpStatusCode.BadRequest)]
    public async Task Errors_are_json_with_their_status(string path, HttpStatusCode status)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    /// <summary>The public instance properties of Corpus.Web.Article in the built app, loaded apart and unloaded.</summary>
    private static string[] GeneratedArticleMembers()
    {
        var context = new AssemblyLoadContext("generated-article", isCollectible: true);
        try
        {
            var type = context.LoadFromAssemblyPath(TestPaths.WebApp).GetType("Corpus.Web.Article", throwOnError: true)!;
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();
        }
        finally
        {
            context.Unload();
        }
    }
}
