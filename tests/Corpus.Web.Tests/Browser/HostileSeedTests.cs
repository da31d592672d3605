using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenQA.Selenium;

namespace Corpus.Web.Tests;

/// <summary>
/// Issue 24: every vector of tests/XssVectors is a seed of a real build of the app (<see cref="HostileWebApp"/>); the
/// <c>Html</c> the generator made of it is rendered as markup in headless Chromium, first in a page of this test's own
/// with no CSP at all, then on the app's article page behind its CSP. No script may run, nothing may navigate, no form
/// may be left to post. A control renders some raw vectors in the same page to show that the page sees a script run.
/// </summary>
[Collection(HostileWebAppCollection.Name)]
public sealed class HostileSeedTests(HostileWebApp hostile, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>
    /// Stands in for every way a payload says it ran: alert and its kin record their call, and the checks read
    /// document.title and window.xssMarker, which payloads set.
    /// </summary>
    private const string Hooks =
        "<script>window.xssRuns=[];for(const n of ['alert','confirm','prompt','print','open'])window[n]=function(){window.xssRuns.push(n+'('+Array.from(arguments).join(',')+')');};</script>";

    /// <summary>Fires what event handlers wait for (hover, focus, toggle, clicks on anything but links) on every rendered element.</summary>
    private const string Provoke =
        "for(const e of document.querySelectorAll('#rendered *')){for(const t of ['mouseover','mouseenter','pointerenter','focus','toggle','load','error','animationstart'])e.dispatchEvent(new Event(t,{bubbles:true}));if(!e.closest('a'))e.click();}";

    /// <summary>What is left in the rendered DOM that could act: returned as a list of findings, empty when all is well.</summary>
    private const string Inspect = """
        const found = [];
        const root = document.getElementById('rendered');
        for (const e of root.querySelectorAll('script,style,iframe,frame,object,embed,form,input,button,select,textarea,meta,base,link,svg,math,template,noscript,video,audio,portal'))
          found.push('element ' + e.localName);
        for (const e of root.querySelectorAll('*')) {
          if (e.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push('namespace ' + e.namespaceURI + ' ' + e.localName);
          for (const a of e.attributes) {
            if (a.name.startsWith('on') || a.name === 'style' || a.name === 'srcdoc' || a.name === 'id' || a.name === 'class') found.push('attribute ' + e.localName + ' ' + a.name);
          }
          for (const [attribute, url] of [['href', e.href], ['src', e.src], ['cite', e.cite]]) {
            if (e.hasAttribute(attribute) && typeof url === 'string') {
              const protocol = new URL(url).protocol;
              if (!['http:', 'https:', 'mailto:'].includes(protocol)) found.push(e.localName + ' ' + attribute + ' ' + url);
            }
          }
          if (e.localName === 'a' && e.hasAttribute('href') && e.rel !== 'noopener noreferrer nofollow') found.push('a rel ' + e.rel);
        }
        if (document.forms.length > 0) found.push(document.forms.length + ' forms');
        return found;
        """;

    private IWebDriver Browser => chromium.Session.Driver;

    [BrowserFact]
    public async Task Every_vectors_html_rendered_as_markup_without_a_csp_runs_no_script_and_leaves_nothing_active()
    {
        var sections = new StringBuilder();
        var texts = new List<string>();
        for (var i = 0; i < hostile.Vectors.Count; i++)
        {
            var (html, text) = await ArticleOf(i);
            Assert.Contains("Before " + hostile.Vectors[i].Name + ".", html, StringComparison.Ordinal);
            sections.Append("<section data-vector=\"").Append(hostile.Vectors[i].Name).Append("\">").Append(html).Append("</section>");
            texts.Add(text);
        }

        await using var server = new PageServer();
        var url = server.Serve("/rendered", Page(sections.ToString()));
        Browser.Navigate().GoToUrl(url);
        ((IJavaScriptExecutor)Browser).ExecuteScript(Provoke);
        // A meta refresh of 0 s or a timer would have had its turn.
        await Task.Delay(1500);

        Assert.Equal(url, Browser.Url);
        var js = (IJavaScriptExecutor)Browser;
        Assert.Equal("harness", Browser.Title);
        Assert.Empty(Strings(js.ExecuteScript("return window.xssRuns;")));
        Assert.Equal("undefined", js.ExecuteScript("return typeof window.xssMarker;"));
        Assert.Empty(Strings(js.ExecuteScript(Inspect)));
        Assert.Equal(["/rendered"], server.Requests);
        for (var i = 0; i < hostile.Vectors.Count; i++)
        {
            var name = hostile.Vectors[i].Name;
            AssertShowsText(name, texts[i], Browser.FindElement(By.CssSelector($"section[data-vector='{name}']")).Text);
        }
    }

    [BrowserFact]
    public async Task The_same_page_sees_raw_vectors_run_so_that_the_check_above_can_fail()
    {
        await using var server = new PageServer();
        var raw = new (string Name, string Sign)[]
        {
            ("owasp-onerror-no-quotes", "runs"),
            ("owasp-svg-onload", "runs"),
            ("owasp-details-ontoggle", "runs"),
            ("owasp-iframe-srcdoc", "active"),
            ("owasp-form-action", "active"),
            ("hs-setting-title", "title"),
            ("hs-global-marker", "marker"),
            ("hs-tab-entity", "active"),
        };
        foreach (var (name, sign) in raw)
        {
            var vector = hostile.Vectors.Single(v => v.Name == name).Html;
            var url = server.Serve("/raw/" + name, Page(vector));
            Browser.Navigate().GoToUrl(url);
            await Task.Delay(500);
            var js = (IJavaScriptExecutor)Browser;
            // A frame's script calls its own window's alert, not the hooked one: a real dialog opens.
            var seen = AcceptAlerts() || sign switch
            {
                "runs" => Strings(js.ExecuteScript("return window.xssRuns;")).Count > 0,
                "title" => Browser.Title == "pwned",
                "marker" => js.ExecuteScript("return typeof window.xssMarker;") as string != "undefined",
                _ => Strings(js.ExecuteScript(Inspect)).Count > 0,
            };
            Assert.True(seen, $"{name}: the page did not see the raw vector ({sign})");
        }
    }

    [BrowserFact]
    public async Task Every_vectors_article_page_shows_its_text_behind_the_csp_and_runs_nothing()
    {
        var js = (IJavaScriptExecutor)Browser;
        for (var i = 0; i < hostile.Vectors.Count; i++)
        {
            var name = hostile.Vectors[i].Name;
            var (_, text) = await ArticleOf(i);
            var url = new Uri(hostile.App.BaseAddress, "/articles/" + HostileWebApp.IdOf(i)).ToString();
            Browser.Navigate().GoToUrl(url);
            js.ExecuteScript(Hooks.Replace("<script>", string.Empty, StringComparison.Ordinal).Replace("</script>", string.Empty, StringComparison.Ordinal));
            Assert.Equal(url, Browser.Url);
            Assert.Equal("XSS vector " + name + " · Corpus", Browser.Title);
            var body = Browser.FindElement(By.CssSelector(".body"));
            AssertShowsText(name, text, body.Text);
            Assert.Empty(body.FindElements(By.CssSelector("script,style,iframe,object,embed,form,input,button,meta,base,link,svg,math")));
            Assert.Equal("undefined", js.ExecuteScript("return typeof window.xssMarker;"));
        }
    }

    [BrowserFact]
    public async Task A_relative_image_and_link_are_made_absolute_against_the_article_and_shown_in_place()
    {
        var image = hostile.Vectors.Select((v, i) => (v.Name, i)).Single(v => v.Name == "hs-img-relative").i;
        Browser.Navigate().GoToUrl(new Uri(hostile.App.BaseAddress, "/articles/" + HostileWebApp.IdOf(image)));
        var img = Browser.FindElement(By.CssSelector(".body img"));
        Assert.Equal("http://127.0.0.1:9/images/photo.jpg", img.GetAttribute("src"));
        Assert.Equal("a photo", img.GetAttribute("alt"));

        var link = hostile.Vectors.Select((v, i) => (v.Name, i)).Single(v => v.Name == "hs-a-relative").i;
        var response = await hostile.App.Http.GetAsync("/articles/" + HostileWebApp.IdOf(link));
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Browser.Navigate().GoToUrl(new Uri(hostile.App.BaseAddress, "/articles/" + HostileWebApp.IdOf(link)));
        var a = Browser.FindElement(By.CssSelector(".body a"));
        Assert.Equal("http://127.0.0.1:9/other/page.html", a.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", a.GetAttribute("rel"));
    }

    private async Task<(string Html, string Text)> ArticleOf(int index)
    {
        using var json = JsonDocument.Parse(await hostile.App.Http.GetStringAsync("/api/articles/" + HostileWebApp.IdOf(index)));
        return (json.RootElement.GetProperty("html").GetString()!, json.RootElement.GetProperty("text").GetString()!);
    }

    /// <summary>
    /// Every block of the article's Text is on screen. A vector that swallows the rest of the body (an unclosed script or
    /// iframe) swallows it from Text too, as it would in any browser, so Text is the measure, not the body's last line.
    /// </summary>
    private static void AssertShowsText(string name, string text, string shown)
    {
        Assert.StartsWith("Before " + name + ".", text, StringComparison.Ordinal);
        var squeezed = Squeeze(shown);
        foreach (var block in text.Split("\n\n"))
        {
            Assert.True(squeezed.Contains(Squeeze(block), StringComparison.Ordinal), $"{name}: '{block}' is not shown in '{shown}'");
        }
    }

    private static string Squeeze(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Accepts every native dialog open now; true when there was one.</summary>
    private bool AcceptAlerts()
    {
        var any = false;
        while (true)
        {
            try
            {
                Browser.SwitchTo().Alert().Accept();
                any = true;
            }
            catch (NoAlertPresentException)
            {
                return any;
            }
        }
    }

    private static List<string> Strings(object? value) =>
        (value as IEnumerable<object> ?? []).Select(o => o?.ToString() ?? string.Empty).ToList();

    private static string Page(string body) =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>harness</title>" + Hooks + "</head><body><div id=\"rendered\">" + body + "</div></body></html>";

    /// <summary>
    /// A loopback server for the test's own pages, sent with no Content-Security-Policy; it records every request, so
    /// that anything the rendered HTML loads from this origin shows.
    /// </summary>
    private sealed class PageServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, string> _pages = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _requests = new();
        private readonly Task _loop;
        private readonly int _port;

        public PageServer()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                _port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
            }

            _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
            _listener.Start();
            _loop = Task.Run(Loop);
        }

        public IReadOnlyList<string> Requests => _requests.ToList();

        public string Serve(string path, string html)
        {
            _pages[path] = html;
            return $"http://127.0.0.1:{_port}{path}";
        }

        private async Task Loop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                if (path != "/favicon.ico")
                {
                    _requests.Enqueue(path);
                }

                var found = _pages.TryGetValue(path, out var page);
                var bytes = Encoding.UTF8.GetBytes(page ?? "not found");
                context.Response.StatusCode = found ? 200 : 404;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
