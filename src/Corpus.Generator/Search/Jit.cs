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

    /// <summary>
    /// A small hot helper: inlined into its optimised callers (a method marked only <see cref="Optimized"/> is rarely
    /// inlined: every varint and bit was a call), and optimised at once where a caller does not inline it.
    /// </summary>
    public const MethodImplOptions Inlined = Optimized | MethodImplOptions.AggressiveInlining;
}
