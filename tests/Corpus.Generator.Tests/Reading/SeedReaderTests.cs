using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Tests.Reading;

public sealed class SeedReaderTests
{
    private const string ProjectTitle = "俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演 - 要闻解说";
    private const string ProjectUrl = "https://www.rfi.fr/cn/%E4%B8%93%E6%A0%8F%E6%A3%80%E7%B4%A2/%E8%A6%81%E9%97%BB%E8%A7%A3%E8%AF%B4/20220112-%E4%BF%84%E7%BD%97%E6%96%AF";
    private const string ProjectBody = "<div>12/01/2022 - 12:44</div>Array<p><strong>今天（1月12日），俄罗斯将向北约提出其要求</strong></p><div data-selfpromo-newsletter></div>";

    private static Seed ReadClean(string text)
    {
        var result = SeedReader.Read(text);
        Assert.Empty(result.Problems);
        Assert.NotNull(result.Seed);
        return result.Seed;
    }

    private static SeedProblem SingleProblem(string text, SeedProblemKind kind)
    {
        var problem = Assert.Single(SeedReader.Read(text).Problems);
        Assert.Equal(kind, problem.Kind);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }

    private static TextRange Range(int startLine, int startColumn, int endLine, int endColumn) =>
        new(new TextPoint(startLine, startColumn), new TextPoint(endLine, endColumn));

    [Fact]
    public void Project_seed_shape_reads_every_block_with_exact_ranges()
    {
        var seed = ReadClean($"<!--1641989702000-->\n[{ProjectTitle}]({ProjectUrl})\n------\n\n{ProjectBody}\n");

        Assert.Equal(1641989702000, seed.FeedEpochMilliseconds);
        Assert.Equal(ProjectTitle, seed.RawTitle);

        // Hand-counted: the title has 32 UTF-16 units, the URL 132.
        Assert.Equal(Range(1, 1, 1, 33), seed.TitleRange);
        Assert.Equal(ProjectUrl, seed.Url);
        Assert.Equal(Range(1, 35, 1, 167), seed.UrlRange);
        Assert.Null(seed.DateLine);
        Assert.Equal(default, seed.DateLineRange);
        Assert.Equal(ProjectBody, seed.Body);
        Assert.Equal(new TextPoint(4, 0), seed.BodyStart);
    }

    [Fact]
    public void Missing_header_puts_the_title_on_line_zero()
    {
        var seed = ReadClean("[美国波特兰示威](http://www.bbc.com/zhongwen/simp/world-53469399)\n------\n\n<div><i>2020年 7月 20日</i></div>\n");

        Assert.Null(seed.FeedEpochMilliseconds);
        Assert.Equal("美国波特兰示威", seed.RawTitle);
        Assert.Equal(Range(0, 1, 0, 8), seed.TitleRange);
        Assert.Equal(Range(0, 10, 0, 57), seed.UrlRange);
        Assert.Equal(new TextPoint(3, 0), seed.BodyStart);
    }

    [Fact]
    public void NaN_header_gives_no_epoch_and_no_problem()
    {
        var seed = ReadClean("<!--NaN-->\n[t](https://a.example/)\n------\n\n<p>b</p>\n");

        Assert.Null(seed.FeedEpochMilliseconds);
        Assert.Equal(Range(1, 1, 1, 2), seed.TitleRange);
    }

    [Theory]
    [InlineData("<!--0-->", 0L)]
    [InlineData("<!--1593361687000-->  ", 1593361687000L)]
    [InlineData("<!--253402300799999-->", 253402300799999L)]
    public void Header_epochs_in_range_are_read(string header, long expected)
    {
        Assert.Equal(expected, ReadClean(header + "\n[t](https://a.example/)\n------\n\nb\n").FeedEpochMilliseconds);
    }

