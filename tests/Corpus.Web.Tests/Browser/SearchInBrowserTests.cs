using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Corpus.Web.Tests;

/// <summary>
/// Search as a reader uses it in a real browser (headless Chromium): typed into the box, hits ranked with the matches
/// highlighted, a facet clicked to narrow them, pages, and the related articles under an article. Each test holds with the
/// repository's seed alone and with the shared real corpus (where there is more to narrow and to page through).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SearchInBrowserTests(WebAppProcess app, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>In the seed's title, and in many articles of the real corpus.</summary>
    private const string Nato = "北约";

    private IWebDriver Browser => chromium.Session.Driver;

    [BrowserFact]
    public async Task A_search_shows_the_hits_best_first_with_every_match_highlighted()
    {
        Open("/");
        var box = Browser.FindElement(By.Id("site-search"));
        box.SendKeys(Nato);
        box.Submit();
        WaitFor(d => d.Url.Contains("/search?q=", StringComparison.Ordinal));

        using var api = await app.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Nato));
        var expected = api.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("article").GetProperty("title").GetString()).ToArray();
        var hits = Browser.FindElements(By.CssSelector("ol.results > li"));
        // The order of the ranking, as the API gives it.
        Assert.Equal(expected, hits.Select(h => h.FindElement(By.CssSelector("h2 a")).Text));
        Assert.Contains(RepositorySeed.Title, expected);
        var total = api.RootElement.GetProperty("total").GetInt32();
        Assert.StartsWith(total.ToString("N0", CultureInfo.InvariantCulture) + " article(s) match", Browser.FindElement(By.CssSelector("p.count")).Text, StringComparison.Ordinal);

        // Every hit shows its snippet with the term marked, and only the term.
        foreach (var hit in hits)
        {
            var marks = hit.FindElements(By.CssSelector(".snippet mark"));
            Assert.All(marks, m => Assert.Equal(Nato, m.Text));
            Assert.Contains(Nato, hit.FindElement(By.CssSelector(".snippet")).Text, StringComparison.Ordinal);
        }

        Assert.NotEmpty(Browser.FindElements(By.CssSelector(".snippet mark")));
        chromium.Session.Screenshot("search");
    }

    [BrowserFact]
    public void A_facet_narrows_the_search_to_as_many_hits_as_it_counted()
    {
        Open("/search?q=" + Uri.EscapeDataString(Nato));
        var before = Total();
        var outlet = Browser.FindElement(By.CssSelector(".facet[data-facet=outlet] li a"));
        var value = outlet.GetAttribute("data-value")!;
        var count = int.Parse(outlet.FindElement(By.CssSelector(".facet-count")).Text, CultureInfo.InvariantCulture);
        Assert.InRange(count, 1, before);

        outlet.Click();
        WaitFor(d => d.Url.Contains("outlet=", StringComparison.Ordinal));

        Assert.Equal(count, Total());
        var outlets = Browser.FindElements(By.CssSelector("ol.results > li .meta .outlet")).Select(o => o.Text).ToArray();
        Assert.Equal(Math.Min(10, count), outlets.Length);
        Assert.All(outlets, o => Assert.Equal(value, o));
        // The chosen filter is shown with a way back to every outlet.
        Assert.StartsWith(value, Browser.FindElement(By.CssSelector(".facet[data-facet=outlet] .facet-chosen")).Text, StringComparison.Ordinal);
        Browser.FindElement(By.CssSelector(".facet[data-facet=outlet] .facet-clear")).Click();
        WaitFor(d => !d.Url.Contains("outlet=", StringComparison.Ordinal));
        Assert.Equal(before, Total());
    }

    [BrowserFact]
    public void The_hits_are_paged()
    {
        Open("/search?q=" + Uri.EscapeDataString(Nato) + "&pageSize=2");
        var total = Total();
        var first = Links();
        Assert.Equal(Math.Min(2, total), first.Length);
        Assert.Empty(Browser.FindElements(By.CssSelector(".pager a[rel=prev]")));
        if (total <= 2)
        {
            // One page only (the repository's seed alone): no link to a next page.
            Assert.Empty(Browser.FindElements(By.CssSelector(".pager a[rel=next]")));
            return;
        }

        Browser.FindElement(By.CssSelector(".pager a[rel=next]")).Click();
        WaitFor(d => d.Url.Contains("page=2", StringComparison.Ordinal));
        var second = Links();
        Assert.Equal(Math.Min(2, total - 2), second.Length);
        Assert.Empty(first.Intersect(second));
        Assert.Equal("3", Browser.FindElement(By.CssSelector("ol.results")).GetAttribute("start"));
        Assert.Contains("page 2 of " + ((total + 1) / 2).ToString(CultureInfo.InvariantCulture), Browser.FindElement(By.CssSelector("p.count")).Text, StringComparison.Ordinal);

        Browser.FindElement(By.CssSelector(".pager a[rel=prev]")).Click();
        WaitFor(d => !d.Url.Contains("page=2", StringComparison.Ordinal));
        Assert.Equal(first, Links());
    }

    [BrowserFact]
    public async Task An_article_lists_its_related_articles_which_open()
    {
        using var list = await app.GetJsonAsync("/api/articles?pageSize=1");
        var articles = list.RootElement.GetProperty("totalItems").GetInt32();
        Open("/articles/" + RepositorySeed.Id);

        var related = Browser.FindElements(By.CssSelector("aside.related li h3 a"));
        if (articles == 1)
        {
            Assert.Empty(Browser.FindElements(By.CssSelector("aside.related")));
            return;
        }

        Assert.Equal("Related articles", Browser.FindElement(By.CssSelector("aside.related h2")).Text);
        Assert.Equal(Math.Min(5, articles - 1), related.Count);
        Assert.DoesNotContain(RepositorySeed.Title, related.Select(r => r.Text));
        chromium.Session.Screenshot("article-related");

        var title = related[0].Text;
        related[0].Click();
        WaitFor(d => d.FindElement(By.TagName("h1")).Text == title);
    }

    private int Total()
    {
        var text = Browser.FindElement(By.CssSelector("p.count")).Text;
        return int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>The hits' links (titles can repeat: a rewritten story keeps its title).</summary>
    private string[] Links() => Browser.FindElements(By.CssSelector("ol.results > li h2 a")).Select(a => a.GetAttribute("href")!).ToArray();

    private void Open(string path) => Browser.Navigate().GoToUrl(new Uri(app.BaseAddress, path));

    private void WaitFor(Func<IWebDriver, bool> condition) =>
        new WebDriverWait(Browser, TimeSpan.FromSeconds(30)).Until(condition);
}
