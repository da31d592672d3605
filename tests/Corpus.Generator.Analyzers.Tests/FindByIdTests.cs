using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static Corpus.Generator.Analyzers.Tests.LookupTest;

namespace Corpus.Generator.Analyzers.Tests;

/// <summary><c>Articles.FindById</c> with a constant: CORPUS015 when no seed has that Id, CORPUS016 and its fix when one has.</summary>
public sealed class FindByIdTests
{
    private static string Program(string statement) => $$"""
        namespace Consumer
        {
            internal static class Program
            {
                private const string Prefix = "000_";

                private static object? Main(string[] args)
                {
                    {{statement}}
                }
            }
        }
        """;

    [Fact]
    public async Task An_Id_one_character_off_is_a_warning_at_the_argument_naming_the_seed_it_is_closest_to()
    {
        await new LookupTest(Program("""return Articles.FindById({|#0:"000_153ef59660deb97x"|});"""))
            .WithProjectSeed()
            .WithSeed("seeds/other-story.txt", Seed("https://example.com/other"))
            .Expect(Unknown("Id", "000_153ef59660deb97x", "; the closest: '000_153ef59660deb970'").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task The_closest_Ids_are_named_nearest_first_and_at_most_three()
    {
        await new LookupTest(Program("""return Articles.FindById({|#0:"story-1"|});"""))
            .WithSeed("seeds/story-12.txt", Seed("https://example.com/12"))
            .WithSeed("seeds/story-2.txt", Seed("https://example.com/2"))
            .WithSeed("seeds/story-3.txt", Seed("https://example.com/3"))
            .WithSeed("seeds/story-4.txt", Seed("https://example.com/4"))
            .WithSeed("seeds/unrelated-name.txt", Seed("https://example.com/u"))
            // story-12 is one insertion away; story-2, -3 and -4 one substitution: ties in ordinal order, the fourth left out.
            .Expect(Unknown("Id", "story-1", "; the closest: 'story-12', 'story-2', 'story-3'").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task An_Id_close_to_none_says_so_and_an_empty_corpus_says_it_has_no_article()
    {
        await new LookupTest(Program("""return Articles.FindById({|#0:"something else entirely"|});"""))
            .WithProjectSeed()
            .Expect(Unknown("Id", "something else entirely", "; no Id of the corpus's 1 articles is close").WithLocation(0))
            .RunAsync();

        await new LookupTest(Program("""return Articles.FindById({|#0:"000_153ef59660deb970"|});"""))
            .Expect(
                Unknown("Id", "000_153ef59660deb970", "; the corpus has no article").WithLocation(0),
                new DiagnosticResult("CORPUS019", DiagnosticSeverity.Warning).WithArguments(
                    "no seed was found",
                    "CorpusSeedsDirectory is empty, so no folder is searched",
                    "Set CorpusSeedsDirectory to the folder that holds the seeds (relative to the project), or list seeds elsewhere as <AdditionalFiles Include=\"path/to/*.txt\" CorpusSeed=\"true\" />"))
            .RunAsync();
    }

    [Fact]
    public async Task A_known_Id_is_a_suggestion_whose_fix_writes_the_member()
    {
        await new LookupTest(
                Program("""return {|#0:Articles.FindById("000_153ef59660deb970")|}?.Title;"""),
                Program("""return Articles.Seed_000_153ef59660deb970?.Title;"""))
            .WithProjectSeed()
            .Expect(Member("000_153ef59660deb970", "Articles.Seed_000_153ef59660deb970").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task A_constant_expression_counts_as_the_string_it_makes_and_the_receiver_is_kept_as_written()
    {
        await new LookupTest(
                Program("""return {|#0:global::Consumer.Articles.FindById(id: Prefix + "153ef59660deb970")|};"""),
                Program("""return global::Consumer.Articles.Seed_000_153ef59660deb970;"""))
            .WithProjectSeed()
            .Expect(Member("000_153ef59660deb970", "Articles.Seed_000_153ef59660deb970").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task Fix_all_rewrites_every_lookup_of_the_document_each_to_its_own_member()
    {
        await new LookupTest(
                Program("""
                    var first = {|#0:Articles.FindById("000_153ef59660deb970")|};
                    var second = {|#1:Articles.FindById("my-first-story")|};
                    return new[] { first, second, Articles.FindById(args[0]) };
                    """),
                Program("""
                    var first = Articles.Seed_000_153ef59660deb970;
                    var second = Articles.MyFirstStory;
                    return new[] { first, second, Articles.FindById(args[0]) };
                    """))
            .WithProjectSeed()
            .WithSeed("seeds/my-first-story.txt", Seed("https://example.com/first"))
            .Expect(
                Member("000_153ef59660deb970", "Articles.Seed_000_153ef59660deb970").WithLocation(0),
                Member("my-first-story", "Articles.MyFirstStory").WithLocation(1))
            .RunAsync();
    }

    [Fact]
    public async Task A_lookup_through_using_static_is_fixed_to_the_bare_member()
    {
        const string Before = """
            using static Consumer.Articles;

            namespace Consumer
            {
                internal static class Program
                {
                    private static object? Main() => {|#0:FindById("000_153ef59660deb970")|};
                }
            }
            """;
        const string After = """
            using static Consumer.Articles;

            namespace Consumer
            {
                internal static class Program
                {
                    private static object? Main() => Seed_000_153ef59660deb970;
                }
            }
            """;
        await new LookupTest(Before, After)
            .WithProjectSeed()
            .Expect(Member("000_153ef59660deb970", "Articles.Seed_000_153ef59660deb970").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task A_value_known_only_at_run_time_is_not_checked()
    {
        await new LookupTest(Program("""
            var id = "000_153ef59660deb97x";
            return Articles.FindById(id) ?? Articles.FindById(args[0]) ?? Articles.FindById(string.Concat("a", "b"));
            """))
            .WithProjectSeed()
            .RunAsync();
    }

    [Fact]
    public async Task A_class_named_Articles_that_the_generator_did_not_write_is_not_checked()
    {
        // The corpus class is Consumer.Library here; Consumer.Articles and Other.Articles are the project's own.
        const string Source = """
            namespace Consumer
            {
                internal static class Articles
                {
                    public static object? FindById(string id) => null;
                }

                internal static class Program
                {
                    private static object? Main() => Articles.FindById("nope") ?? Other.Articles.FindById("nope");
                }
            }

            namespace Other
            {
                internal static class Articles
                {
                    public static object? FindById(string id) => null;
                }
            }
            """;
        await new LookupTest(Source)
            .WithProjectSeed()
            .WithProperty("CorpusClassName", "Library")
            .RunAsync();
    }

    [Fact]
    public async Task A_custom_class_name_and_namespace_are_the_class_checked_and_named_in_the_fix()
    {
        const string Before = """
            namespace Consumer
            {
                internal static class Program
                {
                    private static object?[] Main() =>
                    [
                        {|#0:Custom.Corpus.Library.FindById("000_153ef59660deb970")|},
                        Custom.Corpus.Library.FindById({|#1:"000_153ef59660deb97"|}),
                    ];
                }
            }
            """;
        const string After = """
            namespace Consumer
            {
                internal static class Program
                {
                    private static object?[] Main() =>
                    [
                        Custom.Corpus.Library.Seed_000_153ef59660deb970,
                        Custom.Corpus.Library.FindById({|#1:"000_153ef59660deb97"|}),
                    ];
                }
            }
            """;
        await new LookupTest(Before, After)
            .WithProjectSeed()
            .WithProperty("CorpusNamespace", "Custom.Corpus")
            .WithProperty("CorpusClassName", "Library")
            .Expect(
                Member("000_153ef59660deb970", "Library.Seed_000_153ef59660deb970").WithLocation(0),
                Unknown("Id", "000_153ef59660deb97", "; the closest: '000_153ef59660deb970'").WithLocation(1))
            .WithFixedDiagnostics(Unknown("Id", "000_153ef59660deb97", "; the closest: '000_153ef59660deb970'").WithLocation(1))
            .RunAsync();
    }

    [Fact]
    public async Task The_seed_a_duplicate_member_name_left_out_is_an_unknown_Id()
    {
        // my-story and My-Story both make the member MyStory: the generator keeps the seed whose path sorts first (CORPUS007).
        await new LookupTest(Program("""return {|#0:Articles.FindById("my-story")|} ?? Articles.FindById({|#1:"My-Story"|});"""))
            .WithSeed("seeds/a/my-story.txt", Seed("https://example.com/a"))
            .WithSeed("seeds/b/My-Story.txt", Seed("https://example.com/b"))
            .Expect(
                Member("my-story", "Articles.MyStory").WithLocation(0),
                Unknown("Id", "My-Story", "; the closest: 'my-story'").WithLocation(1),
                new DiagnosticResult("CORPUS007", DiagnosticSeverity.Error)
                    .WithSpan(ProjectDirectory + "seeds/b/My-Story.txt", 1, 1, 1, 1)
                    .WithArguments("seeds/b/My-Story.txt", "the member name 'MyStory'", "seeds/a/my-story.txt"))
            .RunAsync();
    }
    [Fact]
    public async Task A_seed_named_through_dot_dot_under_the_seeds_folder_is_in_the_catalogue()
    {
        // Issue 21: the compiler passes the path as written (app/../seeds/...), the folder is normalised; no per-seed metadata.
        var test = new LookupTest(Program("""return Articles.FindById({|#0:"through-dot-dox"|});"""))
            .WithProperty("CorpusSeedsPath", ProjectDirectory + "seeds/");
        test.TestState.AdditionalFiles.Add((ProjectDirectory + "app/../seeds/./through-dot-dot.txt", Seed("https://example.com/dot-dot")));
        await test
            .Expect(Unknown("Id", "through-dot-dox", "; the closest: 'through-dot-dot'").WithLocation(0))
            .RunAsync();
    }
}
