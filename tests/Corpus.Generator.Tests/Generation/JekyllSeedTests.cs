using System;
using System.Linq;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Generation;

/// <summary>Front matter, media, captions and language through the whole generator, read back from the compiled corpus.</summary>
public sealed class JekyllSeedTests
{
    private const string Wrapped =
        "---\nlayout: post\ntitle: \"韓國首次發布洪水預警\"\ndate: 2020-08-06T18:57:23+08:00\nauthor: 中央社\n"
        + "from: https://www.cna.com.tw/news/a.aspx\ntags: [ 中央社, 韓國 ]\ncategories: [ news ]\n---\n"
        + "<article>\n<p>（中央社首爾6日綜合外電報導）韓國京畿道的八堂壩今早洩洪，當局發布洪水預警。</p>"
        + "<figure><img src=\"//images.example/a.jpg\" alt=\"八堂壩\"><figcaption>八堂壩洩洪</figcaption></figure>"
        + "<iframe src=\"https://www.youtube.com/embed/x\"></iframe><audio><source src=\"https://av.example/a.mp3\"></audio>\n</article>\n";

    private const string BrokenYaml =
        "---\ntitle: \"a\"\nfrom: https://www.dw.com/zh/a\n/a-1\n---\n<!--1596110033000-->\n[德国之声标题](https://www.dw.com/zh/a/a-1)\n------\n\n<div>\n<div><i><br>2020-07-30T11:36:25.472Z</i></div><p>正文。</p>\n</div>\n";

    private static readonly Lazy<(GenerationResult Result, LoadedCorpus Corpus)> Generated = new(() =>
    {
        var result = new CorpusProject().WithSeed("seeds/001_wrapped.txt", Wrapped).WithSeed("seeds/002_broken.txt", BrokenYaml).Generate();
        return (result, result.Load());
    });

    [Fact]
    public void Front_matter_values_reach_the_article()
    {
        var article = Generated.Value.Corpus.FindById("001_wrapped")!;

        Assert.Equal("韓國首次發布洪水預警", article.Title);
        Assert.Equal("https://www.cna.com.tw/news/a.aspx", article.Url.OriginalString);
        Assert.Equal("cna.com.tw", article.Outlet);
        Assert.Equal("zh-Hant", article.Language);
        Assert.Equal(new DateTimeOffset(2020, 8, 6, 18, 57, 23, TimeSpan.FromHours(8)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(8), article.PublishedAt!.Value.Offset);
        Assert.Equal("Second", article.PublishedAtPrecision);
        Assert.Null(article.FeedPublishedAt);
        Assert.Equal("中央社", article.Author);
        Assert.Equal(["中央社", "韓國"], article.Tags);
        Assert.Equal(["news"], article.Categories);
        Assert.Equal([new ImageValues("https://images.example/a.jpg", "八堂壩", "八堂壩洩洪")], article.Images);
        Assert.Equal([new MediaValues("Iframe", "https://www.youtube.com/embed/x"), new MediaValues("Audio", "https://av.example/a.mp3")], article.Media);
        Assert.Equal(["（中央社首爾6日綜合外電報導）韓國京畿道的八堂壩今早洩洪，當局發布洪水預警。", "八堂壩洩洪"], article.Paragraphs);
    }

    [Fact]
    public void Broken_front_matter_is_a_warning_at_the_yaml_and_the_title_block_and_body_date_are_used()
    {
        var diagnostic = Assert.Single(Generated.Value.Result.GeneratorDiagnostics);
        Assert.Equal("CORPUS013", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.EndsWith("002_broken.txt", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line, 1, 4);

        var article = Generated.Value.Corpus.FindById("002_broken")!;
        Assert.Equal("德国之声标题", article.Title);
        Assert.Equal("DW", article.Outlet);
        Assert.Equal(new DateTimeOffset(2020, 7, 30, 11, 36, 25, 472, TimeSpan.Zero), article.PublishedAt);
        Assert.Null(article.Author);
        Assert.Empty(article.Tags);
        Assert.Equal("zh-Hans", article.Language);
    }

    [Fact]
    public void A_seed_without_front_matter_has_no_tags_or_categories()
    {
        var article = new CorpusProject().WithProjectSeed().Generate().Load().All.Single();

        Assert.Empty(article.Tags);
        Assert.Empty(article.Categories);
        Assert.Empty(article.Media);
        Assert.Equal("zh-Hans", article.Language);
    }
}
