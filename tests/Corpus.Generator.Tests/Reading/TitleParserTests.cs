using System.IO;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Tests.Reading;

public sealed class TitleParserTests
{
    private const string ProjectUrl = "https://www.rfi.fr/cn/%E4%B8%93%E6%A0%8F%E6%A3%80%E7%B4%A2/%E8%A6%81%E9%97%BB%E8%A7%A3%E8%AF%B4/20220112-%E4%BF%84%E7%BD%97%E6%96%AF%E4%B8%80%E5%8F%AA%E6%89%8B";
    private const string Rfi2020Url = "http://www.rfi.fr//cn/%E4%B8%AD%E5%9B%BD/20200718-%E8%B4%B9%E5%8A%A0%E7%BD%97%E6%8A%A5";

    [Fact]
    public void Project_seed_column_comes_from_the_url_path()
    {
        var title = TitleParser.Parse("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演 - 要闻解说", ProjectUrl);

        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演", title.Title);
        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演 - 要闻解说", title.RawTitle);
        Assert.Equal("要闻解说", title.Column);
    }

    [Fact]
    public void Project_seed_file_reads_to_its_expected_title()
    {
        var result = SeedReader.Read(File.ReadAllText(Repository.File("seeds", "000_153ef59660deb970.txt")));

        Assert.Empty(result.Problems);
        var seed = result.Seed!;
        Assert.Equal(1641989702000, seed.FeedEpochMilliseconds);
        Assert.Equal(Outlets.Rfi, Outlets.FromUrl(seed.Url));
        var title = TitleParser.Parse(seed.RawTitle, seed.Url);
        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演", title.Title);
        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演 - 要闻解说", title.RawTitle);
        Assert.Equal("要闻解说", title.Column);
        Assert.StartsWith("<div>12/01/2022 - 12:44</div>Array<p><strong>", seed.Body, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Column_in_the_url_matches_with_lower_case_percent_encoding_too()
    {
        // 特写 is not a known column: only the path names it.
        var title = TitleParser.Parse("巴黎的冬天 - 特写", "https://www.rfi.fr/cn/%e4%b8%93%e6%a0%8f%e6%a3%80%e7%b4%a2/%e7%89%b9%e5%86%99/20220110-x");

        Assert.Equal("巴黎的冬天", title.Title);
        Assert.Equal("特写", title.Column);
    }

    [Fact]
    public void Rfi_outlet_suffix_is_removed_and_is_not_a_column()
    {
        var title = TitleParser.Parse("疫情冲击足坛 2020年金球奖取消颁奖 – 法国国际广播电台 - RFI", "http://www.rfi.fr//cn/contenu/20200720-x");

        Assert.Equal("疫情冲击足坛 2020年金球奖取消颁奖", title.Title);
        Assert.Equal("疫情冲击足坛 2020年金球奖取消颁奖 – 法国国际广播电台 - RFI", title.RawTitle);
        Assert.Null(title.Column);
    }

    [Theory]
    [InlineData("费加罗报 统一：习近平的执念 - 法国报纸摘要", "费加罗报 统一：习近平的执念", "法国报纸摘要")]
    [InlineData("南中国海 美国有言在先了？ - 要闻分析", "南中国海 美国有言在先了？", "要闻分析")]
    [InlineData("默克尔将继续其温和的对华政策？ - 柏林飞鸿", "默克尔将继续其温和的对华政策？", "柏林飞鸿")]
    [InlineData("中美关系紧张  美国深化印太战略 - 曼谷专栏", "中美关系紧张 美国深化印太战略", "曼谷专栏")]
    [InlineData("国际货币基金组织： 走向绿色经济的改革措施 - 今日经济", "国际货币基金组织： 走向绿色经济的改革措施", "今日经济")]
    public void Rfi_2020_programme_suffixes_are_columns_though_the_url_lacks_them(string written, string expectedTitle, string expectedColumn)
    {
        var title = TitleParser.Parse(written, Rfi2020Url);

        Assert.Equal(expectedTitle, title.Title);
        Assert.Equal(expectedColumn, title.Column);
    }

    [Fact]
    public void Dash_inside_a_real_headline_is_kept()
    {
        var title = TitleParser.Parse("Coronavirus – 印度上亿民众再遭封城", "http://www.rfi.fr//cn/%E7%A4%BE%E4%BC%9A/20200715-rfi-x");

        Assert.Equal("Coronavirus – 印度上亿民众再遭封城", title.Title);
        Assert.Null(title.Column);
    }

    [Theory]
    [InlineData("立场新闻 | 国安法通过  黄之锋、罗冠聪、周庭等宣布退出", "立场新闻 | 国安法通过 黄之锋、罗冠聪、周庭等宣布退出")]
    [InlineData("李承鹏 | 问天下苍生，谁没有一个被偷走的人生", "李承鹏 | 问天下苍生，谁没有一个被偷走的人生")]
    [InlineData("曹教授｜谢谢俄国大使馆的特别提醒", "曹教授｜谢谢俄国大使馆的特别提醒")]
    public void China_digital_times_source_prefix_stays_in_the_title(string written, string expected)
    {
        var title = TitleParser.Parse(written, "https://chinadigitaltimes.net/chinese/2020/06/%e6%9d%8e%e6%89%bf%e9%b9%8f-%e9%97%ae/");

        Assert.Equal(expected, title.Title);
        Assert.Equal(expected, title.RawTitle);
        Assert.Null(title.Column);
    }

    [Fact]
    public void Entities_are_decoded()
    {
        var title = TitleParser.Parse("就美国对香港施加限制 中方&quot;将采取必要反制措施&quot;--中国外交部", "https://cn.reuters.com/article/china-response-usa-hk-0630-tues-idCNKBS2410YO");

        Assert.Equal("就美国对香港施加限制 中方\"将采取必要反制措施\"--中国外交部", title.Title);
        Assert.Null(title.Column);
    }

    [Fact]
    public void Reuters_name_suffix_is_removed_only_for_reuters_urls()
    {
        const string written = "中央约谈后中国地方楼市调控频出招 沈阳二套房首付比例上调至50% | 路透";

        var reuters = TitleParser.Parse(written, "https://cn.reuters.com/article/china-property-policy-idCNKBS27C0XY");
        Assert.Equal("中央约谈后中国地方楼市调控频出招 沈阳二套房首付比例上调至50%", reuters.Title);
        Assert.Null(reuters.Column);

        var repost = TitleParser.Parse(written, "https://chinadigitaltimes.net/chinese/2020/07/x/");
        Assert.Equal(written, repost.Title);
    }

    [Fact]
    public void Multi_line_title_becomes_one_trimmed_line()
    {
        var title = TitleParser.Parse("德语媒体：北京的快速回应\n\n", "https://www.dw.com/zh/%E5%BE%B7/a-53985946");

        Assert.Equal("德语媒体：北京的快速回应", title.Title);
        Assert.Equal("德语媒体：北京的快速回应", title.RawTitle);
    }

    [Fact]
    public void Edge_whitespace_and_nbsp_runs_are_normalised()
    {
        Assert.Equal("《她的交易艺术》：特朗普", TitleParser.Parse("《她的交易艺术》：特朗普 ", "https://www.dw.com/zh/x/a-1").Title);
        Assert.Equal("东京新冠新增感染者接连两日创新高 全日本逼近最高值", TitleParser.Parse("东京新冠新增感染者接连两日创新高\u00a0\u00a0全日本逼近最高值", Rfi2020Url).Title);
    }

    [Fact]
    public void Markup_tags_are_removed_but_encoded_and_lookalike_angle_brackets_stay()
    {
        Assert.Equal("重磅：标题", TitleParser.Parse("<b>重磅</b>：标题", Rfi2020Url).Title);
        Assert.Equal("<b>不是标签</b>", TitleParser.Parse("&lt;b&gt;不是标签&lt;/b&gt;", Rfi2020Url).Title);
        Assert.Equal("月收入<5000元的人 <美国> 与 a<b", TitleParser.Parse("月收入<5000元的人 <美国> 与 a<b", Rfi2020Url).Title);
    }

    [Fact]
    public void Number_after_a_dash_is_not_a_column_even_when_the_path_has_it()
    {
        var title = TitleParser.Parse("回顾 - 2020", "https://www.voachinese.com/2020/a-1.html");

        Assert.Equal("回顾 - 2020", title.Title);
        Assert.Null(title.Column);
    }

    [Fact]
    public void Title_that_is_only_a_suffix_is_never_emptied()
    {
        var title = TitleParser.Parse(" - 要闻解说", ProjectUrl);
        Assert.Equal("- 要闻解说", title.Title);

        var outletOnly = TitleParser.Parse("RFI", "https://www.rfi.fr/cn/");
        Assert.Equal("RFI", outletOnly.Title);
    }

    [Fact]
    public void Title_without_suffix_is_unchanged_for_every_outlet()
    {
        Assert.Equal("美国波特兰示威：特朗普派联邦执法人员抓捕示威者，引发滥权争议", TitleParser.Parse("美国波特兰示威：特朗普派联邦执法人员抓捕示威者，引发滥权争议", "http://www.bbc.com/zhongwen/simp/world-53469399").Title);
        Assert.Equal("对黑人科学家的偏见不利于科学", TitleParser.Parse("对黑人科学家的偏见不利于科学", "https://cn.ft.com/story/001088621?full=y").Title);
        Assert.Equal("《美国夫人》里的穿衣圣经", TitleParser.Parse("《美国夫人》里的穿衣圣经", "https://cn.nytimes.com/style/20200720/mrs-america-phyllis-schlafly-gloria-steinem-fashion/").Title);
        Assert.Equal("英国中止与香港引渡协议 对华武器禁运扩大至港", TitleParser.Parse("英国中止与香港引渡协议 对华武器禁运扩大至港", "https://www.rfa.org/mandarin/yataibaodao/junshiwaijiao/cl-07202020140207.html").Title);
        Assert.Equal("博尔顿在美国之音采访中称特朗普反复无常和危险", TitleParser.Parse("博尔顿在美国之音采访中称特朗普反复无常和危险", "https://www.voachinese.com/a/us-bolton-voa-interview-analysis-20200629/5481887.html").Title);
    }
}
