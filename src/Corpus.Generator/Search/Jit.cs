using System.Runtime.CompilerServices;

namespace Corpus.Generator.Search;

/// <summary>How the index's hot loops are compiled.</summary>
internal static class Jit
{
    /// <summary>
    /// MethodImplOptions.AggressiveOptimization (netstandard2.0 lacks the name): optimised at once, not first as the
    /// tiered JIT's slow and instrumented code, which a build's one pass over the seeds would mostly run in.
    /// </summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