    [Theory]
    [InlineData("<!--abc-->")]
    [InlineData("<!--nan-->")]
    [InlineData("<!---1-->")]
    [InlineData("<!---->")]
    [InlineData("<!--1641989702000")]
    [InlineData("<!-- 1641989702000 -->")]
    [InlineData("<!--253402300800000-->")]
    [InlineData("<!--99999999999999999999999-->")]
    [InlineData("<!--")]
    public void Broken_header_is_reported_on_its_line_and_the_seed_stays_usable(string header)
    {
        var result = SeedReader.Read(header + "\n[t](https://a.example/)\n------\n\n<p>b</p>\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.MalformedHeader, problem.Kind);
        Assert.Equal(TextRange.At(0, 0, header.Length), problem.Range);
        Assert.NotNull(result.Seed);
        Assert.Null(result.Seed.FeedEpochMilliseconds);
        Assert.Equal("t", result.Seed.RawTitle);
        Assert.Equal("<p>b</p>", result.Seed.Body);
    }

    [Fact]
    public void Multi_line_title_ending_in_two_newlines_inside_the_brackets()
    {
        // Shape of a real DW seed: the title's own line ends are kept, the URL is on the last line.
        const string url = "https://www.dw.com/zh/%E5%BE%B7%E8%AF%AD/a-53985946";
        var seed = ReadClean($"<!--1593446049000-->\n[德语媒体：北京的快速回应\n\n]({url})\n------\n\n<div><i>x<br>2020-06-29T14:58:06.315Z</i></div>\n");

        Assert.Equal("德语媒体：北京的快速回应\n\n", seed.RawTitle);
        Assert.Equal(Range(1, 1, 3, 0), seed.TitleRange);
        Assert.Equal(url, seed.Url);
        Assert.Equal(Range(3, 2, 3, 2 + url.Length), seed.UrlRange);
        Assert.Equal(new TextPoint(6, 0), seed.BodyStart);
    }

    [Fact]
    public void Title_spanning_lines_has_a_range_spanning_lines()
    {
        var seed = ReadClean("[first\nsecond line](https://a.example/x)\n------\n\nb\n");

        Assert.Equal("first\nsecond line", seed.RawTitle);
        Assert.Equal(Range(0, 1, 1, 11), seed.TitleRange);
        Assert.Equal(Range(1, 13, 1, 32), seed.UrlRange);
    }

    [Fact]
    public void Brackets_inside_the_title_split_at_the_last_bracket_parenthesis()
    {
        var seed = ReadClean("<!--1593514529000-->\n[[视频]北京火速通过港版国安法](http://www.rfi.fr//cn/%E6%B8%AF/20200630-x)\n------\n\nb\n");

        Assert.Equal("[视频]北京火速通过港版国安法", seed.RawTitle);
        Assert.Equal(Range(1, 1, 1, 16), seed.TitleRange);
        Assert.Equal("http://www.rfi.fr//cn/%E6%B8%AF/20200630-x", seed.Url);
    }

    [Fact]
    public void A_link_shape_inside_the_title_stays_in_the_title()
    {
        var seed = ReadClean("[a](b) c](https://a.example/)\n------\n\nb\n");

        Assert.Equal("a](b) c", seed.RawTitle);
        Assert.Equal("https://a.example/", seed.Url);
        Assert.Equal(Range(0, 10, 0, 28), seed.UrlRange);
    }

    [Fact]
    public void Url_with_parentheses_ends_at_the_final_parenthesis()
    {
        var seed = ReadClean("[t](https://en.example.org/wiki/Foo_(bar))\n------\n\nb\n");

        Assert.Equal("https://en.example.org/wiki/Foo_(bar)", seed.Url);
    }

    [Fact]
    public void Entities_and_edge_whitespace_are_kept_as_written()
    {
        var seed = ReadClean("[ 中方&quot;将采取措施&quot;--中国外交部 ](https://cn.reuters.com/article/x-idCNKBS2410YO)\n------\n\nb\n");

        Assert.Equal(" 中方&quot;将采取措施&quot;--中国外交部 ", seed.RawTitle);
        Assert.Equal(Range(0, 1, 0, 29), seed.TitleRange);
    }

    [Theory]
    [InlineData("https://cn.ft.com/story/001088621?full=y")]
    [InlineData("http://www.rfi.fr//cn/contenu/20200720-x")]
    [InlineData("https://www.rfa.org/mandarin/yataibaodao/shehui/ql2-07202020074745.html")]
    [InlineData("https://chinadigitaltimes.net/chinese/2020/06/%e6%9d%8e%e6%89%bf/")]
    [InlineData("https://chinadigitaltimes.net/chinese/2020/07/曹教授｜谢谢俄国大使馆的特别提醒/")]
    [InlineData("HTTPS://WWW.DW.COM/zh/a-1")]
    [InlineData("http://www.dw.com:80/zh/a-1#top")]
    public void Absolute_http_urls_are_accepted_as_written(string url)
    {
        var seed = ReadClean($"<!--1-->\n[t]({url})\n------\n\nb\n");

        Assert.Equal(url, seed.Url);
        Assert.Equal(TextRange.At(1, 4, url.Length), seed.UrlRange);
    }

    [Fact]
    public void Date_line_after_the_separator_is_read_with_its_range()
    {
        var seed = ReadClean("[曹教授｜谢谢](https://chinadigitaltimes.net/chinese/2020/07/x/)\n------\n日期：Sun, 28 Jun 2020 15:42:36 +0000\n\n<p>body</p>\n");

        Assert.Equal("Sun, 28 Jun 2020 15:42:36 +0000", seed.DateLine);
        Assert.Equal(Range(2, 3, 2, 34), seed.DateLineRange);
        Assert.Equal("<p>body</p>", seed.Body);
        Assert.Equal(new TextPoint(4, 0), seed.BodyStart);
    }

    [Fact]
    public void Date_line_value_is_trimmed_and_an_ascii_colon_is_accepted()
    {
        var seed = ReadClean("[t](https://a.example/)\n------\n日期:  Thu, 02 Jul 2020 18:28:24 +0000 \n\nb\n");

        Assert.Equal("Thu, 02 Jul 2020 18:28:24 +0000", seed.DateLine);
        Assert.Equal(Range(2, 5, 2, 36), seed.DateLineRange);
    }

    [Fact]
    public void Date_line_without_a_blank_line_after_it_is_followed_by_the_body()
    {
        var seed = ReadClean("[t](https://a.example/)\n------\n日期：Sun, 28 Jun 2020 16:28:07 +0000\n<p>body</p>\n");

        Assert.Equal("<p>body</p>", seed.Body);
        Assert.Equal(new TextPoint(3, 0), seed.BodyStart);
    }

    [Fact]
    public void No_blank_line_after_the_separator_starts_the_body_there()
    {
        var seed = ReadClean("<!--1-->\n[t](https://a.example/)\n------\n<p>body</p>\n");

        Assert.Equal("<p>body</p>", seed.Body);
        Assert.Equal(new TextPoint(3, 0), seed.BodyStart);
        Assert.Null(seed.DateLine);
    }

    [Fact]
    public void Crlf_file_reads_like_lf_with_the_same_columns()
    {
        var seed = ReadClean("<!--1641989702000-->\r\n[标题](https://a.example/x)\r\n------\r\n\r\n<p>a\rb</p>\r\n");

        Assert.Equal(1641989702000, seed.FeedEpochMilliseconds);
        Assert.Equal("标题", seed.RawTitle);
        Assert.Equal(Range(1, 1, 1, 3), seed.TitleRange);
        Assert.Equal("https://a.example/x", seed.Url);
        Assert.Equal(Range(1, 5, 1, 24), seed.UrlRange);
        Assert.Equal("<p>a\rb</p>", seed.Body);
        Assert.Equal(new TextPoint(4, 0), seed.BodyStart);
    }

    [Fact]
    public void Crlf_inside_a_multi_line_title_becomes_lf()
    {
        var seed = ReadClean("[a\r\nb](https://a.example/)\r\n------\r\n\r\nbody\r\n");

        Assert.Equal("a\nb", seed.RawTitle);
        Assert.Equal(Range(0, 1, 1, 1), seed.TitleRange);
        Assert.Equal("body", seed.Body);
    }

    [Fact]
    public void Bom_before_the_header_is_skipped_but_counts_as_column_zero()
    {
        var seed = ReadClean("\uFEFF<!--1641989702000-->\n[t](https://a.example/)\n------\n\nb\n");

        Assert.Equal(1641989702000, seed.FeedEpochMilliseconds);
        Assert.Equal(Range(1, 1, 1, 2), seed.TitleRange);
    }

    [Fact]
    public void Bom_before_a_title_shifts_line_zero_columns_by_one()
    {
        var seed = ReadClean("\uFEFF[t](https://a.example/)\n------\n\nb\n");

        Assert.Equal("t", seed.RawTitle);
        Assert.Equal(Range(0, 2, 0, 3), seed.TitleRange);
        Assert.Equal(Range(0, 5, 0, 23), seed.UrlRange);
    }

    [Fact]
    public void Bom_before_a_broken_header_is_not_part_of_its_range()
    {
        var problem = SingleProblem("\uFEFF<!--x-->\n[t](https://a.example/)\n------\n\nb\n", SeedProblemKind.MalformedHeader);

        Assert.Equal(Range(0, 1, 0, 9), problem.Range);
    }

    [Fact]
    public void Lone_cr_and_unicode_line_separators_in_the_body_are_content()
    {
        const string body = "<p>a\rb\u2028c\u2029d\u0085e</p>";
        var seed = ReadClean("<!--1-->\n[t](https://www.rfa.org/mandarin/x.html)\n------\n\n" + body + "\n");

        Assert.Equal(body, seed.Body);
        Assert.Equal(new TextPoint(4, 0), seed.BodyStart);
    }

    [Fact]
    public void Only_the_single_final_newline_is_removed()
    {
        Assert.Equal("b\n", ReadClean("[t](https://a.example/)\n------\n\nb\n\n").Body);
        Assert.Equal("b", ReadClean("[t](https://a.example/)\n------\n\nb").Body);
        Assert.Equal(" b \r", ReadClean("[t](https://a.example/)\n------\n\n b \r\r\n").Body);
    }

    [Fact]
    public void Hand_edited_multi_line_body_keeps_its_lines()
    {
        var seed = ReadClean("[t](https://a.example/)\r\n------\r\n\r\n<p>a</p>\r\n<p>b</p>\r\n");

        Assert.Equal("<p>a</p>\n<p>b</p>", seed.Body);
    }

    [Fact]
    public void Nothing_after_the_separator_gives_an_empty_body()
    {
        Assert.Equal(string.Empty, ReadClean("[t](https://a.example/)\n------\n").Body);
        Assert.Equal(string.Empty, ReadClean("[t](https://a.example/)\n------").Body);
        Assert.Equal(string.Empty, ReadClean("[t](https://a.example/)\n------\n\n").Body);
    }

    [Fact]
    public void Huge_one_line_body_is_read_whole_and_fast()
    {
        var body = "<div>30/06/2020 - 12:05</div><p>" + new string('文', 500_000) + "\r\u2028</p>";
        var text = "<!--1593514529000-->\n[t](http://www.rfi.fr//cn/x)\n------\n\n" + body + "\n";

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(body, ReadClean(text).Body);
        }

        // Linear reading takes milliseconds; a per-line or per-character copy of the body would take minutes.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), stopwatch.Elapsed.ToString());
    }

