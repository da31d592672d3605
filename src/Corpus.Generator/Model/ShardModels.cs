using System.Collections.Generic;
using System.Linq;
using Corpus.Generator.Emitting;

namespace Corpus.Generator.Model;

/// <summary>
/// What a compilation references that matters to a corpus: the Corpus.Runtime library (the format it reads; null when
/// it is not referenced, and the runtime is then written into the project) and the corpus shards, in assembly-name order.
/// </summary>
internal sealed record CorpusReferences(int? RuntimeFormat, EquatableArray<ShardReference> Shards)
{
    public static readonly CorpusReferences None = new(null, EquatableArray<ShardReference>.Empty);

    /// <summary>The shards whose data this generator's runtime reads: the ones an app merges and checks.</summary>
    public IEnumerable<ShardReference> ReadableShards => Shards.Where(static s => s.IsReadable);
}

/// <summary>
/// One referenced shard, read from its assembly's <c>CorpusShardAttribute</c> and its data class's <c>Claims</c>
/// constant. Equal when nothing of the shard changed: the claims are the same string instance while the reference is
/// (the compiler keeps a referenced assembly's symbols), so an app code edit compares them at no cost.
/// </summary>
/// <param name="DataClass">The shard's data class, fully qualified (<c>global::News2022.ArticlesData</c>).</param>
/// <param name="Claims">The shard's accepted seeds as <see cref="Planning.ShardClaims"/> wrote them.</param>
/// <param name="Order">Their order keys as <see cref="Planning.ShardOrder"/> wrote them; empty from a generator that wrote none.</param>
/// <param name="ConstantsKibibytes">
/// The size of the shard's data constants as its full build wrote it (<see cref="Planning.NativeAotCheck.ShardKibibytes"/>),
/// which an app published with NativeAOT keeps (CORPUS020); 0 from a generator that wrote none.
/// </param>
internal sealed record ShardReference(string AssemblyName, string DataClass, int Format, int Count, string Claims, string Order = "", int ConstantsKibibytes = 0)
{
    /// <summary>The shard was written in the record format this generator writes (others are CORPUS018 and left out).</summary>
    public bool IsReadable => Format == RecordEncoder.FormatVersion;
}

/// <summary>What the app's index needs of a readable shard: where its store is and how many articles it adds (no claims).</summary>
internal sealed record ShardSpec(string AssemblyName, string DataClass, int Count)
{
    public static ShardSpec Of(ShardReference shard) => new(shard.AssemblyName, shard.DataClass, shard.Count);
}
