using System.Threading.Tasks;
using static Corpus.Generator.Analyzers.Tests.LookupTest;

namespace Corpus.Generator.Analyzers.Tests;

/// <summary><c>Articles.FindByUrl</c> with a constant string or <c>new Uri("…")</c>: matched as the generated lookup matches.</summary>
public sealed class FindByUrlTests
{
    // The project seed's URL, copied by hand from seeds/000_153ef59660deb970.txt (line 2, between "](" and the last ")").
    private const string ProjectSeedUrl = "https://www.rfi.fr/cn/%E4%B8%93%E6%A0%8F%E6%A3%80%E7%B4%A2/%E8%A6%81%E9%97%BB%E8%A7%A3%E8%AF%B4/20220112-%E4%BF%84%E7%BD%97%E6%96%AF%E4%B8%80%E5%8F%AA%E6%89%8B%E4%B8%8E%E5%8C%97%E7%BA%A6%E4%BC%9A%E8%B0%88-%E5%8F%A6%E5%8F%AA%E6%89%8B%E5%9C%A8%E4%B9%8C%E5%85%8B%E5%85%B0%E8%BE%B9%E5%A2%83%E4%B8%BE%E8%A1%8C%E5%86%9B%E6%BC%94";

    private static string Program(string expression) => $$"""
        using System;

        namespace Consumer
        {
            internal static class Program
            {
                private static object? Main(string[] args) => {{expression}};
            }
        }
        """;

    [Fact]
    public void The_test_knows_the_project_seed_URL_as_written_in_the_seed()
    {
        Assert.Contains("](" + ProjectSeedUrl + ")\n", ProjectSeedText);
    }

    [Fact]
    public async Task The_URL_as_written_is_a_suggestion_whose_fix_writes_the_member()
    {
        await new LookupTest(
                Program($$"""{|#0:Articles.FindByUrl("{{ProjectSeedUrl}}")|}"""),
                Program("Articles.Seed_000_153ef59660deb970"))
            .WithProjectSeed()
            .Expect(Member(ProjectSeedUrl, "Articles.Seed_000_153ef59660deb970").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task A_URL_that_differs_only_as_the_lookup_ignores_finds_the_article_too()
    {
        // http, upper-case host, lower-case escapes, a trailing slash and a fragment: all ignored by FindByUrl.
        var variant = "http://WWW.RFI.FR" + ProjectSeedUrl["https://www.rfi.fr".Length..].Replace("%E4%B8%93", "%e4%b8%93") + "/#top";
        await new LookupTest(
                Program($$"""{|#0:Articles.FindByUrl("{{variant}}")|}"""),
                Program("Articles.Seed_000_153ef59660deb970"))
            .WithProjectSeed()
            .Expect(Member(variant, "Articles.Seed_000_153ef59660deb970").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task An_unknown_URL_is_a_warning_at_the_argument_naming_the_closest_URLs()
    {
        await new LookupTest(Program("""Articles.FindByUrl({|#0:"https://example.com/news/2021/story-two"|})"""))
            .WithProjectSeed()
            .WithSeed("seeds/one.txt", Seed("https://example.com/news/2020/story-one"))
            .WithSeed("seeds/two.txt", Seed("https://example.com/news/2020/story-two"))
            .Expect(Unknown("URL", "https://example.com/news/2021/story-two", "; the closest: 'https://example.com/news/2020/story-two', 'https://example.com/news/2020/story-one'").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task A_new_Uri_of_a_constant_is_checked_at_its_string_and_fixed_as_a_whole()
    {
        await new LookupTest(
                Program("""{|#0:Articles.FindByUrl(new Uri("https://example.com/a"))|} ?? Articles.FindByUrl(new Uri({|#1:"https://example.com/b"|}))"""),
                Program("""Articles.A ?? Articles.FindByUrl(new Uri({|#1:"https://example.com/b"|}))"""))
            .WithSeed("seeds/a.txt", Seed("https://example.com/a"))
            .Expect(
                Member("https://example.com/a", "Articles.A").WithLocation(0),
                Unknown("URL", "https://example.com/b", "; the closest: 'https://example.com/a'").WithLocation(1))
            .WithFixedDiagnostics(Unknown("URL", "https://example.com/b", "; the closest: 'https://example.com/a'").WithLocation(1))
            .RunAsync();
    }

    [Fact]
    public async Task A_Uri_made_at_run_time_or_a_URL_two_seeds_share_has_no_diagnostic()
    {
        // Both seeds have the URL (CORPUS008): the run time picks the newer, which the analyzer does not know, so no fix.
        await new LookupTest(Program("""Articles.FindByUrl(new Uri(args[0])) ?? Articles.FindByUrl("https://example.com/same") ?? Articles.FindByUrl(args[1])"""))
            .WithSeed("seeds/first.txt", Seed("https://example.com/same"))
            .WithSeed("seeds/second.txt", Seed("https://example.com/same"))
            .Expect(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CORPUS008", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithSpan(ProjectDirectory + "seeds/second.txt", 2, 11, 2, 35)
                .WithArguments("seeds/second.txt", "seeds/first.txt", "https://example.com/same"))
            .RunAsync();
    }

    [Fact]
    public async Task A_seed_whose_URL_comes_from_front_matter_is_found_by_it()
    {
        const string JekyllSeed = "---\ntitle: \"Front matter title\"\nfrom: https://example.com/posts/1\n---\n<article><p>Body text of the post.</p></article>\n";
        await new LookupTest(
                Program("""{|#0:Articles.FindByUrl("https://example.com/posts/1")|}"""),
                Program("Articles.JekyllPost"))
            .WithSeed("seeds/jekyll-post.txt", JekyllSeed)
            .Expect(Member("https://example.com/posts/1", "Articles.JekyllPost").WithLocation(0))
            .RunAsync();
    }
}