    [Fact]
    public void Missing_separator_points_at_the_first_line_and_gives_no_seed()
    {
        var result = SeedReader.Read("[t](https://a.example/)\n-----\n\nb\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.MissingSeparator, problem.Kind);
        Assert.Equal(Range(0, 0, 0, 23), problem.Range);
        Assert.Null(result.Seed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("------ \n")]
    [InlineData(" ------\n")]
    [InlineData("-------\n")]
    [InlineData("[t](https://a.example/)\n\u2014\u2014\n\nb\n")]
    public void Texts_without_an_exact_separator_line_are_missing_it(string text)
    {
        var result = SeedReader.Read(text);

        Assert.Equal(SeedProblemKind.MissingSeparator, Assert.Single(result.Problems).Kind);
        Assert.Null(result.Seed);
    }

    [Fact]
    public void Missing_separator_and_broken_header_are_both_reported()
    {
        var result = SeedReader.Read("<!--soon-->\n[t](https://a.example/)\n\nb\n");

        Assert.Equal(
            [SeedProblemKind.MalformedHeader, SeedProblemKind.MissingSeparator],
            result.Problems.Select(p => p.Kind).ToArray());
        Assert.Null(result.Seed);
    }

    [Fact]
    public void Text_before_the_separator_that_is_not_a_link_is_a_malformed_title_block()
    {
        var result = SeedReader.Read("<!--1-->\ntitle without brackets\n------\n\nb\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.MalformedTitleBlock, problem.Kind);
        Assert.Equal(Range(1, 0, 1, 22), problem.Range);
        Assert.Null(result.Seed);
    }

    [Fact]
    public void Malformed_title_block_range_covers_all_its_lines()
    {
        var problem = SingleProblem("[t](https://a.example/\nmore\r\n------\n\nb\n", SeedProblemKind.MalformedTitleBlock);

        Assert.Equal(Range(0, 0, 1, 4), problem.Range);
    }

    [Fact]
    public void Separator_right_after_the_header_is_a_title_block_with_nothing_in_it()
    {
        var problem = SingleProblem("<!--1-->\n------\n\nb\n", SeedProblemKind.MalformedTitleBlock);

        Assert.Equal(Range(1, 0, 1, 0), problem.Range);
    }

    [Theory]
    [InlineData("[t] (https://a.example/)")]
    [InlineData("[t](https://a.example/")]
    [InlineData("t](https://a.example/)")]
    [InlineData("[t]")]
    [InlineData("()")]
    [InlineData("](x)")]
    public void Title_block_shapes_that_are_not_a_link_are_rejected(string block)
    {
        var result = SeedReader.Read(block + "\n------\n\nb\n");

        Assert.Equal(SeedProblemKind.MalformedTitleBlock, Assert.Single(result.Problems).Kind);
        Assert.Null(result.Seed);
    }

    [Fact]
    public void Blank_lines_and_spaces_around_the_title_block_are_accepted()
    {
        var seed = ReadClean("\n  [t](https://a.example/)  \n------\n\nb\n");

        Assert.Equal(Range(1, 3, 1, 4), seed.TitleRange);
    }

    [Theory]
    [InlineData("[](https://a.example/)", 2)]
    [InlineData("[   ](https://a.example/)", 5)]
    [InlineData("[\u3000\u200B](https://a.example/)", 4)]
    public void Empty_title_is_reported_at_the_brackets(string line, int bracketsLength)
    {
        var result = SeedReader.Read("<!--1-->\n" + line + "\n------\n\nb\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.EmptyTitle, problem.Kind);
        Assert.Equal(TextRange.At(1, 0, bracketsLength), problem.Range);
        Assert.Null(result.Seed);
    }

    [Theory]
    [InlineData("/cn/%E4%B8%AD/20200720-x")]
    [InlineData("www.rfi.fr/cn/x")]
    [InlineData("ftp://ftp.example.org/file")]
    [InlineData("mailto:news@example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//www.bbc.com/zhongwen")]
    [InlineData("http:/www.bbc.com/zhongwen")]
    [InlineData("https://")]
    [InlineData("https://a b.example/")]
    [InlineData("garbage")]
    public void Url_that_is_not_absolute_http_is_reported_at_the_url(string url)
    {
        var result = SeedReader.Read($"<!--1-->\n[标题]({url})\n------\n\nb\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.InvalidUrl, problem.Kind);
        Assert.Equal(TextRange.At(1, 5, url.Length), problem.Range);
        Assert.Null(result.Seed);
    }

    [Fact]
    public void Empty_url_is_reported_between_the_parentheses()
    {
        var problem = SingleProblem("[t]()\n------\n\nb\n", SeedProblemKind.InvalidUrl);

        Assert.Equal(Range(0, 4, 0, 4), problem.Range);
    }

    [Fact]
    public void Url_broken_over_two_lines_is_reported_over_both()
    {
        var problem = SingleProblem("[t](https://a.example/\nx)\n------\n\nb\n", SeedProblemKind.InvalidUrl);

        Assert.Equal(Range(0, 4, 1, 1), problem.Range);
    }

    [Fact]
    public void Empty_title_and_bad_url_are_both_reported()
    {
        var result = SeedReader.Read("[ ](relative/path)\n------\n\nb\n");

        Assert.Equal(
            [SeedProblemKind.EmptyTitle, SeedProblemKind.InvalidUrl],
            result.Problems.Select(p => p.Kind).ToArray());
        Assert.Equal(Range(0, 0, 0, 3), result.Problems[0].Range);
        Assert.Equal(Range(0, 4, 0, 17), result.Problems[1].Range);
    }

    [Fact]
    public void Second_separator_in_the_body_is_reported_and_kept_as_text()
    {
        var result = SeedReader.Read("[t](https://a.example/)\n------\n\n<p>a</p>\n------\n<p>b</p>\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.RepeatedSeparator, problem.Kind);
        Assert.Equal(Range(4, 0, 4, 6), problem.Range);
        Assert.NotNull(result.Seed);
        Assert.Equal("<p>a</p>\n------\n<p>b</p>", result.Seed.Body);
    }

    [Fact]
    public void Doubled_separator_line_is_reported_as_repeated()
    {
        var result = SeedReader.Read("[t](https://a.example/)\r\n------\r\n------\r\n\r\nb\r\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.RepeatedSeparator, problem.Kind);
        Assert.Equal(Range(2, 0, 2, 6), problem.Range);
        Assert.Equal("------\n\nb", result.Seed!.Body);
    }

    [Fact]
    public void Repeated_separator_is_also_reported_when_the_title_is_unusable()
    {
        var result = SeedReader.Read("[t](nope)\n------\n\nb\n------\n");

        Assert.Equal(
            [SeedProblemKind.InvalidUrl, SeedProblemKind.RepeatedSeparator],
            result.Problems.Select(p => p.Kind).ToArray());
        Assert.Null(result.Seed);
    }

    [Fact]
    public void Cancelled_token_stops_the_read()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SeedReader.Read("[t](https://a.example/)\n------\n\nb\n", source.Token));
    }
}
