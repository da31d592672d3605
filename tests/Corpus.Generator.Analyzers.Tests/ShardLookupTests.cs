using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static Corpus.Generator.Analyzers.Tests.LookupTest;

namespace Corpus.Generator.Analyzers.Tests;

/// <summary>
/// Lookups in an app that merges a corpus shard: the shard's articles are known (from its claims), and a lookup of one
/// is CORPUS016 with a fix that writes the member on the shard's class, where it lives.
/// </summary>
public sealed class ShardLookupTests
{
    private static readonly Lazy<MetadataReference> News2022 = new(() => ShardImage.Build(
        "News2022",
        Net80,
        ("seeds/rfi-one.txt", Seed("https://www.rfi.fr/cn/one", "One")),
        ("seeds/rfi-two.txt", Seed("https://www.rfi.fr/cn/two", "Two"))));

    private static string Program(string statement, string usings = "") => $$"""
        {{usings}}namespace Consumer
        {
            internal static class Program
            {
                private static object? Main(string[] args)
                {
                    {{statement}}
                }
            }
        }
        """;

    private static LookupTest App(string source, string? fixedSource = null) =>
        new LookupTest(source, fixedSource).WithReference(ShardImage.Runtime).WithReference(News2022.Value);

    [Fact]
    public async Task A_shard_articles_Id_is_a_suggestion_whose_fix_writes_the_member_on_the_shards_class()
    {
        await App(
                Program("""return {|#0:Articles.FindById("rfi-two")|};"""),
                Program("""return News2022.Articles.RfiTwo;"""))
            .Expect(Member("rfi-two", "News2022.Articles.RfiTwo").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task A_shard_articles_URL_is_a_suggestion_too_and_the_fix_uses_the_files_usings()
    {
        await App(
                Program("""return {|#0:Articles.FindByUrl("https://www.rfi.fr/cn/one")|};""", "using News2022;\n"),
                // In namespace Consumer, Articles is the app's own class, so the shard's keeps its namespace.
                Program("""return News2022.Articles.RfiOne;""", "using News2022;\n"))
            .Expect(Member("https://www.rfi.fr/cn/one", "News2022.Articles.RfiOne").WithLocation(0))
            .RunAsync();
    }

    [Fact]
    public async Task An_Id_no_shard_has_is_a_warning_naming_the_shards_closest_Ids_and_the_apps_own_seeds_are_found_as_before()
    {
        await App(
                Program("""return Articles.FindById({|#0:"rfi-tow"|}) ?? {|#1:Articles.FindById("own-story")|};"""),
                Program("""return Articles.FindById({|#0:"rfi-tow"|}) ?? Articles.OwnStory;"""))
            .WithSeed("seeds/own-story.txt", Seed("https://example.com/own"))
            .Expect(
                Unknown("Id", "rfi-tow", "; the closest: 'rfi-two'").WithLocation(0),
                Member("own-story", "Articles.OwnStory").WithLocation(1))
            .WithFixedDiagnostics(Unknown("Id", "rfi-tow", "; the closest: 'rfi-two'").WithLocation(0))
            .RunAsync();
    }
}
