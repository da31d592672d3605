using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Corpus.Generator.Bodies;

namespace Corpus.Generator.Tests.Sanitizing;

/// <summary>
/// The allow-list of <c>Article.Html</c> (issue 24): every hostile vector, read as a seed body is read, leaves HTML that a
/// browser's parser turns into allowed elements and attributes only; hand-checked outputs for the rules one by one.
/// </summary>
public sealed class SanitizerTests
{
    private const string ArticleUrl = "https://hostile.example/news/1.html";

    /// <summary>Written out here rather than taken from the policy, so that a widened policy fails until it is looked at.</summary>
    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "title", "lang", "dir", "href", "rel", "src", "alt", "width", "height", "cite", "start", "reversed", "type", "value",
        "colspan", "rowspan", "scope", "abbr", "span", "datetime",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "src", "cite" };

    private static readonly HashSet<string> NeverKept = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "noscript", "object", "embed", "iframe", "frame", "form", "input", "button", "select",
        "textarea", "meta", "base", "link", "svg", "math", "xmp", "plaintext", "noembed", "noframes", "title", "video", "audio",
    };

    public static TheoryData<string> Vectors => XssVectors.Names();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void A_vector_leaves_only_allowed_elements_attributes_and_urls_once_a_browser_parses_it_again(string name)
    {
        var read = BodyReader.Read("<p>Before " + name + ".</p>" + XssVectors.Html(name) + "<p>After " + name + ".</p>", "Other", ArticleUrl).Body;
        var html = read.Html;

        var document = new HtmlParser().ParseDocument("<!doctype html><html><head></head><body>" + html + "</body></html>");
        var body = document.Body!;
        Assert.Empty(document.Head!.ChildNodes);
        foreach (var element in body.Descendants<IElement>())
        {
            Assert.True(element.NamespaceUri == "http://www.w3.org/1999/xhtml", $"{name}: {element.LocalName} in {element.NamespaceUri}\n{html}");
            Assert.DoesNotContain(element.LocalName, NeverKept);
            Assert.Contains(element.LocalName, HtmlPolicy.KeptElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"{name}: {element.LocalName} {attribute.Name}\n{html}");
                if (UrlAttributes.Contains(attribute.Name))
                {
                    var ok = attribute.Value.StartsWith("https://", StringComparison.Ordinal)
                        || attribute.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                        || (attribute.Name == "href" && attribute.Value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase));
                    Assert.True(ok, $"{name}: {element.LocalName} {attribute.Name}=\"{attribute.Value}\"\n{html}");
                }
            }

            if (element.LocalName == "a" && element.HasAttribute("href"))
            {
                Assert.Equal("noopener noreferrer nofollow", element.GetAttribute("rel"));
            }
        }

        // What the reader is shown is the text: a vector that swallows the rest of the body (an unclosed script or
        // iframe) swallows it from the text too, as it would in a browser.
        Assert.StartsWith("Before " + name + ".", read.Text, StringComparison.Ordinal);
        var shown = Squeeze(body.TextContent);
        foreach (var block in read.Text.Split("\n\n"))
        {
            Assert.True(shown.Contains(Squeeze(block), StringComparison.Ordinal), $"{name}: '{block}' is not shown\n{html}");
        }
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Theory]
    // Character references are decoded before the scheme is read; tabs and newlines inside it, spaces and controls around it are skipped.
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"jav&#x0A;ascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"&#x01; javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"javascript&colon;alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>", "<a>x</a>")]
    // A reference decoded once is not decoded again: the browser reads '&#106;avascript:' as a relative path too.
    [InlineData("<a href=\"&amp;#106;avascript:alert(1)\">x</a>", "<a href=\"https://hostile.example/news/&amp;#106;avascript:alert(1)\" rel=\"noopener noreferrer nofollow\">x</a>")]
    [InlineData("<a href=\"../other/page.html\" target=\"_blank\" class=\"c\" id=\"i\">x</a>", "<a href=\"https://hostile.example/other/page.html\" rel=\"noopener noreferrer nofollow\">x</a>")]
    [InlineData("<a href=\"//cdn.example/x\">x</a>", "<a href=\"https://cdn.example/x\" rel=\"noopener noreferrer nofollow\">x</a>")]
    [InlineData("<a href=\"HTTPS://example.com/a?b=1&amp;c=2\" rel=\"opener\">x</a>", "<a href=\"HTTPS://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">x</a>")]
    [InlineData("<a href=\"mailto:editor@example.com\">x</a>", "<a href=\"mailto:editor@example.com\" rel=\"noopener noreferrer nofollow\">x</a>")]
    [InlineData("<img src=\"mailto:editor@example.com\" alt=\"m\">", "")]
    [InlineData("<img src=\"/images/photo.jpg\" alt=\"a photo\" style=\"width:1px\" onload=\"alert(1)\" srcset=\"x.jpg 2x\">", "<img src=\"https://hostile.example/images/photo.jpg\" alt=\"a photo\">")]
    // A lazy image's placeholder gives way to its data-src, as its entry in Images does.
    [InlineData("<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"https://cdn.example/a.jpg\">", "<img src=\"https://cdn.example/a.jpg\">")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">styled</div>", "<div>styled</div>")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(6)&lt;/script&gt;\"></iframe>", "")]
    [InlineData("<embed src=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">", "")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>t</text></a></svg><math><mi>x</mi></math>", "")]
    // Block-level elements outside the list become bare divs (their text stays a block), inline ones are unwrapped.
    [InlineData("<form action=\"https://evil.example/\"><p>kept</p><input name=\"q\"><button>Send</button></form>", "<div><p>kept</p></div>")]
    [InlineData("<details open ontoggle=\"alert(1)\"><summary>Open</summary>text</details>", "<div><div>Open</div>text</div>")]
    [InlineData("<p><font color=\"red\">red</font> <x-widget onclick=\"alert(1)\">custom</x-widget></p>", "<p>red custom</p>")]
    [InlineData("<xmp><img src=x onerror=alert(1)></xmp>", "<div>&lt;img src=x onerror=alert(1)&gt;</div>")]
    [InlineData("<table><tr><td colspan=\"2\" background=\"javascript:alert(1)\">c</td></tr></table>", "<table><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table>")]
    [InlineData("<figure><img src=\"https://cdn.example/a.jpg\" alt=\"A\"><figcaption>Caption</figcaption></figure>", "<figure><img src=\"https://cdn.example/a.jpg\" alt=\"A\"><figcaption>Caption</figcaption></figure>")]
    [InlineData("<blockquote cite=\"javascript:alert(1)\"><p lang=\"en\" dir=\"ltr\" title=\"t\">q</p></blockquote>", "<blockquote><p lang=\"en\" dir=\"ltr\" title=\"t\">q</p></blockquote>")]
    public void Each_rule_gives_the_hand_checked_html(string vector, string expected)
    {
        Assert.Equal("<p>Before.</p>" + expected + "<p>After.</p>", Read("<p>Before.</p>" + vector + "<p>After.</p>"));
    }

    [Fact]
    public void Only_elements_that_hold_no_article_text_are_removed_with_their_content()
    {
        Assert.All(HtmlPolicy.RemovedElements, name => Assert.True(HtmlElements.HoldsNoText(name) || HtmlElements.Removed.Contains(name), name));
    }

    [Fact]
    public void Without_an_article_url_relative_urls_are_dropped_and_absolute_ones_kept()
    {
        var html = BodyReader.Read("<p><a href=\"/x\">r</a> <a href=\"https://example.com/\">a</a></p>", "Other").Body.Html;

        Assert.Equal("<p><a>r</a> <a href=\"https://example.com/\" rel=\"noopener noreferrer nofollow\">a</a></p>", html);
    }

    [Fact]
    public void The_text_is_read_before_the_html_is_sanitized()
    {
        var body = BodyReader.Read("<form><p>One.</p><legend>Two.</legend></form><p><x-a>Three</x-a>.</p>", "Other", ArticleUrl).Body;

        Assert.Equal("One.\n\nTwo.\n\nThree.", body.Text);
        Assert.Equal("<div><p>One.</p><div>Two.</div></div><p>Three.</p>", body.Html);
    }

    private static string Read(string body)
    {
        var result = BodyReader.Read(body, "Other", ArticleUrl);
        return result.Body.Html;
    }
}
