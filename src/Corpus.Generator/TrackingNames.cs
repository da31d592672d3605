namespace Corpus.Generator;

/// <summary>Names of the pipeline steps, so tests can check which steps ran and which were served from the cache.</summary>
internal static class TrackingNames
{
    public const string SeedFiles = nameof(SeedFiles);
    public const string ReadOptions = nameof(ReadOptions);
    public const string EmitSettings = nameof(EmitSettings);
    public const string SeedResults = nameof(SeedResults);
    public const string Summaries = nameof(Summaries);
    public const string Records = nameof(Records);
    public const string Claims = nameof(Claims);
    public const string CorpusChecks = nameof(CorpusChecks);
    public const string IndexEntries = nameof(IndexEntries);
    public const string Index = nameof(Index);
    public const string Runtime = nameof(Runtime);
    public const string Members = nameof(Members);
    public const string Chunks = nameof(Chunks);
    public const string ChunkClasses = nameof(ChunkClasses);
    public const string References = nameof(References);
    public const string AllowsUnsafe = nameof(AllowsUnsafe);
    public const string ShardChecks = nameof(ShardChecks);
    public const string Shard = nameof(Shard);
    public const string EmptyCorpus = nameof(EmptyCorpus);
    public const string SearchArticles = nameof(SearchArticles);
    public const string SearchSegments = nameof(SearchSegments);
    public const string NativeAotCheck = nameof(NativeAotCheck);
}
