using System;
using System.Collections.Immutable;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Model;
using Corpus.Generator.Planning;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// CORPUS020 (<see cref="NativeAotCheck"/>): a project that sets <c>PublishAot</c> and whose own constants pass what
/// NativeAOT's metadata holds is warned when it builds, with the parts and how to fix it. The real build's warning is in
/// EndToEnd (<c>NativeAotPackageTests</c>).
/// </summary>
public sealed class NativeAotCheckTests
{
    private static readonly SeedKey Key = new("big", "Big", "seeds/big.txt");

    [Fact]
    public void Nothing_is_said_below_the_bound()
    {
        Assert.Single(NativeAotCheck.Check(Records(NativeAotCheck.WarnFrom), 0));
        Assert.Empty(NativeAotCheck.Check(Records(NativeAotCheck.WarnFrom - 4096), 0));
    }

    [Fact]
    public void A_corpus_past_the_bound_is_warned_with_its_parts_and_how_to_fix_it()
    {
        // 20 MiB of articles and 12 MiB of index: 32 MiB, past the bound; each part alone is under it.
        var records = Records(20L * 1024 * 1024);
        var diagnostic = Assert.Single(NativeAotCheck.Check(records, 6L * 1024 * 1024));
        Assert.Equal(DiagnosticIds.NativeAotMetadata, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, DiagnosticDescriptors.Get(diagnostic.Id).DefaultSeverity);
        var message = Message(diagnostic);
        Assert.StartsWith("NativeAOT cannot hold this corpus: its constants are about 32.0 MiB (the articles 20.0 MiB, the search index 12.0 MiB)", message, StringComparison.Ordinal);
        Assert.Contains("at most 32 MiB", message, StringComparison.Ordinal);
        Assert.Contains("PublishReadyToRun true", message, StringComparison.Ordinal);
        Assert.Contains("CorpusSearchIndex=false leaves the index out: its 12.0 MiB", message, StringComparison.Ordinal);

        // Without the index the same articles fit.
        Assert.Empty(NativeAotCheck.Check(records, 0));
    }

    [Fact]
    public void A_small_corpus_with_PublishAot_is_checked_and_not_warned()
    {
        var project = new CorpusProject().WithProjectSeed();
        project.Properties["PublishAot"] = "true";
        var result = project.Generate();
        Assert.Contains(TrackingNames.NativeAotCheck, PipelineAssert.Steps(result.Driver).Keys);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == DiagnosticIds.NativeAotMetadata);
    }

    /// <summary>Records whose constants take <paramref name="bytes"/> bytes as UTF-16 (two a character).</summary>
    private static ImmutableArray<ArticleRecord> Records(long bytes)
    {
        var characters = (int)(bytes / 2);
        return [new ArticleRecord(Key, "h", "b", new string('x', characters - 3), "t")];
    }

    private static string Message(DiagnosticInfo diagnostic) => DiagnosticFactory.Create(diagnostic).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
