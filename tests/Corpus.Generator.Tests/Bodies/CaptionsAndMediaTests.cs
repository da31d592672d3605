using System;
using System.Linq;
using Corpus.Generator.Bodies;

namespace Corpus.Generator.Tests.Bodies;

/// <summary>Image captions, embedded media and the Jekyll wrapper, in the markup shapes of the real corpus.</summary>
public sealed class CaptionsAndMediaTests
{
    private static BodyContent ReadClean(string html, string outlet = "RFA")
    {
        var result = BodyReader.Read(html, outlet);
        Assert.Empty(result.Problems);
        return result.Body;
    }

    [Theory]
    // BBC: the figcaption is the image's grandparent's child; screen-reader label and copyright are not part of it.
    [InlineData("<div class=\"media-landscape has-caption full-width\"><span class=\"image-and-copyright-container\"><img src=\"https://images.weserv.nl/?url=ichef.bbci.co.uk/a.jpg\"><span class=\"off-screen\">图片版权</span><span class=\"story-image-copyright\">Getty Images</span></span><figcaption class=\"media-caption\"><span class=\"off-screen\">Image caption</span><span class=\"media-caption__text\">研究显示女性比男性更自觉戴口罩</span></figcaption></div><p>正文</p>", "研究显示女性比男性更自觉戴口罩")]
    // The feed renderer (DW, NYT, VOA): a small line right after the image.
    [InlineData("<img src=\"https://images.weserv.nl/?url=api.dw.com/image/1_303.jpg\" width=\"100%\"><div><small style=\"color: #999;\">研究认为 </small></div><p>正文</p>", "研究认为")]
    // RFA: a caption div beside the image's div; the photo credit and the zoom icon (a relative source) are not the article's.
    [InlineData("<div class=\"image-inline captioned\"><div><img src=\"https://www.rfa.org/a.jpg\"/></div><div class=\"image-caption\"><span>郦英杰称</span><span class=\"copyright\">Photo: RFA</span></div><div id=\"zoomattribute\"><a href=\"/a.jpg\"><img src=\"/rfa_resources/graphics/icon-zoom.png\"/></a></div></div><p>正文</p>", "郦英杰称")]
    // HTML figure.
    [InlineData("<figure><img src=\"//example.com/a.jpg\"><figcaption>图 <b>一</b></figcaption></figure><p>正文</p>", "图 一")]
    // No caption: an empty small line, or a BBC image marked no-caption.
    [InlineData("<img src=\"https://api.dw.com/image/1_303.jpg\"><div><small style=\"color: #999;\"></small></div><p>正文</p>", null)]
    [InlineData("<div class=\"media-landscape no-caption\"><span><img src=\"https://ichef.bbci.co.uk/a.jpg\"><span class=\"story-image-copyright\">Reuters</span></span></div><p>正文</p>", null)]
    public void An_image_gets_the_caption_it_is_shown_with(string html, string? caption)
    {
        var image = Assert.Single(ReadClean(html).Images);

        Assert.Equal(caption, image.Caption);
        Assert.StartsWith("https://", image.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_images_in_one_container_do_not_share_its_caption()
    {
        var body = ReadClean("<div><img src=\"https://a.example/1.jpg\"><img src=\"https://a.example/2.jpg\"><figcaption>两张</figcaption></div><p>正文</p>");

        Assert.All(body.Images, i => Assert.Null(i.Caption));
    }

    [Fact]
    public void The_caption_stays_in_the_text()
    {
        var body = ReadClean("<img src=\"https://api.dw.com/image/1_303.jpg\"><div><small>图片说明</small></div><p>正文</p>");

        Assert.Equal("图片说明\n\n正文", body.Text);
    }

    [Fact]
    public void Iframes_videos_and_audio_are_media_in_order_with_absolute_urls()
    {
        var body = ReadClean(
            "<p>正文</p><iframe title=\"t\" src=\"https://www.youtube.com/embed/rcUdcGuod-k?feature=oembed\"></iframe>"
            + "<video controls><source src=\"//av.voanews.com/a_240p.mp4\" type=\"video/mp4\"><source src=\"https://av.voanews.com/a_720p.mp4\"></video>"
            + "<audio src=\"https://av.voanews.com/clips/a.mp3\" controls></audio>"
            + "<video src=\"relative.mp4\"></video><iframe src=\"javascript:alert(1)\"></iframe>");

        Assert.Equal(
            [
                new BodyMedia(MediaKind.Iframe, "https://www.youtube.com/embed/rcUdcGuod-k?feature=oembed"),
                new BodyMedia(MediaKind.Video, "https://av.voanews.com/a_240p.mp4"),
                new BodyMedia(MediaKind.Audio, "https://av.voanews.com/clips/a.mp3"),
            ],
            body.Media);
        Assert.Equal("正文", body.Text);
    }

    [Fact]
    public void A_relative_image_source_is_left_out_of_images_but_made_absolute_in_the_html()
    {
        var body = BodyReader.Read("<img src=\"/a.jpg\"><p>正文</p>", "RFA", "https://www.rfa.org/mandarin/x.html").Body;

        Assert.Empty(body.Images);
        Assert.Equal("<img src=\"https://www.rfa.org/a.jpg\"><p>正文</p>", body.Html);
    }

    [Theory]
    [InlineData("DW", "<div>\n<div><i>  苗子(综合报道)<br>2020-07-30T11:36:25.472Z</i></div><p>正文</p>\n</div>", "2020-07-30T11:36:25.472+00:00", "苗子(综合报道)")]
    [InlineData("RFI", "<div>\n<div>22/07/2020 - 15:39</div><p>正文</p>\n</div>", "2020-07-22T15:39:00+02:00", null)]
    public void The_date_element_is_found_inside_the_jekyll_wrapper_div(string outlet, string html, string expected, string? author)
    {
        var body = ReadClean(html, outlet);

        var value = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, body.Published!.Value);
        Assert.Equal(value.Offset, body.Published.Value.Offset);
        Assert.Equal(author, body.Author);
        Assert.Equal("正文", body.Text);
    }

    [Fact]
    public void A_short_div_of_text_with_a_digit_is_text_not_an_unreadable_date()
    {
        // A whole real Jekyll-wrapped BBC body (jekyll-wrapped/020).
        var body = ReadClean("<div>\n3D心脏全息图助外科医生手术\n</div>", "BBC");

        Assert.Null(body.Published);
        Assert.Equal("3D心脏全息图助外科医生手术", body.Text);
    }

    [Fact]
    public void A_date_shaped_div_that_is_not_a_date_is_still_reported()
    {
        var problem = Assert.Single(BodyReader.Read("<div>32/13/2020 - 12:44</div><p>正文</p>", "RFI").Problems);

        Assert.Equal(BodyProblemKind.UnreadableDate, problem.Kind);
    }
}
