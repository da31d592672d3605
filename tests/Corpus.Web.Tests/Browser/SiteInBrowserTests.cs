using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Corpus.Web.Tests;

/// <summary>
/// The site in a real browser (headless Chromium): the pages a reader walks through, as rendered, clicked and typed into.
/// Screenshots of the home and an article page are saved to artifacts/screenshots/.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SiteInBrowserTests(WebAppProcess app, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private IWebDriver Browser => chromium.Session.Driver;

    [BrowserFact]
    public void The_home_page_links_to_the_article_which_shows_its_body_from_its_html()
    {
        Open("/");
        Assert.Equal("Articles · Corpus", Browser.Title);
        chromium.Session.Screenshot("home");

        // Newest first: the repository's seed (2022) is above the 2020 real corpus.
        var first = Browser.FindElements(By.CssSelector("ol.articles > li h2 a")).First();
        Assert.Equal(RepositorySeed.Title, first.Text);
        first.Click();
        WaitFor(d => d.Url.EndsWith("/articles/" + RepositorySeed.Id, StringComparison.Ordinal));

        Assert.Equal(RepositorySeed.Title, Browser.FindElement(By.TagName("h1")).Text);
        // The body is the article's Html: the seed's bold paragraphs (the lead, then the two headings) and 21 others.
        var bold = Browser.FindElements(By.CssSelector(".body p > strong")).Select(h => h.Text).ToArray();
        Assert.Equal([RepositorySeed.Lead, RepositorySeed.FirstHeading, RepositorySeed.SecondHeading], bold);
        Assert.Equal(RepositorySeed.ParagraphCount + 3, Browser.FindElements(By.CssSelector(".body p")).Count);
        Assert.Equal("2022-01-12 12:44 (UTC+01:00)", Browser.FindElement(By.CssSelector("time.published")).Text);
        Assert.Equal("zh-Hans", Browser.FindElement(By.CssSelector(".body")).GetAttribute("lang"));
        Assert.StartsWith(RepositorySeed.UrlStart, Browser.FindElement(By.CssSelector("a.source")).GetAttribute("href"), StringComparison.Ordinal);
        chromium.Session.Screenshot("article");
    }

    [BrowserFact]
    public void A_chinese_phrase_from_the_middle_of_a_sentence_finds_the_article()
    {
        Open("/");
        var box = Browser.FindElement(By.Id("site-search"));
        box.SendKeys(RepositorySeed.ChinesePhrase);
        box.Submit();
        WaitFor(d => d.Url.Contains("/search?q=", StringComparison.Ordinal));

        var hits = Browser.FindElements(By.CssSelector("ol.results > li"));
        var hit = Assert.Single(hits);
        Assert.Equal(RepositorySeed.ChinesePhrase, hit.FindElement(By.TagName("mark")).Text);
        // The match is shown inside its sentence: text before and after it.
        Assert.Contains("普京正用" + RepositorySeed.ChinesePhrase + "北约的团结程度", hit.FindElement(By.CssSelector(".snippet")).Text, StringComparison.Ordinal);

        hit.FindElement(By.CssSelector("h2 a")).Click();
        WaitFor(d => d.Url.EndsWith("/articles/" + RepositorySeed.Id, StringComparison.Ordinal));
        Assert.Equal(RepositorySeed.Title, Browser.FindElement(By.TagName("h1")).Text);
        chromium.Session.Screenshot("search-result-article");
    }

    [BrowserFact]
    public async Task An_unknown_id_shows_the_not_found_page_with_status_404()
    {
        const string path = "/articles/000_153ef59660deb97x";
        Open(path);
        Assert.Equal("Not found · Corpus", Browser.Title);
        Assert.Contains(path, Browser.FindElement(By.CssSelector("p.not-found")).Text, StringComparison.Ordinal);

        // WebDriver does not expose the status: the same address over HTTP.
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [BrowserFact]
    public void Filtering_by_outlet_lists_only_that_outlet()
    {
        Open("/");
        Browser.FindElement(By.CssSelector("select[name=outlet] option[value='RFI']")).Click();
        Browser.FindElement(By.CssSelector("form.filters button")).Click();
        WaitFor(d => d.Url.Contains("outlet=RFI", StringComparison.Ordinal));

        var outlets = Browser.FindElements(By.CssSelector("ol.articles .meta .outlet")).Select(o => o.Text).ToArray();
        Assert.NotEmpty(outlets);
        Assert.All(outlets, outlet => Assert.Equal("RFI", outlet));
    }

    [BrowserFact]
    public void An_article_fits_a_phone_screen_without_sideways_scrolling()
    {
        var window = Browser.Manage().Window;
        var desktop = window.Size;
        try
        {
            window.Size = new System.Drawing.Size(390, 844);
            Open("/articles/" + RepositorySeed.Id);
            var (content, viewport) = Widths();
            Assert.True(content <= viewport, $"The page is {content} px wide in a {viewport} px viewport.");
            chromium.Session.Screenshot("article-phone");
        }
        finally
        {
            window.Size = desktop;
        }
    }

    private (long Content, long Viewport) Widths()
    {
        var script = (IJavaScriptExecutor)Browser;
        return ((long)script.ExecuteScript("return document.documentElement.scrollWidth;")!,
            (long)script.ExecuteScript("return window.innerWidth;")!);
    }

    private void Open(string path) => Browser.Navigate().GoToUrl(new Uri(app.BaseAddress, path));

    private void WaitFor(Func<IWebDriver, bool> condition) =>
        new WebDriverWait(Browser, TimeSpan.FromSeconds(30)).Until(condition);
}
