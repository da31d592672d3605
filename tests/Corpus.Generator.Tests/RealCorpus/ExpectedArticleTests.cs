using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Corpus.Generator.Model;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>
/// Real files read as a build reads them, against values checked by hand in each file: the title line, the date element
/// (or 日期 line, or front matter) with the outlet's zone, the byline, the marked lead, the first paragraph of the body,
/// and the images (the file's <c>img</c> tags less those in <c>noscript</c> or with a relative source) and their captions.
/// </summary>
public sealed class ExpectedArticleTests
{
    /// <param name="Published">Round-trip ("O") form with its offset; null when the file has no date.</param>
    /// <param name="FirstParagraph">How the first paragraph after the lead starts.</param>
    public sealed record Expected(
        string File,
        string Title,
        string Outlet,
        string? Published,
        string? Precision,
        string? Author,
        string? LeadStart,
        string FirstParagraph,
        int Images,
        int Captions,
        int Media,
        string Language = "zh-Hans",
        string? Credit = null,
        string[]? Tags = null,
        string[]? Warnings = null);

    public static readonly IReadOnlyList<Expected> Files =
    [
        // RFI: Paris time, +02:00 in summer; the bold first paragraph is the lead; AFP wires carry a credit line.
        new("real/246_518faa205f5bad5a.txt", "美议员拟提案授权总统用武护台 台湾外交部表示感谢", "RFI", "2020-07-20T13:46:00+02:00", "Minute", null, "美国国会共和党籍联邦众议员泰德·约霍（Ted Yoho）", "约霍是美国会众议院外交委员会的成员。", 1, 0, 0),
        new("real/263_60c0908be1ede5c7.txt", "德国总理府被指曾为wirecard进入中国市场说项", "RFI", "2020-07-19T02:43:00+02:00", "Minute", null, "据德国电视一台报道，德国金融科技服务公司Wirecard破产", "去年9月3人，担任wirecard 顾问", 1, 0, 0),
        new("real/244_31836458d2beaeae.txt", "疫情冲击足坛 2020年金球奖取消颁奖", "RFI", "2020-07-20T17:50:00+02:00", "Minute", null, null, "（法新社巴黎20日电） 「金球奖」（Ballon d'Or）", 1, 0, 0, Credit: "© 2020 AFP"),
        // BBC: a day only, midnight +00:00; captions from the figcaption of "has-caption" images only.
        new("real/002_55110d64a1309dc0.txt", "肺炎疫情：新疆疫情反弹 中国卫健委专家赴疆调查", "BBC", "2020-07-18T00:00:00+00:00", "Day", null, null, "7月17日，当天几乎所有进出新疆省会乌鲁木齐的六百个航班都被取消。", 4, 2, 0),
        new("real/019_643117ed962d1cae.txt", "美方首次否认中国在南海的领土主权， 称主张“完全不合法”", "BBC", "2020-07-14T00:00:00+00:00", "Day", null, null, "美国国务卿蓬佩奥表示，中国在南海的领土声索“完全不合法”。", 3, 0, 0),
        new("real/039_abbeef894af3b28b.txt", "肺炎疫情：美国买光治新冠药物“瑞德西韦”招来欧洲国家不满", "BBC", "2020-07-02T00:00:00+00:00", "Day", null, null, "美国正从美国药厂吉利德（Gilead）买下", 3, 1, 0),
        // DW: UTC with milliseconds; the byline before the date; video items have no date element.
        new("real/154_79647d5a844ab267.txt", "泰国旅游业或暴跌80% 感染率极低成谜", "DW", "2020-07-20T14:53:17.1520000+00:00", "Second", "乐然（综合报道）", null, "（德国之声中文网）泰国政府今年初公布的数据显示", 1, 0, 0),
        new("real/173_90c752037c4c72d4.txt", "签署《香港自治法》 特朗普:惩罚中国压迫", "DW", "2020-07-15T01:28:32.7180000+00:00", "Second", null, null, "当被问及是否计划与中国国家主席习近平沟通时，特朗普说:「我没有计划要跟他说话。」", 2, 2, 0),
        new("real/155_a0ebb10bad8fcd28.txt", "新冠前后两重天：泰国华富里的猕猴们", "DW", null, null, null, null, "在泰国华富里市，猴子说了算！", 0, 0, 1),
        // VOA: RFC 822 in GMT; the feed's caption line under the image; programmes embed video, audio and YouTube.
        new("real/625_758c0e6038861a57.txt", "时事大家谈：习近平加速党国化，美拟制裁中共凸显制度对抗？", "VOA", "2020-07-20T14:07:32+00:00", "Second", null, null, "时事大家谈：习近平加速党国化，美拟制裁中共凸显制度对抗？", 0, 0, 3),
        new("real/643_45acf44202b03bd6.txt", "瑞典加入反制中国港版国安法的行列", "VOA", "2020-07-13T16:41:41+00:00", "Second", null, null, "资料照：瑞典外交大臣林德。", 1, 1, 0),
        new("real/663_e6f523b33bc67c3e.txt", "利用可穿戴设备和基因检测看病的新型诊所", "VOA", "2020-07-08T17:30:43+00:00", "Second", null, null, "2015年5月19日核医学技师在乔治敦大学医院为病人进行PET扫描", 1, 1, 0),
        // Reuters: no zone written, UTC.
        new("real/776_f1e0b8d1f2f88d82.txt", "美国经济今年料萎缩6.6% 面临重大风险且复苏之路将缓慢--IMF人员", "Reuters", "2020-07-20T00:49:59+00:00", "Second", null, null, "路透华盛顿7月17日 - 国际货币基金组织(IMF)工作人员", 0, 0, 0),
        new("real/793_786b70ae6a72c267.txt", "焦点：OPEC预计明年原油需求将出现创纪录增长 但仍低于去年水平", "Reuters", "2020-07-15T01:25:12+00:00", "Second", null, null, "路透7月14日 - 石油输出国组织(OPEC)在其月度报告中称", 1, 1, 0),
        new("real/813_10c1e15065189574.txt", "中国驻哈萨克斯坦大使馆提醒注意防范不明肺炎 致死率远高于新冠肺炎", "Reuters", "2020-07-10T02:35:03+00:00", "Second", null, null, "路透北京7月10日 - 中国驻哈萨克斯坦大使馆最新发布新闻稿", 0, 0, 0),
        // FT: an empty date element, the story-lead div is the lead.
        new("real/876_37508abdf895bf1d.txt", "中国疫情常态化防控的经验与隐患", "FT", null, null, null, "叶胜舟：中国疫情防控的八个经验和特点日益清晰", "北京严重疫情反弹结束，乌鲁木齐严重疫情再起。", 1, 0, 0),
        new("real/893_c50e14ba0ed07c9c.txt", "LG化学的电动汽车电池市场份额升至全球第一", "FT", null, null, null, "LG化学的市场份额已超过宁德时代和松下", "韩国公司LG化学(LG Chem)表示", 1, 0, 0),
        new("real/913_92d117b1be1df211.txt", "每日更新：全球新冠疫情追踪", "FT", null, null, null, "美国数州的新增病例数持续创新高", "新冠肺炎（COVID-19，即2019冠状病毒病）", 9, 0, 0),
        // NYT: Beijing time +08:00; the byline named twice in 576 is one author.
        new("real/576_c6a6a9677b4b32e8.txt", "简报：中国用维吾尔劳工生产口罩；肖建华金融帝国陨落", "NYT", "2020-07-20T09:58:59+08:00", "Second", "SAMMI ZHENG", null, "湖北一家工厂，做工的维吾尔工人。", 3, 1, 0),
        new("real/593_6d7c0afe4e442dbe.txt", "韩国首尔市长死亡，此前被下属指性骚扰", "NYT", "2020-07-10T15:15:28+08:00", "Second", "CHOE SANG-HUN", null, "周五，首尔，一队法医抬着朴元淳的遗体。", 3, 3, 0),
        new("real/613_dde16d85e79a51f3.txt", "香港商界为何大多支持新国安法？", "NYT", "2020-06-30T19:25:01+08:00", "Second", "艾莎", null, "周一，日落时分的香港天际线。", 2, 2, 0),
        // RFA: no date element; image-caption divs; the zoom icons (relative sources) are not images.
        new("real/716_115bacb9cd9dd82c.txt", "“台美国会议员联谊会”台湾6成立委都参与", "RFA", null, null, null, null, "“台美国会议员联谊会”20日举行成立大会", 3, 3, 1),
        new("real/733_2fbce8e93d82c887.txt", "网传中国出台影视禁令 恋爱剧不能太甜腻", "RFA", null, null, null, null, "最近，中国网络上疯传中国广电总局出台20类影视内容禁令", 3, 3, 0),
        new("real/753_4dc782732b64f9ce.txt", "博尔顿为台湾建言：与美国两党搞好关系", "RFA", null, null, null, null, "四个月后美国将举行总统大选。", 3, 3, 0),
        // China Digital Times: no date element in the seed format; "source | headline" titles stay whole.
        new("real/062_06c0eb06cf3c7718.txt", "【麻辣总局】顺我者昌 逆我者隔空嫖娼", "China Digital Times", null, null, null, null, "隔空嫖娼 时事小品_660期", 0, 0, 1),
        new("real/079_b74f4d3c778a97c9.txt", "苹果日报 | 黎智英：飞翔吧 良知的脊梁在撑着", "China Digital Times", null, null, null, null, "把我们惊醒的是突如其来的国安法", 0, 0, 0),
        new("real/099_23670470b4fd09ed.txt", "新华社｜香港国安法全文来了：危害国安最高判无期", "China Digital Times", null, null, null, null, "原标题：香港国安法重点先看 来源：新浪新闻综合", 0, 0, 0),
        // Legacy China Digital Times: the 日期 line, +0000.
        new("cdt-legacy/000_ceec71c6aa3f79b0.txt", "曹教授｜谢谢俄国大使馆的特别提醒", "China Digital Times", "2020-07-02T18:28:24+00:00", "Second", null, null, "【网络民议】俄罗斯专业“辱华” 生动诠释“战略伙伴关系”", 5, 1, 1),
        new("cdt-legacy/001_034fa322328ce9bd.txt", "【图说天朝】不刊登”通稿”的媒体", "China Digital Times", "2020-07-02T07:39:48+00:00", "Second", null, null, "图为7月1日香港国安法通过后", 1, 0, 0),
        // Jekyll-wrapped: front matter date and author when the body has none; tags; broken YAML is a warning.
        new("jekyll-wrapped/000_e59d9a26ee2f2d02.txt", "韓國9年來首次發布洪水預警 漢江公園出入管制", "cna.com.tw", "2020-08-06T10:57:23+00:00", "Second", "(臺)中央社CNA", null, "（中央社首爾6日綜合外電報導）韓國京畿道的八堂壩今早洩洪", 0, 0, 0, "zh-Hant", Tags: ["(臺)中央社CNA"]),
        new("jekyll-wrapped/176_265d812c6e5ee2fb.txt", "美四大科技巨头国会听证 提及中国", "DW", "2020-07-30T11:36:25.4720000+00:00", "Second", "苗子(综合报道)", null, "（德国之声中文网）苹果总裁库克、亚马逊总裁贝索斯", 2, 0, 0, Tags: [], Warnings: ["CORPUS013"]),
        new("jekyll-wrapped/053_73c3ec73ff2adb50.txt", "病毒大屠杀", "nei.st", "2020-04-06T16:51:24+01:00", "Second", "Nei.st", null, "全球大部分商业活动都按下了暂停键。", 1, 0, 0, Tags: ["Nei.st"]),
    ];

