using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Corpus.Generator.Emitting;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// Past the per-type member limit the per-article members go into a chain of base classes (a type with more than
/// 65,535 methods does not load). The limit is lowered here so that a handful of seeds take the same path as 100,000.
/// </summary>
public sealed class MemberSplitTests
{
    private const int PerType = 3;

    private const int SeedCount = 7;

    private static readonly Lazy<(CorpusProject Project, GenerationResult Result, LoadedCorpus Corpus)> Generated = new(() =>
    {
        var project = Project(SeedCount, PerType);

        // Consumer code that names every member, the last part's included: they must bind as Articles.Member.
        project.Sources.Add(
            "namespace Consumer;\ninternal static class Uses\n{\n    internal static string[] Titles() =>\n    [\n"
            + string.Concat(Ids(SeedCount).Select(id => "        Articles." + MemberNames.FromId(id, "Articles") + ".Title,\n"))
            + "    ];\n}\n");
        var result = project.Generate();
        return (project, result, result.Load());
    });

    [Fact]
    public void The_split_corpus_compiles_cleanly_with_consumer_code_naming_every_member()
    {
        Assert.Empty(Generated.Value.Result.GeneratorDiagnostics);
        Generated.Value.Result.AssertCompiles();
        Assert.Contains("abstract partial class ArticlesPart2 : ArticlesPart1", Generated.Value.Result.Source(CorpusEmitter.IndexHintName), StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_split_corpus_documents_every_visible_member()
    {
        // Public types and their members must carry doc comments: a consumer with GenerateDocumentationFile and
        // TreatWarningsAsErrors would otherwise fail on CS1591 (the test compilation reports documentation problems).
        var project = Project(SeedCount, PerType);
        project.Properties["CorpusVisibility"] = "public";
        var result = project.Generate();
        Assert.Empty(result.GeneratorDiagnostics);
        result.AssertCompiles();
        Assert.Contains("public abstract partial class ArticlesPart2 : ArticlesPart1", result.Source(CorpusEmitter.IndexHintName), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("articles-part-0")]
    [InlineData("articles-part-1")]
    public void A_seed_named_like_a_part_class_gets_a_member_that_compiles(string id)
    {
        Assert.EndsWith("_", MemberNames.FromId(id, "Articles"), StringComparison.Ordinal);

        var project = new CorpusProject { MembersPerType = 1 }
            .WithProjectSeed()
            .WithSeed("seeds/" + id + ".txt", Seeds.Simple("Part-like", "https://www.example.com/part", "Body."));
        var result = project.Generate();
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(2, result.Load().Count);
    }

    [Fact]
    public void Every_member_binds_on_Articles_and_each_part_holds_at_most_the_limit()
    {
        var corpus = Generated.Value.Corpus;
        Assert.Equal(SeedCount, corpus.Count);
        Assert.Equal(
            Ids(SeedCount).Select(id => MemberNames.FromId(id, "Articles")).OrderBy(n => n, StringComparer.Ordinal),
            corpus.MemberNames.OrderBy(n => n, StringComparer.Ordinal));

        var declaring = DeclaringTypes(Generated.Value.Result);
        Assert.Equal(["ArticlesPart0", "ArticlesPart1", "ArticlesPart2"], declaring.Values.Distinct().OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(declaring.GroupBy(p => p.Value), part => Assert.True(part.Count() <= PerType, part.Key + " holds " + part.Count().ToString(CultureInfo.InvariantCulture)));

        // The members follow the order of All: the last article is in the last part.
        Assert.Equal("ArticlesPart2", declaring[MemberNames.FromId(corpus.All[SeedCount - 1].Id, "Articles")]);
    }

    [Fact]
    public void Values_load_through_every_part()
    {
        var corpus = Generated.Value.Corpus;
        foreach (var id in Ids(SeedCount))
        {
            var article = corpus.Member(MemberNames.FromId(id, "Articles"));
            Assert.Equal(id, article.Id);
            Assert.Equal(id, corpus.FindById(id)!.Id);
            Assert.Equal("Title " + id, article.Title);
            Assert.Equal(["First of " + id + ".", "Second of " + id + "."], article.Paragraphs);
            Assert.Equal("First of " + id + ".\n\nSecond of " + id + ".", article.Text);
        }
    }

    [Theory]
    [InlineData(3, 3, 0)]
    [InlineData(4, 3, 2)]
    [InlineData(7, 3, 3)]
    [InlineData(2, 1, 2)]
    public void Parts_begin_only_past_the_limit(int seeds, int perType, int parts)
    {
        var result = Project(seeds, perType).Generate().AssertCompiles();
        var index = result.Source(CorpusEmitter.IndexHintName);
        for (var part = 0; part < parts; part++)
        {
            Assert.Contains("abstract partial class ArticlesPart" + part.ToString(CultureInfo.InvariantCulture), index, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ArticlesPart" + parts.ToString(CultureInfo.InvariantCulture), index, StringComparison.Ordinal);
        Assert.Contains(parts == 0 ? "static partial class Articles" : "sealed partial class Articles : ArticlesPart", index, StringComparison.Ordinal);
        Assert.Equal(seeds, result.Load().All.Count);
    }

    private static CorpusProject Project(int seeds, int perType)
    {
        var project = new CorpusProject { MembersPerType = perType };
        foreach (var id in Ids(seeds))
        {
            project.WithSeed(
                "seeds/" + id + ".txt",
                Seeds.Simple("Title " + id, "https://www.example.com/" + id, "First of " + id + ".</p><p>Second of " + id + "."));
        }

        return project;
    }

    private static IEnumerable<string> Ids(int count) =>
        Enumerable.Range(0, count).Select(i => "seed_" + i.ToString("D2", CultureInfo.InvariantCulture));

    /// <summary>For each per-article member, the name of the type that declares it.</summary>
    private static Dictionary<string, string> DeclaringTypes(GenerationResult result)
    {
        using var stream = new MemoryStream();
        Assert.True(result.Output.Emit(stream).Success);
        var context = new AssemblyLoadContext("member-split-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            stream.Position = 0;
            var articles = context.LoadFromStream(stream).GetType("Consumer.Articles", throwOnError: true)!;
            return articles.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
                .Where(p => p.PropertyType.Name == "Article")
                .ToDictionary(p => p.Name, p => p.DeclaringType!.Name, StringComparer.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }
}
