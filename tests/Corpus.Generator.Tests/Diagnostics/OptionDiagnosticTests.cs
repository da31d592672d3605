using System.Linq;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Corpus.Generator.Tests.Diagnostics.DiagnosticFixture;

namespace Corpus.Generator.Tests.Diagnostics;

/// <summary>
/// The diagnostics about the project rather than a seed (CORPUS011 invalid option, CORPUS012 C# too old), reported once
/// with no location, and what severity configuration (.editorconfig/.globalconfig, NoWarn, WarningsAsErrors) makes of
/// any diagnostic.
/// </summary>
public sealed class OptionDiagnosticTests
{
    // CORPUS011

    [Theory]
    [InlineData("CorpusClassName", "class", "it must be a C# identifier that is not a keyword")]
    [InlineData("CorpusClassName", "1abc", "it must be a C# identifier that is not a keyword")]
    [InlineData("CorpusClassName", "record", "it must be a C# identifier that is not a keyword")]
    [InlineData("CorpusClassName", "Article", "the generated types Article, ArticleSection, ArticleImage, ArticleMedia, SearchOptions, SearchResults, SearchHit, SearchSnippet, SearchMatch, SearchFacets, SearchFacet, ArticleMediaKind, ArticleDatePrecision, SearchSort, ArticleCollection, ArticleStore, MergedArticleStore, ArticleUrlKey, SearchAnalyzer, SearchQuery, SearchSource, SearchEngine, SearchScan, SearchSegment, SearchIndexData, SearchIndexFormat, CompiledConstants already use that name")]
    [InlineData("CorpusClassName", "ArticleMediaKind", "the generated types Article, ArticleSection, ArticleImage, ArticleMedia, SearchOptions, SearchResults, SearchHit, SearchSnippet, SearchMatch, SearchFacets, SearchFacet, ArticleMediaKind, ArticleDatePrecision, SearchSort, ArticleCollection, ArticleStore, MergedArticleStore, ArticleUrlKey, SearchAnalyzer, SearchQuery, SearchSource, SearchEngine, SearchScan, SearchSegment, SearchIndexData, SearchIndexFormat, CompiledConstants already use that name")]
    [InlineData("CorpusClassName", "ArticleStore", "the generated types Article, ArticleSection, ArticleImage, ArticleMedia, SearchOptions, SearchResults, SearchHit, SearchSnippet, SearchMatch, SearchFacets, SearchFacet, ArticleMediaKind, ArticleDatePrecision, SearchSort, ArticleCollection, ArticleStore, MergedArticleStore, ArticleUrlKey, SearchAnalyzer, SearchQuery, SearchSource, SearchEngine, SearchScan, SearchSegment, SearchIndexData, SearchIndexFormat, CompiledConstants already use that name")]
    [InlineData("CorpusClassName", "SearchResults", "the generated types Article, ArticleSection, ArticleImage, ArticleMedia, SearchOptions, SearchResults, SearchHit, SearchSnippet, SearchMatch, SearchFacets, SearchFacet, ArticleMediaKind, ArticleDatePrecision, SearchSort, ArticleCollection, ArticleStore, MergedArticleStore, ArticleUrlKey, SearchAnalyzer, SearchQuery, SearchSource, SearchEngine, SearchScan, SearchSegment, SearchIndexData, SearchIndexFormat, CompiledConstants already use that name")]
    [InlineData("CorpusVisibility", "protected", "it must be 'internal' or 'public'")]
    [InlineData("CorpusMaxSeedBytes", "-5", "it must be a whole number of bytes greater than zero")]
    [InlineData("CorpusMaxSeedBytes", "abc", "it must be a whole number of bytes greater than zero")]
    [InlineData("CorpusMaxSeedBytes", "0", "it must be a whole number of bytes greater than zero")]
    [InlineData("CorpusNamespace", "My..Ns", "it must be a C# namespace name such as My.Project")]
    [InlineData("CorpusNamespace", "My.class", "it must be a C# namespace name such as My.Project")]
    [InlineData("CorpusSearchIndex", "no", "it must be 'true' or 'false'")]
    public void CORPUS011_invalid_option_is_reported_and_replaced_by_its_default(string property, string value, string reason)
    {
        var project = Project();
        project.Properties[property] = value;
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal($"The MSBuild property {property} has the value '{value}', which is not valid: {reason}", Message(diagnostic));

        // The defaults: class Articles in the root namespace, internal, 4 MiB.
        var corpus = result.Load("Articles", "Consumer");
        Assert.Equal(["good"], corpus.All.Select(a => a.Id));
        var articles = result.Output.GetTypeByMetadataName("Consumer.Articles");
        Assert.NotNull(articles);
        Assert.Equal(Accessibility.Internal, articles!.DeclaredAccessibility);
    }

