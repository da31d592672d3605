using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Corpus.Generator.Planning;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// CORPUS020 (<see cref="NativeAotCheck"/>): a project that sets <c>PublishAot</c> and whose constants, its own and its
/// shards', pass what NativeAOT's metadata holds is warned when it builds, with the parts and how to fix it. The real
/// build's warning is in EndToEnd (<c>NativeAotPackageTests</c>).
/// </summary>
public sealed class NativeAotCheckTests
{
    private static readonly SeedKey Key = new("big", "Big", "seeds/big.txt");

    [Fact]
    public void Nothing_is_said_without_PublishAot_or_below_the_bound()
    {
        var big = Records(NativeAotCheck.WarnFrom);
        Assert.Empty(NativeAotCheck.Check(publishAot: false, big, 0, CorpusReferences.None));

        var small = Records(NativeAotCheck.WarnFrom - 4096);
        Assert.Empty(NativeAotCheck.Check(publishAot: true, small, 0, CorpusReferences.None));
    }

    [Fact]
    public void A_corpus_past_the_bound_is_warned_with_its_parts_and_how_to_fix_it()
    {
        // 20 MiB of articles and 12 MiB of index: 32 MiB, past the bound; each part alone is under it.
        var records = Records(20L * 1024 * 1024);
        var diagnostic = Assert.Single(NativeAotCheck.Check(publishAot: true, records, 6L * 1024 * 1024, CorpusReferences.None));
        Assert.Equal(DiagnosticIds.NativeAotMetadata, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, DiagnosticDescriptors.Get(diagnostic.Id).DefaultSeverity);
        var message = Message(diagnostic);
        Assert.StartsWith("NativeAOT cannot hold this corpus: its constants are about 32.0 MiB (the articles 20.0 MiB, the search index 12.0 MiB)", message, StringComparison.Ordinal);
        Assert.Contains("at most 32 MiB", message, StringComparison.Ordinal);
        Assert.Contains("PublishReadyToRun true", message, StringComparison.Ordinal);
        Assert.Contains("CorpusSearchIndex=false leaves the index out: its 12.0 MiB", message, StringComparison.Ordinal);

        // Without the index the same articles fit.
        Assert.Empty(NativeAotCheck.Check(publishAot: true, records, 0, CorpusReferences.None));
    }

    [Fact]
    public void An_app_counts_its_shards_blob_heaps()
    {
        var shard = new ShardReference("ShardA", "global::ShardA.ArticlesData", RecordEncoder.FormatVersion, 10, string.Empty) { MetadataBytes = 25L * 1024 * 1024 };
        var references = new CorpusReferences(RecordEncoder.FormatVersion, new[] { shard, shard with { AssemblyName = "ShardB" } }.ToEquatableArray());
        var diagnostic = Assert.Single(NativeAotCheck.Check(publishAot: true, Records(1024 * 1024), 0, references));
        Assert.StartsWith("NativeAOT cannot hold this corpus: its constants are about 51.0 MiB (the articles 1.0 MiB, 2 shards 50.0 MiB)", Message(diagnostic), StringComparison.Ordinal);
        Assert.DoesNotContain("CorpusSearchIndex", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_reads_each_shards_blob_heap_from_the_reference_and_a_small_corpus_builds_without_the_warning()
    {
        var shardProject = ShardTests.Shard("ShardA", [("seeds/a1.txt", Seeds.Simple("A one", "https://www.rfi.fr/cn/a1", "Paragraph."))]);
        var (app, _) = ShardTests.App(shardProject);
        app.Properties["PublishAot"] = "true";
        app.WithProjectSeed();
        var result = app.Generate();

        var references = (CorpusReferences)PipelineAssert.Steps(result.Driver)[TrackingNames.References].Single().Outputs.Single().Value;
        var shard = Assert.Single(references.Shards);
        var image = shardProject.Generate().Image();
        using var pe = new PEReader(ImmutableArray.Create(image));
        Assert.Equal(pe.GetMetadataReader().GetHeapSize(HeapIndex.Blob), shard.MetadataBytes);
        Assert.True(shard.MetadataBytes > 0);

        // The check ran (PublishAot is set) and found the corpus small.
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
