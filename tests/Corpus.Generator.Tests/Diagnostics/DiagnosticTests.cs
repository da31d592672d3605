using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Tests.Diagnostics;

/// <summary>
/// Every diagnostic of the catalogue provoked through the whole generator: its Id, severity, exact location (positions
/// counted by hand from each fixture: zero-based lines split at LF, UTF-16 columns) and message, and that the other
/// seeds of the project are still generated and load.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = "<!--1641989702000-->";
    private const string GoodUrl = "https://example.com/good";

    /// <summary>A seed as the scraper writes it: header, title block, separator, blank line, one-line body, final LF.</summary>
    private static string Seed(string titleBlock, string body = "<p>Some article text.</p>", string? header = Header) =>
        (header is null ? string.Empty : header + "\n") + titleBlock + "\n------\n\n" + body + "\n";

    private static readonly string GoodSeed = Seed("[A good title](" + GoodUrl + ")");

    /// <summary>A project with one valid seed, <c>seeds/good.txt</c>, beside the seeds under test.</summary>
    private static CorpusProject Project() => new CorpusProject().WithSeed("seeds/good.txt", GoodSeed);

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    // CORPUS001

    [Fact]
    public void CORPUS001_points_at_the_first_invalid_utf8_byte()
    {
        // Line 1 is "[Caf" + 0xE9 + ...: the bad byte is column 4; in the file it is byte 21 (header + LF) + 4 = 25.
        var bytes = Utf8(Header + "\n[Caf").Concat(new byte[] { 0xE9 }).Concat(Utf8(" au lait](https://example.com/bad)\n------\n\n<p>Text.</p>\n")).ToArray();
        var result = Project().WithSeed("seeds/bad.txt", bytes).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS001", DiagnosticSeverity.Error, "seeds/bad.txt", (1, 4), (1, 5), "é");
        Assert.Contains("byte 0xE9 at byte offset 25", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS001_counts_columns_in_the_text_the_compiler_decoded()
    {
        // The compiler falls back to Windows-1252, where each byte of the UTF-8 "中文" (six bytes) is one character:
        // "[" + six characters puts the bad byte 0xFF at column 7 of the text the compiler (and the IDE's error list) has.
        var bytes = Utf8(Header + "\n[中文").Concat(new byte[] { 0xFF }).Concat(Utf8("](https://example.com/bad)\n------\n\n<p>Text.</p>\n")).ToArray();
        var result = Project().WithSeed("seeds/bad.txt", bytes).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS001", DiagnosticSeverity.Error, "seeds/bad.txt", (1, 7), (1, 8), "ÿ");
        Assert.Contains("byte 0xFF at byte offset 28", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS001_reports_a_nul_character()
    {
        // Body line 4: "<p>a" is four characters, the NUL is column 4.
        var result = Project().WithSeed("seeds/bad.txt", Seed("[Title](https://example.com/bad)", "<p>a\0b</p>")).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS001", DiagnosticSeverity.Error, "seeds/bad.txt", (4, 4), (4, 5), "\0");
        Assert.Contains("NUL", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS001_reports_a_utf16_file_with_a_bom()
    {
        var text = Seed("[Title](https://example.com/bad)");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var result = Project().WithSeed("seeds/bad.txt", bytes).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS001", DiagnosticSeverity.Error, "seeds/bad.txt", (0, 0), (0, 1), "<");
        Assert.Contains("utf-16", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS001_reports_a_utf16_file_without_a_bom_by_its_nul_bytes()
    {
        // Little-endian UTF-16 of "<!--..." is valid UTF-8 ("<", NUL, "!", NUL...): the first NUL is column 1.
        var bytes = Encoding.Unicode.GetBytes(Seed("[Title](https://example.com/bad)"));
        var result = Project().WithSeed("seeds/bad.txt", bytes).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS001", DiagnosticSeverity.Error, "seeds/bad.txt", (0, 1), (0, 2), "\0");
        AssertLoads(result, "good");
    }

    [Fact]
    public void A_utf8_bom_and_crlf_line_ends_are_accepted()
    {
        var text = Seed("[Windows title](https://example.com/crlf)").Replace("\n", "\r\n");
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Utf8(text)).ToArray();
        var result = Project().WithSeed("seeds/crlf.txt", bytes).Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        var corpus = AssertLoads(result, "good", "crlf");
        Assert.Equal("Windows title", corpus.FindById("crlf")!.Title);
    }

    [Fact]
    public void Images_whose_source_is_not_an_absolute_http_url_are_left_out_so_Url_never_throws()
    {
        // Found by the fuzz test: a relative or malformed src was kept, and the generated ArticleImage.Url
        // (new Uri(..., UriKind.Absolute)) threw UriFormatException when read.
        const string Body = "<p>Text.</p><img src=\"/images/a.jpg\"><img src=\"https://exa mple.com/b.jpg\"><img src=\"http://[bad/c.jpg\">"
            + "<img src=\"javascript:alert(1)\"><img src=\"//cdn.example.com/d.jpg\" alt=\"D\"><img src=\"https://images.weserv.nl/?url=http://[x\">";
        var result = Project().WithSeed("seeds/images.txt", Seed("[Images](https://example.com/images)", Body)).Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        var corpus = AssertLoads(result, "good", "images");
        Assert.Equal([new ImageValues("https://cdn.example.com/d.jpg", "D", null)], corpus.FindById("images")!.Images);
    }

    // CORPUS002

    [Fact]
    public void CORPUS002_missing_separator_is_reported_on_the_first_line()
    {
        // Five hyphens only; the range is line 0, the 20-character header.
        var text = Header + "\n[Title](https://example.com/bad)\n-----\n\n<p>Text.</p>\n";
        var result = Project().WithSeed("seeds/bad.txt", text).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS002", DiagnosticSeverity.Error, "seeds/bad.txt", (0, 0), (0, 20), Header);
        Assert.Contains("no line is exactly '------'", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS002_repeated_separator_is_reported_at_its_line_and_the_seed_is_kept()
    {
        // Lines: 0 header, 1 title, 2 separator, 3 blank, 4 "<p>One.</p>", 5 the second "------".
        var text = Header + "\n[Title](https://example.com/twice)\n------\n\n<p>One.</p>\n------\n<p>Two.</p>\n";
        var result = Project().WithSeed("seeds/twice.txt", text).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS002", DiagnosticSeverity.Error, "seeds/twice.txt", (5, 0), (5, 6), "------");
        Assert.Contains("second '------'", Message(diagnostic));
        var corpus = AssertLoads(result, "good", "twice");
        Assert.Contains("One.", corpus.FindById("twice")!.Text);
        Assert.Contains("Two.", corpus.FindById("twice")!.Text);
    }

    // CORPUS003

    [Fact]
    public void CORPUS003_title_block_without_brackets()
    {
        var text = Header + "\nJust a title\n------\n\n<p>Text.</p>\n";
        var result = Project().WithSeed("seeds/bad.txt", text).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS003", DiagnosticSeverity.Error, "seeds/bad.txt", (1, 0), (1, 12), "Just a title");
        Assert.Contains("expected [title](url)", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS003_no_title_line_before_the_separator()
    {
        var text = Header + "\n------\n\n<p>Text.</p>\n";
        var result = Project().WithSeed("seeds/bad.txt", text).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS003", DiagnosticSeverity.Error, "seeds/bad.txt", (1, 0), (1, 0), string.Empty);
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS003_empty_title()
    {
        // "[", space, U+3000, space, "]": the range is "[…]", columns 0 to 5.
        var result = Project().WithSeed("seeds/bad.txt", Seed("[ \u3000 ](https://example.com/bad)")).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS003", DiagnosticSeverity.Error, "seeds/bad.txt", (1, 0), (1, 5), "[ \u3000 ]");
        Assert.Contains("title between [ and ] is empty", Message(diagnostic));
        AssertLoads(result, "good");
    }

    // CORPUS004

    [Theory]
    [InlineData("/news/story", 15, "is not an")]
    [InlineData("ftp://example.com/a", 23, "not an http or https URL")]
    [InlineData("example.com/a", 17, "is not an")]
    [InlineData("https://example.com/a b", 27, "whitespace")]
    public void CORPUS004_url_that_is_not_absolute_http(string url, int endColumn, string reason)
    {
        // "[T](" is four characters: the URL starts at column 4.
        var result = Project().WithSeed("seeds/bad.txt", Seed("[T](" + url + ")")).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS004", DiagnosticSeverity.Error, "seeds/bad.txt", (1, 4), (1, endColumn), url);
        Assert.Contains("'" + url + "'", Message(diagnostic));
        Assert.Contains(reason, Message(diagnostic));
        AssertLoads(result, "good");
    }

    // CORPUS005

    [Fact]
    public void CORPUS005_bad_header_is_reported_and_the_seed_is_kept_without_a_feed_time()
    {
        var result = Project().WithSeed("seeds/header.txt", Seed("[Title](https://example.com/header)", header: "<!--yesterday-->")).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS005", DiagnosticSeverity.Error, "seeds/header.txt", (0, 0), (0, 16), "<!--yesterday-->");
        Assert.Contains("<!--yesterday-->", Message(diagnostic));
        var corpus = AssertLoads(result, "good", "header");
        Assert.Null(corpus.FindById("header")!.FeedPublishedAt);
    }

    // CORPUS006

    [Fact]
    public void CORPUS006_empty_paragraph_only()
    {
        // "<p> ", NBSP, " </p>": ten characters on line 4.
        var result = Project().WithSeed("seeds/bad.txt", Seed("[Title](https://example.com/bad)", "<p> \u00A0 </p>")).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS006", DiagnosticSeverity.Error, "seeds/bad.txt", (4, 0), (4, 10), "<p> \u00A0 </p>");
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS006_no_body_at_all()
    {
        // The file ends after the blank line: the body is empty, at the start of line 4.
        var result = Project().WithSeed("seeds/bad.txt", Header + "\n[Title](https://example.com/bad)\n------\n\n").Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS006", DiagnosticSeverity.Error, "seeds/bad.txt", (4, 0), (4, 0), string.Empty);
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS006_only_rfi_artifacts_and_boilerplate()
    {
        // The date element, the Array artifact and the two self-promotion blocks: 29 + 5 + 37 + 30 = 101 characters,
        // of which the diagnostic covers the first 100.
        const string Body = "<div>12/01/2022 - 12:44</div>Array<div data-selfpromo-newsletter></div><div data-selfpromo-app></div>";
        var result = Project().WithSeed("seeds/bad.txt", Seed("[Title](https://www.rfi.fr/cn/bad)", Body)).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS006", DiagnosticSeverity.Error, "seeds/bad.txt", (4, 0), (4, 100), Body[..100]);
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS006_only_the_feed_footer()
    {
        const string Body = "<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\">https://feedx.net</a></div>";
        var result = Project().WithSeed("seeds/bad.txt", Seed("[Title](https://example.com/bad)", Body)).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS006", DiagnosticSeverity.Error, "seeds/bad.txt", (4, 0), (4, 80), Body);
        AssertLoads(result, "good");
    }

    // CORPUS014

    [Fact]
    public void CORPUS014_a_body_nested_thousands_deep_is_refused_at_the_tag_past_the_limit_without_parsing_it()
    {
        // 100,000 unclosed divs would keep the HTML tree builder busy for minutes. Each "<div>" is 5 characters; the
        // 1,001st opens at 1,000 × 5 = 5,000 on line 4; a void <br> and a self-closed tag before them do not count.
        var body = "<br><x/>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Text.</p>";
        var result = Project().WithSeed("seeds/deep.txt", Seed("[Title](https://example.com/deep)", body)).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS014", DiagnosticSeverity.Error, "seeds/deep.txt", (4, 5008), (4, 5009), "<");
        Assert.Contains("nested more than 1000 deep", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS014_closed_elements_never_add_up()
    {
        // 5,000 sibling divs, each closed: depth 1 all along, so the seed is read.
        var body = string.Concat(Enumerable.Repeat("<div><p>Text.</p></div>", 5_000));
        var result = Project().WithSeed("seeds/wide.txt", Seed("[Title](https://example.com/wide)", body)).Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(5_000, AssertLoads(result, "good", "wide").FindById("wide")!.Paragraphs.Count);
    }

    // CORPUS007

    [Fact]
    public void CORPUS007_same_file_name_in_two_folders()
    {
        var result = Project()
            .WithSeed("seeds/b/story.txt", Seed("[B](https://example.com/b)"))
            .WithSeed("seeds/a/story.txt", Seed("[A](https://example.com/a)"))
            .Generate();

        // The first by ordinal seed path keeps the Id; the diagnostic is on the other file, at its start.
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS007", DiagnosticSeverity.Error, "seeds/b/story.txt", (0, 0), (0, 0), string.Empty);
        Assert.Contains("the Id 'story' is already used by seed 'seeds/a/story.txt'", Message(diagnostic));
        var corpus = AssertLoads(result, "good", "story");
        Assert.Equal("seeds/a/story.txt", corpus.FindById("story")!.SeedPath);
    }

    [Fact]
    public void CORPUS007_two_ids_with_the_same_member_name()
    {
        // "a b" and "a-b" both become the member AB (parts split at characters an identifier cannot hold, each capitalised);
        // "seeds/a b.txt" sorts first (space before hyphen), so "seeds/a-b.txt" is left out.
        var result = Project()
            .WithSeed("seeds/a-b.txt", Seed("[Hyphen](https://example.com/hyphen)"))
            .WithSeed("seeds/a b.txt", Seed("[Space](https://example.com/space)"))
            .Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS007", DiagnosticSeverity.Error, "seeds/a-b.txt", (0, 0), (0, 0), string.Empty);
        Assert.Contains("the member name 'AB' is already used by seed 'seeds/a b.txt'", Message(diagnostic));
        var corpus = AssertLoads(result, "good", "a b");
        Assert.Equal("a b", corpus.Member("AB").Id);
    }

    [Fact]
    public void An_underscore_is_kept_so_a_b_and_a_dash_b_do_not_collide()
    {
        var result = Project()
            .WithSeed("seeds/a-b.txt", Seed("[Hyphen](https://example.com/hyphen)"))
            .WithSeed("seeds/a_b.txt", Seed("[Underscore](https://example.com/underscore)"))
            .Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        var corpus = AssertLoads(result, "good", "a-b", "a_b");
        Assert.Equal("a-b", corpus.Member("AB").Id);
        Assert.Equal("a_b", corpus.Member("A_b").Id);
    }

    [Fact]
    public void CORPUS007_a_custom_class_name_can_clash_with_a_seed()
    {
        // With CorpusClassName=News, the seed "news" would be a member named like its class: it becomes News_, and
        // "news_.txt" (member News_ as well) is then the one left out.
        var project = Project()
            .WithSeed("seeds/news.txt", Seed("[News](https://example.com/news)"))
            .WithSeed("seeds/news_.txt", Seed("[News underscore](https://example.com/news_)"));
        project.Properties["CorpusClassName"] = "News";
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS007", DiagnosticSeverity.Error, "seeds/news_.txt", (0, 0), (0, 0), string.Empty);
        Assert.Contains("the member name 'News_' is already used by seed 'seeds/news.txt'", Message(diagnostic));
        var corpus = AssertLoadsAs(result, "News", "good", "news");
        Assert.Equal("news", corpus.Member("News_").Id);
    }

    // CORPUS008

    [Theory]
    [InlineData("http://example.com/news/%e4%b8%ad/story")]
    [InlineData("https://example.com//news/%e4%b8%ad/story")]
    [InlineData("https://example.com/news/%E4%B8%AD/story")]
    [InlineData("https://example.com/news/%e4%b8%ad/story/")]
    [InlineData("https://EXAMPLE.com/news/%e4%b8%ad/story")]
    [InlineData("https://example.com/news/%e4%b8%ad/story#comments")]
    public void CORPUS008_same_normalised_url(string variant)
    {
        const string Original = "https://example.com/news/%e4%b8%ad/story";
        var result = Project()
            .WithSeed("seeds/u2.txt", Seed("[Rewritten](" + variant + ")"))
            .WithSeed("seeds/u1.txt", Seed("[Original](" + Original + ")"))
            .Generate();

        // On the later seed by path, at its URL: "[Rewritten](" is 12 characters.
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS008", DiagnosticSeverity.Warning, "seeds/u2.txt", (1, 12), (1, 12 + variant.Length), variant);
        Assert.Equal($"Seed 'seeds/u2.txt' has the same URL as seed 'seeds/u1.txt' ({variant})", Message(diagnostic));

        // A warning: both seeds are kept.
        AssertLoads(result, "good", "u1", "u2");
    }

    [Theory]
    [InlineData("https://example.com/news/%e4%b8%ad/story?page=2")]
    [InlineData("https://example.com/news/%e4%b8%ad/Story")]
    [InlineData("https://example.org/news/%e4%b8%ad/story")]
    [InlineData("https://example.com/news/%e4%b8%ad/story/2")]
    public void Different_urls_are_not_duplicates(string other)
    {
        var result = Project()
            .WithSeed("seeds/u1.txt", Seed("[Original](https://example.com/news/%e4%b8%ad/story)"))
            .WithSeed("seeds/u2.txt", Seed("[Other](" + other + ")"))
            .Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        AssertLoads(result, "good", "u1", "u2");
    }

    // CORPUS009

    [Fact]
    public void CORPUS009_unreadable_rfi_date_element()
    {
        // "<div>32/13/2022 - 25:61</div>": 5 + 18 + 6 = 29 characters at the start of the body (line 4).
        const string Body = "<div>32/13/2022 - 25:61</div><p>Text.</p>";
        var result = Project().WithSeed("seeds/date.txt", Seed("[Title](https://www.rfi.fr/cn/date)", Body)).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS009", DiagnosticSeverity.Warning, "seeds/date.txt", (4, 0), (4, 29), "<div>32/13/2022 - 25:61</div>");
        Assert.Equal("Seed 'seeds/date.txt': the leading <div> date element holds '32/13/2022 - 25:61', which is not a date form known for RFI; PublishedAt will be null", Message(diagnostic));

        var corpus = AssertLoads(result, "good", "date");
        Assert.Null(corpus.FindById("date")!.PublishedAt);
    }

    [Fact]
    public void CORPUS009_unreadable_front_matter_date()
    {
        // Line 1 is "date: someday": the value starts at column 6 and is 7 characters long. The body has no date element.
        var text = "---\ndate: someday\n---\n" + Seed("[Title](https://example.com/front)");
        var result = Project().WithSeed("seeds/date.txt", text).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS009", DiagnosticSeverity.Warning, "seeds/date.txt", (1, 6), (1, 13), "someday");
        Assert.Equal("Seed 'seeds/date.txt': the front matter's date is 'someday', which is not a date such as 2020-08-06, 2020-08-06T10:57:23Z or 2020-08-06 10:57:23 +0800; PublishedAt will be null", Message(diagnostic));

        var corpus = AssertLoads(result, "good", "date");
        Assert.Null(corpus.FindById("date")!.PublishedAt);
    }

    [Fact]
    public void CORPUS009_unreadable_date_line()
    {
        // China Digital Times legacy layout: no header; line 2 is "日期：not a date", the value starts at column 3.
        var text = "[Title](https://chinadigitaltimes.net/chinese/2020/06/x.html)\n------\n日期：not a date\n\n<p>Text.</p>\n";
        var result = Project().WithSeed("seeds/date.txt", text).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS009", DiagnosticSeverity.Warning, "seeds/date.txt", (2, 3), (2, 13), "not a date");
        Assert.Equal("Seed 'seeds/date.txt': the 日期 line holds 'not a date', which is not an RFC 822 date; PublishedAt will be null", Message(diagnostic));

        var corpus = AssertLoads(result, "good", "date");
        Assert.Null(corpus.FindById("date")!.PublishedAt);
    }

    // CORPUS010

    [Fact]
    public void CORPUS010_seed_over_the_size_limit()
    {
        // The good seed is under 200 bytes; the big one is all ASCII, so its byte count is its length.
        var big = Seed("[Big](https://example.com/big)", "<p>" + new string('x', 300) + "</p>");
        Assert.True(Utf8(GoodSeed).Length <= 200);
        var project = Project().WithSeed("seeds/big.txt", big);
        project.Properties["CorpusMaxSeedBytes"] = "200";
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS010", DiagnosticSeverity.Error, "seeds/big.txt", (0, 0), (0, 20), Header);
        Assert.Equal($"Seed 'seeds/big.txt' is {big.Length} bytes, more than CorpusMaxSeedBytes (200 bytes)", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS010_the_limit_itself_is_allowed_and_counts_utf8_bytes()
    {
        // "中" is three UTF-8 bytes: pad the body so the seed is exactly 300 bytes, then one byte more.
        var baseSeed = Seed("[中](https://example.com/limit)", "<p>中</p>");
        var padding = 300 - Utf8(baseSeed).Length;
        var exact = Seed("[中](https://example.com/limit)", "<p>中" + new string('y', padding) + "</p>");
        var over = Seed("[中](https://example.com/ovver)", "<p>中" + new string('y', padding) + "</p>");
        Assert.Equal(300, Utf8(exact).Length);
        Assert.Equal(300, Utf8(over).Length);

        var project = Project().WithSeed("seeds/limit.txt", exact).WithSeed("seeds/over.txt", over + "z");
        project.Properties["CorpusMaxSeedBytes"] = "300";
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS010", diagnostic.Id);
        Assert.Contains("'seeds/over.txt' is 301 bytes", Message(diagnostic));
        AssertLoads(result, "good", "limit");
    }

    // CORPUS011

    [Theory]
    [InlineData("CorpusClassName", "class", "it must be a C# identifier that is not a keyword")]
    [InlineData("CorpusClassName", "1abc", "it must be a C# identifier that is not a keyword")]
    [InlineData("CorpusClassName", "record", "it must be a C# identifier that is not a keyword")]
    [InlineData("CorpusClassName", "Article", "the generated types Article, ArticleSection, ArticleImage, ArticleMedia, ArticleMediaKind, ArticleDatePrecision already use that name")]
    [InlineData("CorpusClassName", "ArticleMediaKind", "the generated types Article, ArticleSection, ArticleImage, ArticleMedia, ArticleMediaKind, ArticleDatePrecision already use that name")]
    [InlineData("CorpusVisibility", "protected", "it must be 'internal' or 'public'")]
    [InlineData("CorpusMaxSeedBytes", "-5", "it must be a whole number of bytes greater than zero")]
    [InlineData("CorpusMaxSeedBytes", "abc", "it must be a whole number of bytes greater than zero")]
    [InlineData("CorpusMaxSeedBytes", "0", "it must be a whole number of bytes greater than zero")]
    [InlineData("CorpusNamespace", "My..Ns", "it must be a C# namespace name such as My.Project")]
    [InlineData("CorpusNamespace", "My.class", "it must be a C# namespace name such as My.Project")]
    public void CORPUS011_invalid_option_is_reported_and_replaced_by_its_default(string property, string value, string reason)
    {
        var project = Project();
        project.Properties[property] = value;
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal($"The MSBuild property {property} has the value '{value}', which is not valid: {reason}", Message(diagnostic));

        // The defaults: class Articles in the root namespace, internal, 4 MiB.
        var corpus = result.Load("Articles", "Consumer");
        Assert.Equal(["good"], corpus.All.Select(a => a.Id));
        var articles = result.Output.GetTypeByMetadataName("Consumer.Articles");
        Assert.NotNull(articles);
        Assert.Equal(Accessibility.Internal, articles!.DeclaredAccessibility);
    }

    [Fact]
    public void CORPUS011_an_invalid_root_namespace_is_named_as_such()
    {
        var project = Project();
        project.Properties["RootNamespace"] = "My-Project";
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS011", diagnostic.Id);
        Assert.StartsWith("The MSBuild property RootNamespace has the value 'My-Project'", Message(diagnostic));
        var corpus = result.Load("Articles", ns: string.Empty);
        Assert.Equal(["good"], corpus.All.Select(a => a.Id));
    }

    // CORPUS012

    [Fact]
    public void CORPUS012_old_language_version_generates_nothing_and_says_why()
    {
        var project = Project();
        project.LanguageVersion = LanguageVersion.CSharp8;
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal("The generated corpus needs C# 9 or later, but the project uses C# 8.0", Message(diagnostic));

        // Nothing is added that could fail to compile in C# 8.
        Assert.Empty(result.Sources);
        result.AssertCompiles();
    }

    [Fact]
    public void CSharp9_is_enough()
    {
        // C# 9 is the default of net5.0; the generated code must compile and load with it, warnings included.
        var project = Project();
        project.LanguageVersion = LanguageVersion.CSharp9;
        var result = project.Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        AssertLoads(result, "good");
    }

    // CORPUS099: the seam is the additional file itself, whose text the generator asks for.

    [Fact]
    public void CORPUS099_a_seed_that_throws_when_read_is_reported_and_the_others_are_kept()
    {
        var result = Project().WithSeed(new FailingSeed(CorpusProject.Directory + "seeds/locked.txt", new IOException("the disk is on fire"))).Generate();

        Assert.Null(result.RunResult.Results.Single().Exception);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS099", DiagnosticSeverity.Error, "seeds/locked.txt", (0, 0), (0, 0), text: null);
        Assert.Equal("Seed 'seeds/locked.txt' could not be read: an unexpected error in Corpus.Generator, IOException: the disk is on fire", Message(diagnostic));
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS099_a_body_the_html_parser_fails_on_names_the_failure_not_missing_text()
    {
        // AngleSharp 1.10.3 throws NullReferenceException on this markup (found by fuzzing). The body is line 4;
        // "<p><select><xmp></xmp><select>>" is 3 + 8 + 5 + 6 + 8 + 1 = 31 characters.
        var result = Project().WithSeed("seeds/broken.txt", Seed("[Title](https://example.com/broken)", "<p><select><xmp></xmp><select>>")).Generate();

        Assert.Null(result.RunResult.Results.Single().Exception);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS099", DiagnosticSeverity.Error, "seeds/broken.txt", (4, 0), (4, 31), "<p><select><xmp></xmp><select>>");
        Assert.StartsWith("Seed 'seeds/broken.txt' could not be read: an unexpected error while reading its HTML body, NullReferenceException: ", Message(diagnostic), StringComparison.Ordinal);
        AssertLoads(result, "good");
    }

    [Fact]
    public void CORPUS099_a_seed_without_text()
    {
        var result = Project().WithSeed(new FailingSeed(CorpusProject.Directory + "seeds/gone.txt", exception: null)).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "CORPUS099", DiagnosticSeverity.Error, "seeds/gone.txt", (0, 0), (0, 0), text: null);
        Assert.Equal("Seed 'seeds/gone.txt' could not be read: the file could not be opened", Message(diagnostic));
        AssertLoads(result, "good");
    }

    // Severity configuration: what .editorconfig/.globalconfig, NoWarn and WarningsAsErrors turn into.

    [Fact]
    public void An_error_configured_as_a_warning_no_longer_fails_the_build()
    {
        var project = Project().WithSeed("seeds/bad.txt", Header + "\nJust a title\n------\n\n<p>Text.</p>\n");
        project.SpecificDiagnosticOptions["CORPUS003"] = ReportDiagnostic.Warn;
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.DoesNotContain(result.DriverDiagnostics.Concat(result.GeneratorDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        AssertLoads(result, "good");
    }

    [Theory]
    [InlineData(ReportDiagnostic.Suppress, null)]
    [InlineData(ReportDiagnostic.Error, DiagnosticSeverity.Error)]
    [InlineData(ReportDiagnostic.Default, DiagnosticSeverity.Warning)]
    public void A_warning_can_be_suppressed_or_made_an_error(ReportDiagnostic option, DiagnosticSeverity? expected)
    {
        var project = Project()
            .WithSeed("seeds/u1.txt", Seed("[One](https://example.com/same)"))
            .WithSeed("seeds/u2.txt", Seed("[Two](http://example.com/same/)"));
        project.SpecificDiagnosticOptions["CORPUS008"] = option;
        var result = project.Generate();

        if (expected is null)
        {
            Assert.Empty(result.GeneratorDiagnostics);
        }
        else
        {
            var diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("CORPUS008", diagnostic.Id);
            Assert.Equal(expected, diagnostic.Severity);
        }

        AssertLoads(result, "good", "u1", "u2");
    }

    // The catalogue and its documentation.

    [Fact]
    public void Every_descriptor_links_to_its_section_of_the_documentation()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();
        Assert.Equal(
            ["CORPUS001", "CORPUS002", "CORPUS003", "CORPUS004", "CORPUS005", "CORPUS006", "CORPUS007", "CORPUS008", "CORPUS009", "CORPUS010", "CORPUS011", "CORPUS012", "CORPUS013", "CORPUS014", "CORPUS015", "CORPUS016", "CORPUS099"],
            ids);
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Equal("https://github.com/corpus-generator/Corpus.Generator/blob/main/docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(CultureInfo.InvariantCulture)), descriptor.Id);
        }
    }

    [Fact]
    public void The_documentation_has_a_section_per_diagnostic_with_its_anchor_title_and_severity()
    {
        var markdown = File.ReadAllText(Repository.File("docs", "diagnostics.md")).Replace("\r\n", "\n");
        var sections = DocSection.Parse(markdown);

        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id), sections.Select(s => s.Id));
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var section = sections.Single(s => s.Id == descriptor.Id);
            Assert.Equal(descriptor.Id.ToLowerInvariant(), section.Anchor);
            Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), section.Title);
            Assert.Contains("**Default severity:** " + descriptor.DefaultSeverity, section.Body);
            Assert.Contains("dotnet_diagnostic." + descriptor.Id + ".severity", section.Body);
            if (descriptor.Id.StartsWith("CORPUS0", StringComparison.Ordinal) && descriptor.Id is not "CORPUS011" and not "CORPUS012" and not "CORPUS099")
            {
                // Seed diagnostics show a bad and a fixed example.
                Assert.Contains("Bad", section.Body);
                Assert.Contains("Fixed", section.Body);
            }
        }

        // Anchors are unique, so each help link lands on its own section.
        Assert.Equal(sections.Count, sections.Select(s => s.Anchor).Distinct().Count());
    }

    private sealed record DocSection(string Id, string Anchor, string Title, string Body)
    {
        private static readonly Regex Heading = new(@"^<a id=""(?<anchor>[^""]+)""></a>\n## (?<id>CORPUS\d{3}): (?<title>[^\n]+)$", RegexOptions.Multiline);

        public static List<DocSection> Parse(string markdown)
        {
            var matches = Heading.Matches(markdown);
            var sections = new List<DocSection>();
            for (var i = 0; i < matches.Count; i++)
            {
                var end = i + 1 < matches.Count ? matches[i + 1].Index : markdown.Length;
                var bodyStart = matches[i].Index + matches[i].Length;
                sections.Add(new DocSection(
                    matches[i].Groups["id"].Value,
                    matches[i].Groups["anchor"].Value,
                    matches[i].Groups["title"].Value.Trim(),
                    markdown[bodyStart..end]));
            }

            return sections;
        }
    }

    // Helpers.

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <param name="text">The seed text the location's span covers; null to skip that check.</param>
    private static void AssertDiagnostic(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string seedPath, (int Line, int Column) start, (int Line, int Column) end, string? text)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(CorpusProject.Directory + seedPath, span.Path);
        Assert.Equal(start, (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal(end, (span.EndLinePosition.Line, span.EndLinePosition.Character));
        Assert.Contains("'" + seedPath + "'", Message(diagnostic));
        if (text is not null)
        {
            Assert.Equal(text.Length, diagnostic.Location.SourceSpan.Length);
        }
    }

    private static LoadedCorpus AssertLoads(GenerationResult result, params string[] ids) => AssertLoadsAs(result, "Articles", ids);

    /// <summary>Compiles and loads the corpus; exactly <paramref name="ids"/> are in it.</summary>
    private static LoadedCorpus AssertLoadsAs(GenerationResult result, string className, params string[] ids)
    {
        var corpus = result.Load(className);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), corpus.All.Select(a => a.Id).OrderBy(i => i, StringComparer.Ordinal));
        return corpus;
    }

    /// <summary>An additional file whose text cannot be had: it throws, or (with no exception) the host returns null.</summary>
    private sealed class FailingSeed(string path, Exception? exception) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            exception is null ? null : throw exception;
    }
}