    [Fact]
    public void CORPUS011_an_invalid_root_namespace_is_named_as_such()
    {
        var project = Project();
        project.Properties["RootNamespace"] = "My-Project";
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS011", diagnostic.Id);
        Assert.StartsWith("The MSBuild property RootNamespace has the value 'My-Project'", Message(diagnostic));
        var corpus = result.Load("Articles", ns: string.Empty);
        Assert.Equal(["good"], corpus.All.Select(a => a.Id));
    }

    // CORPUS012

    [Fact]
    public void CORPUS012_old_language_version_generates_nothing_and_says_why()
    {
        var project = Project();
        project.LanguageVersion = LanguageVersion.CSharp8;
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal("The generated corpus needs C# 9 or later, but the project uses C# 8.0: set <LangVersion>9</LangVersion> (or later) in the project file", Message(diagnostic));

        // Nothing is added that could fail to compile in C# 8.
        Assert.Empty(result.Sources);
        result.AssertCompiles();
    }

    [Fact]
    public void CSharp9_is_enough()
    {
        // C# 9 is the default of net5.0; the generated code must compile and load with it, warnings included.
        var project = Project();
        project.LanguageVersion = LanguageVersion.CSharp9;
        var result = project.Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        AssertLoads(result, "good");
    }

    // Severity configuration: what .editorconfig/.globalconfig, NoWarn and WarningsAsErrors turn into.

    [Fact]
    public void An_error_configured_as_a_warning_no_longer_fails_the_build()
    {
        var project = Project().WithSeed("seeds/bad.txt", Header + "\nJust a title\n------\n\n<p>Text.</p>\n");
        project.SpecificDiagnosticOptions["CORPUS003"] = ReportDiagnostic.Warn;
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CORPUS003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.DoesNotContain(result.DriverDiagnostics.Concat(result.GeneratorDiagnostics), d => d.Severity == DiagnosticSeverity.Error);
        AssertLoads(result, "good");
    }

    [Theory]
    [InlineData(ReportDiagnostic.Suppress, null)]
    [InlineData(ReportDiagnostic.Error, DiagnosticSeverity.Error)]
    [InlineData(ReportDiagnostic.Default, DiagnosticSeverity.Warning)]
    public void A_warning_can_be_suppressed_or_made_an_error(ReportDiagnostic option, DiagnosticSeverity? expected)
    {
        var project = Project()
            .WithSeed("seeds/u1.txt", Seed("[One](https://example.com/same)"))
            .WithSeed("seeds/u2.txt", Seed("[Two](http://example.com/same/)"));
        project.SpecificDiagnosticOptions["CORPUS008"] = option;
        var result = project.Generate();

        if (expected is null)
        {
            Assert.Empty(result.GeneratorDiagnostics);
        }
        else
        {
            var diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("CORPUS008", diagnostic.Id);
            Assert.Equal(expected, diagnostic.Severity);
        }

        AssertLoads(result, "good", "u1", "u2");
    }
}
