using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Corpus.Generator.Tests.Diagnostics.DiagnosticFixture;

namespace Corpus.Generator.Tests.Diagnostics;

/// <summary>
/// The diagnostics found only across the corpus (CORPUS007 duplicate Id or member name, CORPUS008 duplicate URL): which
/// seed is reported, where, and which seeds the corpus keeps.
/// </summary>
public sealed class CorpusDiagnosticTests
{
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
}
