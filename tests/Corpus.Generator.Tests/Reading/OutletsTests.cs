using Corpus.Generator.Reading;

namespace Corpus.Generator.Tests.Reading;

public sealed class OutletsTests
{
    [Theory]
    [InlineData("http://www.rfi.fr//cn/contenu/20200720-x", "RFI")]
    [InlineData("https://www.rfi.fr/cn/%E4%B8%93/20220112-x", "RFI")]
    [InlineData("http://www.bbc.com/zhongwen/simp/world-53469399", "BBC")]
    [InlineData("https://www.bbc.co.uk/zhongwen/simp", "BBC")]
    [InlineData("https://www.dw.com/zh/%E5%BE%B7/a-53985946", "DW")]
    [InlineData("https://www.voachinese.com/a/us-bolton-voa-interview-analysis-20200629/5481887.html", "VOA")]
    [InlineData("https://www.voacantonese.com/a/x.html", "VOA")]
    [InlineData("https://www.voanews.com/a/x.html", "VOA")]
    [InlineData("https://cn.reuters.com/article/yuan-midpoint-0716-thur-idCNKCS24H01F", "Reuters")]
    [InlineData("https://cn.ft.com/story/001088621?full=y", "FT")]
    [InlineData("https://www.ftchinese.com/story/001088621", "FT")]
    [InlineData("https://cn.nytimes.com/business/20200720/china-coronavirus-swimsuits/", "NYT")]
    [InlineData("https://cn.nytimes.cn/x", "NYT")]
    [InlineData("https://www.rfa.org/mandarin/yataibaodao/shehui/ql2-07202020074745.html", "RFA")]
    [InlineData("https://chinadigitaltimes.net/chinese/2020/07/曹教授｜谢谢/", "China Digital Times")]
    [InlineData("HTTPS://WWW.RFI.FR/CN", "RFI")]
    [InlineData("http://www.dw.com:8080/zh", "DW")]
    [InlineData("https://user@cn.reuters.com/x", "Reuters")]
    [InlineData("https://www.bbc.com./zhongwen", "BBC")]
    public void Known_hosts_and_their_subdomains_name_the_outlet(string url, string expected)
    {
        Assert.Equal(expected, Outlets.FromUrl(url));
    }

    [Theory]
    [InlineData("https://www.zaobao.com.sg/realtime/china/story", "zaobao.com.sg")]
    [InlineData("https://theinitium.com/article/x", "theinitium.com")]
    [InlineData("https://notreuters.com/x", "notreuters.com")]
    [InlineData("https://reuters.com.example.net/x", "reuters.com.example.net")]
    [InlineData("https://WWW.Solidot.org/story?sid=1", "solidot.org")]
    [InlineData("https://www./x", "www")]
    public void Other_hosts_name_themselves_without_www(string url, string expected)
    {
        Assert.Equal(expected, Outlets.FromUrl(url));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("/cn/x")]
    [InlineData("https://")]
    [InlineData("://x")]
    public void Urls_without_a_host_give_an_empty_name(string url)
    {
        Assert.Equal(string.Empty, Outlets.FromUrl(url));
    }

    [Fact]
    public void The_nine_names_are_distinct_constants()
    {
        Assert.Equal(["RFI", "BBC", "DW", "VOA", "Reuters", "FT", "NYT", "RFA", "China Digital Times"], Outlets.Known);
    }
}
