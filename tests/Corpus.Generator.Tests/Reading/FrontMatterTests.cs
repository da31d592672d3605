using System.Linq;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Tests.Reading;

/// <summary>The Jekyll-wrapped variant: front matter before the usual blocks, or before the body alone.</summary>
public sealed class FrontMatterTests
{
    private const string FrontMatter =
        "---\n"
        + "layout: post\n"
        + "title: \"Front title\"\n"
        + "date: 2020-08-06T10:57:23.000Z\n"
        + "author: (臺)中央社CNA\n"
        + "from: https://www.cna.com.tw/news/a.aspx\n"
        + "tags: [ 中央社, news, 中央社 ]\n"
        + "categories: [ news ]\n"
        + "---\n";

    private static TextRange Range(int startLine, int startColumn, int endLine, int endColumn) =>
        new(new TextPoint(startLine, startColumn), new TextPoint(endLine, endColumn));

    [Fact]
    public void Front_matter_before_the_title_block_is_read_and_the_title_block_wins()
    {
        var result = SeedReader.Read(FrontMatter + "<!--1596711443000-->\n[Block title](https://example.com/block)\n------\n\n<div>\n<p>x</p>\n</div>\n");

        Assert.Empty(result.Problems);
        var seed = result.Seed!;
        Assert.Equal("Block title", seed.RawTitle);
        Assert.Equal("https://example.com/block", seed.Url);
        Assert.Equal(Range(10, 1, 10, 12), seed.TitleRange);
        Assert.Equal(1596711443000, seed.FeedEpochMilliseconds);
        Assert.Equal("<div>\n<p>x</p>\n</div>", seed.Body);
        Assert.Equal(new TextPoint(13, 0), seed.BodyStart);

        var front = seed.FrontMatter!;
        Assert.True(front.IsValid);
        Assert.Equal(Range(0, 0, 8, 3), front.Range);
        Assert.Equal("Front title", front.Title!.Value);
        Assert.Equal(Range(2, 7, 2, 20), front.Title.Range);
        Assert.Equal("2020-08-06T10:57:23.000Z", front.Date!.Value);
        Assert.Equal(Range(3, 6, 3, 30), front.Date.Range);
        Assert.Equal("(臺)中央社CNA", front.Author!.Value);
        Assert.Equal("https://www.cna.com.tw/news/a.aspx", front.From!.Value);
        Assert.Equal(["中央社", "news"], front.Tags);
        Assert.Equal(["news"], front.Categories);
    }

    [Fact]
    public void Front_matter_alone_gives_title_and_url_and_the_body_follows_it()
    {
        var result = SeedReader.Read(FrontMatter + "\n<article id=\"post-1\">\n<p>x</p>\n</article>\n");

        Assert.Empty(result.Problems);
        var seed = result.Seed!;
        Assert.Equal("Front title", seed.RawTitle);
        Assert.Equal(Range(2, 7, 2, 20), seed.TitleRange);
        Assert.Equal("https://www.cna.com.tw/news/a.aspx", seed.Url);
        Assert.Equal(Range(5, 6, 5, 40), seed.UrlRange);
        Assert.Null(seed.FeedEpochMilliseconds);
        Assert.Equal(new TextPoint(10, 0), seed.BodyStart);
        Assert.Equal("<article id=\"post-1\">\n<p>x</p>\n</article>", seed.Body);
    }

    [Fact]
    public void Broken_yaml_is_a_usable_problem_at_the_yaml_error_and_the_title_block_is_used()
    {
        // The shape of the real DW files: a plain "from" value broken over two lines by a title with a line break.
        var text = "---\nlayout: post\ntitle: \"a\"\nfrom: https://www.dw.com/zh/a\n/a-54378429\ntags: [ x ]\n---\n"
            + "<!--1-->\n[t](https://www.dw.com/zh/a/a-54378429)\n------\n\n<p>b</p>\n";

        var result = SeedReader.Read(text);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.InvalidFrontMatter, problem.Kind);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.InRange(problem.Range.Start.Line, 1, 6);
        Assert.Equal("t", result.Seed!.RawTitle);
        Assert.False(result.Seed.FrontMatter!.IsValid);
        Assert.Empty(result.Seed.FrontMatter.Tags);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Deeply_nested_yaml_is_a_usable_problem_not_a_stack_overflow(string open, string close)
    {
        // YamlStream.Load recurses once per level: this depth overflowed the stack and killed the compiler.
        const int Depth = 100_000;
        var text = "---\ntitle: " + string.Concat(Enumerable.Repeat(open, Depth)) + string.Concat(Enumerable.Repeat(close, Depth)) + "\n---\n"
            + "[t](https://example.com/a)\n------\n\n<p>b</p>\n";

        var result = SeedReader.Read(text);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.InvalidFrontMatter, problem.Kind);
        Assert.Contains("nested more than 64 levels", problem.Detail, System.StringComparison.Ordinal);
        Assert.Equal(1, problem.Range.Start.Line);
        Assert.Equal("t", result.Seed!.RawTitle);
    }

    [Fact]
    public void Broken_yaml_without_a_title_block_leaves_the_seed_unusable()
    {
        var result = SeedReader.Read("---\ntitle: [unclosed\n---\n<p>b</p>\n");

        Assert.Null(result.Seed);
        Assert.Equal([SeedProblemKind.InvalidFrontMatter, SeedProblemKind.MissingSeparator], result.Problems.Select(p => p.Kind));
    }

    [Fact]
    public void A_relative_from_url_is_reported_at_its_value()
    {
        var result = SeedReader.Read("---\ntitle: t\nfrom: /news/a\n---\n<p>b</p>\n");

        Assert.Null(result.Seed);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(SeedProblemKind.InvalidUrl, problem.Kind);
        Assert.Equal(Range(2, 6, 2, 13), problem.Range);
    }

    [Fact]
    public void An_opening_fence_without_a_closing_one_is_not_front_matter()
    {
        var result = SeedReader.Read("---\ntitle: t\n[t](https://a.example/)\n------\n\nb\n");

        Assert.Null(result.Seed);
        Assert.Equal(SeedProblemKind.MalformedTitleBlock, Assert.Single(result.Problems).Kind);
    }

    [Fact]
    public void Scalar_tags_are_split_at_whitespace_as_jekyll_does()
    {
        var seed = SeedReader.Read("---\ntags: hong-kong  china\ncategories: news\n---\n[t](https://a.example/)\n------\n\nb\n").Seed!;

        Assert.Equal(["hong-kong", "china"], seed.FrontMatter!.Tags);
        Assert.Equal(["news"], seed.FrontMatter.Categories);
    }
}
