using System;
using System.Linq;
using Corpus.Generator.Bodies;

namespace Corpus.Generator.Tests.Bodies;

public sealed class BodyReaderTests
{
    private static BodyContent ReadClean(string html, string outlet = "RFA")
    {
        var result = BodyReader.Read(html, outlet);
        Assert.Empty(result.Problems);
        return result.Body;
    }

    private static string[] Paragraphs(BodyContent body) => body.Sections.SelectMany(s => s.Paragraphs).ToArray();

    [Theory]
    [InlineData("DW", "<div><i>William  Yang<br>2020-07-08T09:21:00.944Z</i></div><p>正文。</p>", "2020-07-08T09:21:00.944+00:00", "William Yang")]
    [InlineData("DW", "<div><i><br>2020-07-17T14:52:05.445Z</i></div><p>正文。</p>", "2020-07-17T14:52:05.445+00:00", null)]
    [InlineData("NYT", "<div><i>孟建国,孟建国<br>2020-07-15 11:29:36</i></div><img src=\"https://images.weserv.nl?url=static01.nyt.com/a.jpg\" width=\"100%\"><p>正文。</p>", "2020-07-15T11:29:36+08:00", "孟建国")]
    [InlineData("Reuters", "<div><i>2020-07-16T00:50:23</i></div><div class=\"StandardArticleBody_body\"><p>正文。</p></div>", "2020-07-16T00:50:23+00:00", null)]
    [InlineData("VOA", "<div><i>Thu, 02 Jul 2020 22:14:46 GMT</i></div><p>正文。</p>", "2020-07-02T22:14:46+00:00", null)]
    [InlineData("BBC", "<div><i>2020年 7月 16日</i></div><div><div class=\"story-body__inner\"><p>正文。</p></div></div>", "2020-07-16T00:00:00+00:00", null)]
    [InlineData("RFI", "<div>11/07/2020 - 16:05</div><img src=\"https://s.rfi.fr/a.jpg\"><p>正文。</p>", "2020-07-11T16:05:00+02:00", null)]
    public void Date_element_is_read_and_removed(string outlet, string html, string expected, string? author)
    {
        var body = ReadClean(html, outlet);

        var value = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, body.Published!.Value);
        Assert.Equal(value.Offset, body.Published.Value.Offset);
        Assert.Equal(author, body.Author);
        Assert.Equal("正文。", body.Text);
        Assert.DoesNotContain("<i>", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("2020", body.Html.Replace("2020-07", string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_date_element_is_removed_without_a_problem()
    {
        var body = ReadClean("<div></div><div class=\"story-lead\">导语。</div><p>正文。</p>", "FT");

        Assert.Null(body.Published);
        Assert.Equal("导语。", body.Lead);
        Assert.Equal(["正文。"], Paragraphs(body));
        Assert.DoesNotContain("<div></div>", body.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Story_lead_is_a_paragraph_for_other_outlets()
    {
        var body = ReadClean("<div class=\"story-lead\">导语。</div><p>正文。</p>", "BBC");

        Assert.Null(body.Lead);
        Assert.Equal(["导语。", "正文。"], Paragraphs(body));
    }

    [Theory]
    [InlineData("RFI", "<div>99/99/2020 - 16:05</div><p>正文。</p>")]
    [InlineData("VOA", "<div><i>Thu, 32 Jul 2020 22:14:46 GMT</i></div><p>正文。</p>")]
    [InlineData("DW", "<!--x-->  <div><i>某人<br>昨天 14:52</i></div><p>正文。</p>")]
    [InlineData("RFI", "\u3000<div>20/07/2020 16h05</div><p>正文。</p>")]
    public void Unreadable_date_element_is_reported_where_it_is(string outlet, string html)
    {
        var result = BodyReader.Read(html, outlet);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(BodyProblemKind.UnreadableDate, problem.Kind);
        var start = html.IndexOf("<div>", StringComparison.Ordinal);
        Assert.Equal(start, problem.Offset);
        Assert.Equal(html.IndexOf("</div>", StringComparison.Ordinal) + "</div>".Length - start, problem.Length);
        Assert.Null(result.Body.Published);
        Assert.EndsWith("正文。", result.Body.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The position comes from the parsed element (a second parse keeps positions), not from the first "&lt;div" in
    /// the string: here that is a wrapper or inside a comment.
    /// </summary>
    [Theory]
    [InlineData("<div><div>99/99/2020 - 16:05</div><p>正文。</p></div>", 5)]
    [InlineData("<!-- <div> --><div>99/99/2020 - 16:05</div><p>正文。</p>", 14)]
    public void Unreadable_date_element_is_located_by_the_parser(string html, int offset)
    {
        var problem = Assert.Single(BodyReader.Read(html, "RFI").Problems);

        Assert.Equal(BodyProblemKind.UnreadableDate, problem.Kind);
        Assert.Equal(offset, problem.Offset);
        Assert.Equal("<div>99/99/2020 - 16:05</div>".Length, problem.Length);
    }

    [Theory]
    [InlineData("<div>编者按</div><p>正文。</p>")]
    [InlineData("<div class=\"x\">2020</div><p>正文。</p>")]
    [InlineData("<p>2020年 7月 16日</p><p>正文。</p>")]
    public void Content_that_is_not_shaped_like_a_date_element_is_text(string html)
    {
        var body = ReadClean(html);

        Assert.Null(body.Published);
        Assert.Equal(2, Paragraphs(body).Length);
    }

    [Fact]
    public void Offsets_count_utf16_units_after_astral_characters()
    {
        const string html = "<!--𠀋𠀋--><div>1/1/2020 - 25:00</div><p>正文。</p>";

        var problem = Assert.Single(BodyReader.Read(html, "RFI").Problems);

        Assert.Equal(html.IndexOf("<div>", StringComparison.Ordinal), problem.Offset);
    }

    [Theory]
    [InlineData("<p>正文。</p><br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\" style=\"color:orange\" target=\"_blank\">https://feedx.net</a> <br><a href=\"https://feedx.xyz\">https://feedx.xyz</a><br></div>", "feedx")]
    [InlineData("<p>正文。</p><br><hr><div>获取更多RSS：<br><a href=\"https://feedx.top\">https://feedx.top</a></div>", "feedx")]
    [InlineData("<div>正文。<div class=\"o-self-promo o-self-promo--nl o-self-promo--hidden\" data-selfpromo-newsletter></div><div data-selfpromo-app></div></div>", "selfpromo")]
    [InlineData("<div class=\"t-content__body u-clearfix\"><div class=\"m-interstitial\"><div class=\"m-interstitial__ad\"><divclass=\"m-block-ad \"data-tms-ad-type=\"box\"data-tms-ad-status=\"idle\"data-tms-ad-pos=\"1\"><div class=\"m-block-ad__label\">广告</div><div class=\"m-block-ad__content\"></div></div></div></div><p>正文。</p></div>", "广告")]
    [InlineData("<p>正文。</p><divclass=\"m-block-ad \"data-tms-ad-type=\"box\"><div class=\"m-block-ad__label\">广告</div></div>", "广告")]
    [InlineData("<h2 class=\"story-body__crosshead\">小标题</h2><div id=\"bbccom_mpu_3\" class=\"bbccom_slot mpu-ad\" aria-hidden=\"true\"><div class=\"bbccom_advert\"></div></div><p>正文。</p>", "bbccom")]
    [InlineData("<div>正文。</div><div><div>分享 :</div><a href=\"https://www.facebook.com/sharer\">facebook</a><a href=\"https://twitter.com/intent\">twitter</a></div>", "facebook")]
    [InlineData("<div>12/01/2022 - 12:44</div>Array<p>正文。</p>", "Array")]
    [InlineData("<p>正文。</p><script>var a = 1;</script><style>p{}</style><noscript><img src=\"x.png\"></noscript><template><p>模板</p></template>", "var a")]
    public void Boilerplate_is_removed_from_text_and_html(string html, string leak)
    {
        var body = ReadClean(html, "RFI");

        Assert.Contains("正文。", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(leak, body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(leak, body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("获取更多RSS", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<hr>", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("模板", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", body.Html, StringComparison.Ordinal);
        Assert.Empty(body.Images);
    }

    [Fact]
    public void Afp_copyright_becomes_the_credit()
    {
        var body = ReadClean("<p>（法新社东京20日电） 正文。</p><p class=\"t-copyright\">© 2020 AFP</p>        </div>", "RFI");

        Assert.Equal("© 2020 AFP", body.Credit);
        Assert.Equal("（法新社东京20日电） 正文。", body.Text);
        Assert.DoesNotContain("AFP", body.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Dw_copyright_notice_and_reuters_trust_badge_are_boilerplate()
    {
        // Modelled on the endings of real DW and Reuters bodies.
        var dw = ReadClean("<p>可以肯定的是，泰国戴口罩的传统起到了重要作用。</p><p><em>© 2020年德国之声版权声明：本文所有内容受到著作权法保护，如无德国之声特别授权，不得擅自使用。</em></p>", "DW");
        var reuters = ReadClean("<p>已暂停放松货币政策。(完) </p><div class=\"StandardArticleBody_trustBadgeContainer\"><span class=\"StandardArticleBody_trustBadgeTitle\">我们的标准：</span><span class=\"trustBadgeUrl\"><a href=\"https://www.thomsonreuters.cn/x.pdf\">汤森路透“信任原则”</a></span></div>", "Reuters");

        Assert.Equal("可以肯定的是，泰国戴口罩的传统起到了重要作用。", dw.Text);
        Assert.DoesNotContain("版权声明", dw.Html, StringComparison.Ordinal);
        Assert.Null(dw.Credit);
        Assert.Equal("已暂停放松货币政策。(完)", reuters.Text);
        Assert.DoesNotContain("信任原则", reuters.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_that_only_mentions_the_notice_is_kept()
    {
        var body = ReadClean("<p>文章提到了© 2020年德国之声版权声明的争议，这是正文。</p>", "DW");

        Assert.Equal("文章提到了© 2020年德国之声版权声明的争议，这是正文。", body.Text);
    }

    [Fact]
    public void Event_handlers_script_urls_and_players_leave_the_html_and_players_stay_in_media()
    {
        var body = ReadClean(
            "<p onclick=\"steal()\">正文<a href=\" java\tscript:alert(1)\" onmouseover=\"x()\">链接</a>。</p>"
            + "<iframe src=\"https://www.youtube.com/embed/x\"></iframe><video src=\"https://v.example/a.mp4\" controls></video><audio src=\"https://a.example/a.mp3\">音频说明</audio>");

        Assert.Equal("正文链接。", body.Text);
        Assert.DoesNotContain("onclick", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("onmouseover", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("script:", body.Html, StringComparison.Ordinal);
        Assert.Equal("<p>正文<a>链接</a>。</p>", body.Html);
        Assert.Equal(
            [(MediaKind.Iframe, "https://www.youtube.com/embed/x"), (MediaKind.Video, "https://v.example/a.mp4"), (MediaKind.Audio, "https://a.example/a.mp3")],
            body.Media.Select(m => (m.Kind, m.Url)).ToArray());
    }

    [Fact]
    public void Malformed_markup_keeps_its_text()
    {
        var body = ReadClean(
            "<div >一段。</span></p><divclass=\"t-content__body\"><p>二段。</p>三段<!-- 注释 -->继续</div></div></div>"
            + "<p>四段<b>粗体</p>尾巴</b><p></p><p>&nbsp; \u3000</p><p>五段&amp;&lt;实体&gt;</p>");

        Assert.Equal(["一段。", "二段。", "三段继续", "四段粗体", "尾巴", "五段&<实体>"], Paragraphs(body));
        Assert.DoesNotContain("注释", body.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_and_block_boundaries_split_paragraphs()
    {
        var body = ReadClean(
            "开头一句<br>第二句<br><br>  <br>第三句<div>块内</div>块后<p>段一<br>段二</p>"
            + "<ul><li>列表一</li><li><p>列表二</p></li></ul><blockquote><p>引文一</p><p>引文二</p></blockquote>"
            + "<figure><img src=\"https://e.example/a.jpg\"><figcaption>图注</figcaption></figure><table><tr><td>甲</td><td>乙</td></tr></table>");

        Assert.Equal(
            ["开头一句", "第二句", "第三句", "块内", "块后", "段一", "段二", "列表一", "列表二", "引文一", "引文二", "图注", "甲", "乙"],
            Paragraphs(body));
        Assert.Equal(
            "开头一句\n\n第二句\n\n第三句\n\n块内\n\n块后\n\n段一\n\n段二\n\n列表一\n\n列表二\n\n引文一\n\n引文二\n\n图注\n\n甲\n\n乙",
            body.Text);
    }

    [Fact]
    public void Headings_start_sections_and_strong_only_paragraphs_are_headings()
    {
        var body = ReadClean(
            "<p>前言。</p><h2>第一节</h2><p>一。</p><p><strong>第二节</strong></p><p>二。</p>"
            + "<p> <b>第三节</b><br></p><h3>空节</h3><p><strong>粗体</strong>不是标题。</p>", "CDT");

        Assert.Null(body.Lead);
        Assert.Equal(
            [(null, 1), ("第一节", 1), ("第二节", 1), ("第三节", 0), ("空节", 1)],
            body.Sections.Select(s => (s.Heading, s.Paragraphs.Count)).ToArray());
        Assert.Equal("粗体不是标题。", body.Sections[4].Paragraphs[0]);
    }

    [Fact]
    public void Rfi_lead_is_the_first_strong_paragraph_only_before_any_other()
    {
        var lead = ReadClean("<div>13/07/2020 - 11:43</div><img src=\"https://s.rfi.fr/a.jpg\"><p><strong>导语                </strong></p><p>正文。</p><p><strong>小标题</strong></p><p>更多。</p>", "RFI");
        var noLead = ReadClean("<p>正文。</p><p><strong>小标题</strong></p><p>更多。</p>", "RFI");
        var otherOutlet = ReadClean("<p><strong>标题</strong></p><p>正文。</p>", "DW");

        Assert.Equal("导语", lead.Lead);
        Assert.Equal([(null, 1), ("小标题", 1)], lead.Sections.Select(s => (s.Heading, s.Paragraphs.Count)).ToArray());
        Assert.Equal("导语\n\n正文。\n\n小标题\n\n更多。", lead.Text);
        Assert.Null(noLead.Lead);
        Assert.Null(otherOutlet.Lead);
        Assert.Equal("标题", otherOutlet.Sections[0].Heading);
    }

    [Fact]
    public void Images_are_resolved_unproxied_and_data_uris_skipped()
    {
        var body = ReadClean(
            "<p>正文。</p>"
            + "<img src=\"https://images.weserv.nl/?url=ichef.bbci.co.uk/news/640/a.jpg\" alt=\"永暑礁\">"
            + "<img src=\"https://images.weserv.nl?url=static01.nyt.com/images/b.jpg\" alt=\"\">"
            + "<img src=\"https://images.weserv.nl/?url=https%3A%2F%2Fapi.dw.com%2Fimage%2Fc.jpg&w=300\">"
            + "<img src=\"//s.rfi.fr/media/d.jpg\" alt=\"  说明\u00A0文字 \">"
            + "<img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP\" alt=\"占位\">"
            + "<img src=\"data:image/gif;base64,R0lG\" data-src=\"https://www.zaobao.com.sg/e.jpg\">"
            + "<img alt=\"无地址\">");

        Assert.Equal(
            [
                new BodyImage("https://ichef.bbci.co.uk/news/640/a.jpg", "永暑礁"),
                new BodyImage("https://static01.nyt.com/images/b.jpg", null),
                new BodyImage("https://api.dw.com/image/c.jpg", null),
                new BodyImage("https://s.rfi.fr/media/d.jpg", "说明 文字"),
                new BodyImage("https://www.zaobao.com.sg/e.jpg", null),
            ],
            body.Images);
        Assert.Contains("<img", body.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_keep_document_order_across_nesting()
    {
        var body = ReadClean(
            "<div><img src=\"https://e.example/1.jpg\"><br><b>图一</b>：说明。"
            + "<div><div><img src=\"https://e.example/2.jpg\"></div></div><img src=\"https://e.example/3.jpg\"></div>"
            + "<p><img src=\"https://e.example/4.jpg\">正文。</p>");

        Assert.Equal(
            ["https://e.example/1.jpg", "https://e.example/2.jpg", "https://e.example/3.jpg", "https://e.example/4.jpg"],
            body.Images.Select(i => i.Url).ToArray());
        Assert.Equal(["图一：说明。", "正文。"], Paragraphs(body));
    }

    [Fact]
    public void Bbc_screen_reader_labels_and_image_credits_are_not_text()
    {
        var body = ReadClean(
            "<div><div class=\"media-landscape has-caption full-width lead\"><span class=\"image-and-copyright-container\">"
            + "<img class=\"js-image-replace\" alt=\"永暑礁\" src=\"https://images.weserv.nl/?url=ichef.bbci.co.uk/a.jpg\">"
            + "<span class=\"off-screen\">图片版权</span><span class=\"story-image-copyright\">Reuters</span></span>"
            + "<span class=\"off-screen\">Image caption</span><span class=\"media-caption__text\">图注文字</span></div>"
            + "<p class=\"story-body__introduction\">导语段。</p><div class=\"embed-region\"><a class=\"off-screen jump-link\" href=\"#j\">跳过 Youtube 帖子</a>"
            + "<div class=\"media-with-caption__caption embed-youtube-warning\">告知：第三方内容可能包含广告</div><p class=\"off-screen\" id=\"j\">结尾 Youtube 帖子</p></div></div>",
            "BBC");

        Assert.Equal(["图注文字", "导语段。"], Paragraphs(body));
        Assert.Contains("图片版权", body.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void China_digital_times_feed_footer_is_removed()
    {
        var body = ReadClean(
            "<p>正文。</p><hr /><p><small>&copy; 一朵后浪 for <a href=\"https://chinadigitaltimes.net/chinese\">中国数字时代</a>, get_post_time('Y'). |"
            + "<a href=\"https://chinadigitaltimes.net/chinese/2020/06/x/\">Permalink</a> |<a href=\"#comments\">No comment</a> |Add to<a href=\"http://del.icio.us/post\">del.icio.us</a><br/>"
            + "Post tags: <a href=\"https://chinadigitaltimes.net/chinese/tag/x/\" rel=\"tag\">李承鹏</a><br/></small></p>"
            + "<p><small>Feed enhanced by <a href='http://planetozh.com/blog/my-projects/wordpress-plugin-better-feed-rss/'>Better Feed</a> from  <a href='http://planetozh.com/blog/'>Ozh</a></small></p>",
            "China Digital Times");

        Assert.Equal("正文。", body.Text);
        Assert.Equal("<p>正文。</p>", body.Html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<div></div>")]
    [InlineData("<p>&nbsp;</p><p> \u3000 </p><div><img src=\"https://e.example/a.jpg\"></div>")]
    [InlineData("<div>12/01/2022 - 12:44</div>Array<div data-selfpromo-app></div><br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\">https://feedx.net</a></div>")]
    [InlineData("<video src=\"https://v.example/a.mp4\"></video><script>document.write('x')</script>")]
    public void Body_without_article_text_is_reported(string html)
    {
        var result = BodyReader.Read(html, "RFI");

        var problem = Assert.Single(result.Problems, p => p.Kind == BodyProblemKind.NoText);
        Assert.Equal(0, problem.Offset);
        Assert.Equal(Math.Min(html.Length, 100), problem.Length);
        Assert.Equal(string.Empty, result.Body.Text);
        Assert.Empty(result.Body.Sections);
    }

    [Fact]
    public void Leading_head_elements_are_not_lost()
    {
        var body = ReadClean("<title>题目</title><style>p{}</style>开头文字<p>正文。</p>");

        Assert.Equal(["开头文字", "正文。"], Paragraphs(body));
    }

    [Fact]
    public void Deep_nesting_is_read_up_to_the_limit_and_refused_beyond_it()
    {
        const int Half = NestingLimit.MaxDepth / 2;
        var atLimit = string.Concat(Enumerable.Repeat("<span>", Half)) + "深处" + string.Concat(Enumerable.Repeat("<div>", Half)) + "更深";
        var beyond = string.Concat(Enumerable.Repeat("<span>", 5000)) + "深处" + string.Concat(Enumerable.Repeat("<div>", 5000)) + "更深";

        var read = BodyReader.Read(atLimit, "RFI");
        var refused = BodyReader.Read(beyond, "RFI");

        Assert.Empty(read.Problems);
        Assert.Contains("深处", read.Body.Text, StringComparison.Ordinal);
        Assert.Contains("更深", read.Body.Text, StringComparison.Ordinal);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(BodyProblemKind.TooDeeplyNested, problem.Kind);
        Assert.Equal(NestingLimit.MaxDepth * "<span>".Length, problem.Offset);
    }

    [Theory]
    [InlineData("<p>a</p><p>b</p>", 1, -1)]
    [InlineData("<div><div><p>x", 2, 10)]
    [InlineData("<!-- <div><div><div> --><div>", 1, -1)]
    [InlineData("<br><img src=x><hr/><wbr><div>", 1, -1)]
    [InlineData("</div></div><div><div>", 1, 17)]
    [InlineData("<div", 0, -1)]
    [InlineData("<a><b>", 1, 3)]
    public void Nesting_is_counted_from_the_tags_as_written(string html, int limit, int expected)
    {
        Assert.Equal(expected, NestingLimit.FirstOffsetBeyond(html, limit));
    }

    [Fact]
    public void Whitespace_and_invisible_characters_are_normalised()
    {
        var body = ReadClean("<p>\u00A0 甲\u200B乙\u3000\u3000丙\r丁\u2028戊\u0007 </p>");

        Assert.Equal("甲乙 丙 丁 戊", body.Text);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var source = new System.Threading.CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => BodyReader.Read("<p>正文。</p>", "RFI", cancellationToken: source.Token));
    }
}
