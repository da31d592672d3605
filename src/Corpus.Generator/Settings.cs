using System.Linq;
using Corpus.Generator.Model;

namespace Corpus.Generator;

// The options and settings the pipeline passes between its steps, as plain values; GeneratorOptions reads them from MSBuild.

/// <summary>Options that change how a seed is read. Kept apart from <see cref="EmitOptions"/> so that renaming the class does not re-read every seed.</summary>
internal sealed record ReadOptions(string? ProjectDirectory, long MaxSeedBytes)
{
    /// <summary>
    /// Each seed read is analysed for the search index at once, on a background thread
    /// (<see cref="Search.SearchDocumentCache.Begin"/>): the index is on (<c>CorpusSearchIndex</c>) and this is the
    /// compiler's build, not the IDE's.
    /// </summary>
    public bool AnalyseAsRead { get; init; }

    public const long DefaultMaxSeedBytes = 4L * 1024 * 1024;
}

/// <summary>
/// Options that change only the generated code: what the emitter reads. A part of <see cref="EmitSettings"/>, kept apart
/// so that a step that needs only these is not run again when the settings' problems or the C# version change.
/// </summary>
/// <param name="Namespace">The namespace of the generated types; null or empty for the global namespace.</param>
internal sealed record EmitOptions(string? Namespace, string ClassName, bool IsPublic, string GeneratorVersion)
{
    /// <summary>What the data class's name adds to the generated class's (<c>ArticlesData</c>); the lookup analyzer goes back from a shard's.</summary>
    public const string DataClassSuffix = "Data";

    public string DataClassName => ClassName + DataClassSuffix;

    /// <summary>The project is a corpus shard (<c>CorpusShard</c>): its class and data class are public, and it marks its assembly.</summary>
    public bool IsShard { get; init; }

    /// <summary>The project is the Corpus.Runtime library itself (<c>CorpusRuntimeLibrary</c>): only the runtime is written, public.</summary>
    public bool IsRuntimeLibrary { get; init; }

    /// <summary>The project references Corpus.Runtime: <c>Article</c> and the store come from it, not from generated files.</summary>
    public bool SharedRuntime { get; init; }

    /// <summary>
    /// The project allows unsafe code (<c>AllowUnsafeBlocks</c>): the runtime reads the data's constants in place
    /// (<see cref="Emitting.RuntimeSource.InPlaceSymbol"/>) instead of by reflection.
    /// </summary>
    public bool InPlace { get; init; }

    /// <summary>
    /// Whether the search index is compiled in (<c>CorpusSearchIndex</c>, on unless <c>false</c>). Off, no seed is
    /// analysed for search and no segment is written; <c>Search</c> and <c>Related</c> then read every text (same answers, slower).
    /// </summary>
    public bool SearchIndex { get; init; } = true;

    /// <summary>The shards an app merges into its <c>All</c>, in assembly-name order; empty for a shard or a single project.</summary>
    public EquatableArray<ShardSpec> Shards { get; init; } = EquatableArray<ShardSpec>.Empty;

    /// <summary>The namespace of <c>Article</c> and the store: Corpus.Runtime's, or the project's own.</summary>
    public string? TypesNamespace => SharedRuntime ? ShardDiscovery.RuntimeNamespace : Namespace;

    /// <summary>
    /// The data class is public in a shard: the apps that reference it read its store. Not in a shard without
    /// Corpus.Runtime (CORPUS017): its store is the project's own internal one.
    /// </summary>
    public string DataVisibility => IsShard && SharedRuntime ? "public" : "internal";
}

/// <summary>
/// The settings of the pipeline's <c>EmitSettings</c> step (<see cref="TrackingNames.EmitSettings"/>): the
/// <see cref="EmitOptions"/>, the problems found in them and the project's C# version, as plain values.
/// </summary>
internal sealed record EmitSettings(EmitOptions Options, EquatableArray<DiagnosticInfo> Diagnostics, int LanguageVersion)
{
    /// <summary>The settings with what the compilation references: Corpus.Runtime and, for an app, the shards it merges.</summary>
    public EmitSettings With(CorpusReferences references) =>
        this with
        {
            Options = Options with
            {
                SharedRuntime = references.RuntimeFormat is not null && !Options.IsRuntimeLibrary,
                Shards = Options.IsShard || Options.IsRuntimeLibrary ? EquatableArray<ShardSpec>.Empty : references.ReadableShards.Select(ShardSpec.Of).ToEquatableArray(),
            },
        };

    /// <summary>The generated code needs C# 9; with an older version nothing is emitted (CORPUS012 says why).</summary>
    public bool SupportsLanguage => LanguageVersion >= (int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9;
}

/// <summary>
/// Where a project's seeds were looked for, as build/Corpus.Generator.targets saw it: the generator reads no file system.
/// </summary>
/// <param name="Directory">The <c>CorpusSeedsDirectory</c> property as written (null when unset or empty).</param>
/// <param name="FullPath">The folder's full path (null when there is no folder).</param>
/// <param name="ByDefault">Whether the folder's <c>.txt</c> files are seeds (<c>EnableDefaultCorpusSeeds</c>).</param>
/// <param name="TextFiles">How many <c>.txt</c> files the folder holds (at any depth); -1 when it does not exist; null when not counted (a shard collects its seeds when it builds, after the generator's options are written).</param>
internal sealed record SeedsFolder(string? Directory, string? FullPath, bool ByDefault, int? TextFiles);

/// <summary>
/// What the last output needs besides the records and segments: whether a shard writes its data's size for its apps
/// (<see cref="Planning.NativeAotCheck.ShardKibibytes"/>), whether the build publishes with NativeAOT (CORPUS020), and
/// what the app's shards wrote of theirs, summed. Plain values: equal whatever code changes.
/// </summary>
internal sealed record ConstantsSizeContext(EmitOptions Options, bool WritesShardSize, bool PublishAot, long ShardsKibibytes)
{
    public static ConstantsSizeContext Of(EmitSettings settings, bool publishAot, CorpusReferences references) =>
        new(settings.Options,
            settings.Options.IsShard && settings.SupportsLanguage,
            publishAot,
            settings.Options.IsShard ? 0 : references.ReadableShards.Sum(static s => (long)s.ConstantsKibibytes));
}
