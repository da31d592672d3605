using System;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Tests.Emitting;

/// <summary>
/// A full build begins each new or edited chunk's data file on a background thread (<see cref="ChunkJobs.Start"/>, an
/// implementation output registered before the members) and the chunks' output takes it (<see cref="ChunkJobs.Finish"/>):
/// the text <see cref="CorpusEmitter.EmitChunk"/> writes, as UTF-16 with its PDB blob (<see cref="EmbeddedSourceText"/>).
/// The IDE begins none. The real compiler's PDB is read back in EndToEnd (<c>PackageTests.Pdb</c>).
/// </summary>
public sealed class ChunkJobsTests
{
    [Fact]
    public void A_full_build_adds_every_chunk_it_begins_as_EmitChunk_writes_it_with_its_embedded_blob_and_the_IDE_begins_none()
    {
        var project = Project();
        var driver = project.CreateDriver().RunGenerators(project.CreateCompilation());
        var chunks = Chunks(driver);
        Assert.Equal(3, chunks.Sum(c => c.Records.Count));
        Assert.DoesNotContain(chunks, ChunkJobs.IsStarted);

        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        foreach (var chunk in chunks.Where(c => c.Records.Count > 0))
        {
            var text = Assert.Single(sources, s => s.HintName == CorpusEmitter.ChunkHintName(chunk.Chunk)).SourceText;
            Assert.Equal(CorpusEmitter.EmitChunk(chunk), text.ToString());
            Assert.Equal(Encoding.Unicode, text.Encoding);
            Assert.Equal(SourceHashAlgorithm.Sha256, text.ChecksumAlgorithm);
            Assert.True(text.CanBeEmbedded);
        }

        var ide = Project();
        var ideDriver = ide.CreateDriver(disabledOutputs: IncrementalGeneratorOutputKind.Implementation).RunGenerators(ide.CreateCompilation());
        Assert.Empty(Chunks(ideDriver));
        Assert.DoesNotContain(ideDriver.GetRunResult().GeneratedTrees, t => t.FilePath.Contains("Corpus.Data.0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_started_chunk_is_finished_as_EmitChunk_writes_it_and_an_empty_one_is_never_started()
    {
        var chunk = Chunks(Project().CreateDriver().RunGenerators(Project().CreateCompilation())).First(c => c.Records.Count > 0);
        ChunkJobs.Start(chunk, CancellationToken.None);
        Assert.True(ChunkJobs.IsStarted(chunk));
        Assert.Equal(CorpusEmitter.EmitChunk(chunk), ChunkJobs.Finish(chunk, CancellationToken.None).ToString());
        Assert.False(ChunkJobs.IsStarted(chunk));

        var empty = chunk with { Records = EquatableArray<ArticleRecord>.Empty };
        ChunkJobs.Start(empty, CancellationToken.None);
        Assert.False(ChunkJobs.IsStarted(empty));
    }

    private static CorpusProject Project() =>
        new CorpusProject()
            .WithProjectSeed()
            .WithSeed("seeds/second.txt", Seeds.Simple("Second story", "https://example.com/2", "Second body."))
            .WithSeed("seeds/third.txt", Seeds.Simple("Third story", "https://example.com/3", "Third body."));

    /// <summary>The chunks the driver's last run planned (none in the IDE: only implementation outputs ask for them).</summary>
    private static ChunkSpec[] Chunks(GeneratorDriver driver) =>
        PipelineAssert.Steps(driver).TryGetValue(TrackingNames.Chunks, out var steps)
            ? [.. steps.SelectMany(step => step.Outputs).Select(output => (ChunkSpec)output.Value)]
            : [];
}