    public static IEnumerable<object[]> Names => Files.Select(f => new object[] { f.File });

    [Fact]
    public void Every_outlet_and_variant_has_at_least_three_hand_checked_files()
    {
        var outlets = Files.Where(f => f.File.StartsWith("real/", StringComparison.Ordinal)).GroupBy(f => f.Outlet).ToList();
        Assert.Equal(9, outlets.Count);
        Assert.All(outlets, g => Assert.True(g.Count() >= 3, g.Key));
        Assert.True(Files.Count(f => f.File.StartsWith("jekyll-wrapped/", StringComparison.Ordinal)) >= 3);
        Assert.True(Files.Count(f => f.File.StartsWith("cdt-legacy/", StringComparison.Ordinal)) >= 2);
    }

    [SharedCorpusTheory]
    [MemberData(nameof(Names))]
    public void The_article_holds_the_hand_checked_values(string file)
    {
        var slash = file.IndexOf('/', StringComparison.Ordinal);
        var path = SharedCorpus.PathOf(file.Substring(0, slash), file.Substring(slash + 1))!;

        var expected = Files.Single(f => f.File == file);
        var result = SharedCorpus.Read(path);
        var article = result.Article!;

        Assert.Equal(expected.Warnings ?? [], result.Findings.Select(f => f.DiagnosticId));
        Assert.Equal(expected.Title, article.Title);
        Assert.DoesNotContain('<', article.Title);
        Assert.Equal(expected.Outlet, article.Outlet);
        Assert.Equal(expected.Language, article.Language);
        if (expected.Published is null)
        {
            Assert.Null(article.PublishedAt);
        }
        else
        {
            var value = DateTimeOffset.Parse(expected.Published, CultureInfo.InvariantCulture);
            var actual = article.PublishedAt!.ToDateTimeOffset();
            Assert.Equal(value, actual);
            Assert.Equal(value.Offset, actual.Offset);
            Assert.Equal(expected.Precision, ((Corpus.Generator.Bodies.DatePrecision)article.PublishedAt.Precision).ToString());
        }

        Assert.Equal(expected.Author, article.Author);
        Assert.Equal(expected.Credit, article.Credit);
        if (expected.LeadStart is null)
        {
            Assert.Null(article.Lead);
        }
        else
        {
            Assert.StartsWith(expected.LeadStart, article.Lead, StringComparison.Ordinal);
        }

        var paragraphs = article.Sections.SelectMany(s => s.Paragraphs).ToList();
        Assert.StartsWith(expected.FirstParagraph, paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain(article.Lead ?? "\u0001", paragraphs);
        Assert.Equal(expected.Images, article.Images.Count);
        Assert.Equal(expected.Captions, article.Images.Count(i => i.Caption is not null));
        Assert.All(article.Images, i => Assert.StartsWith("https://", i.Url, StringComparison.Ordinal));
        Assert.Equal(expected.Media, article.Media.Count);
        Assert.Equal(expected.Tags ?? [], article.Tags);
    }
}
