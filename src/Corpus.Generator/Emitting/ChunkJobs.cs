using System.Threading;
using Corpus.Generator.Model;
using Corpus.Generator.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Emitting;

/// <summary>
/// Each chunk's data file (<see cref="CorpusEmitter.EmitChunk"/>, with its PDB blob: <see cref="EmbeddedSourceText"/>)
/// made early in a full build, on background threads, while the generator's own thread makes the members and the
/// index; the chunks' output takes them. Deflating a chunk's text for the PDB is most of its making: on the driver's
/// thread the chunks of 10,000 seeds took about 0.4 s more than the compiler's own deflating had.
/// </summary>
internal static class ChunkJobs
{
    private static readonly OutputJobs<ChunkSpec, SourceText> Jobs = new(static (chunk, _) => EmbeddedSourceText.From(CorpusEmitter.EmitChunk(chunk)));

    /// <summary>Queues the making of <paramref name="chunk"/>'s file on a background thread. Returns at once.</summary>
    public static void Start(ChunkSpec chunk, CancellationToken cancellationToken)
    {
        if (chunk.Records.Count > 0)
        {
            Jobs.Start(chunk, cancellationToken);
        }
    }

    /// <summary><paramref name="chunk"/>'s file: made by a background thread, waited for, or made here.</summary>
    public static SourceText Finish(ChunkSpec chunk, CancellationToken cancellationToken) => Jobs.Finish(chunk, cancellationToken);

    /// <summary>Whether <paramref name="chunk"/> was started and not yet finished (the tests).</summary>
    internal static bool IsStarted(ChunkSpec chunk) => Jobs.IsStarted(chunk);
}
