using System;
using System.Linq;
using System.Reflection;
using System.Text;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Corpus.Generator.Planning;
using Corpus.Generator.Search;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator;

/// <summary>
/// The incremental pipeline, and nothing else: each step names the class that does its work. Seeds are read one by one
/// into equatable models; only small values are collected, so editing one seed re-reads that seed alone and an
/// unrelated code edit re-reads nothing.
/// </summary>
/// <remarks>
/// <code>
/// AdditionalTexts ─where IsSeed─► SeedFiles (equal by path and text: SeedTextComparer) ─+ReadOptions─► SeedResults (SeedFileReader) ─┬─► diagnostics per seed
///   ├─► Summaries ─┬─► IndexEntries ─Collect─+EmitSettings+References─► Index (EmitPlan.Index; live: the API)
///   │              └─Collect─+EmitSettings─► Members (EmitPlan.Members; live: documented members, a file per chunk)
///   ├─► Records ─Collect─+EmitSettings─► Chunks (EmitPlan.Chunks; full builds only: the data; begun early on background threads, ChunkJobs)
///   ├─+SearchIndex─► SearchArticles ─Collect─+EmitSettings─► SearchSegments (SearchDocumentCache, SearchPlan.Segments; full builds only: the search index;
///   │                                                         begun first on background threads, SearchSegmentJobs.Start; emitted last, SearchSegmentJobs.Finish)
///   └─► Claims ─Collect─┬─+class name─► CorpusChecks (CorpusPlan.Check: CORPUS007/008)
///                       ├─+EmitSettings+References─► ShardChecks (ShardPlan.Check: CORPUS007/008 across shards, CORPUS017/018)
///                       └─+IndexEntries+EmitSettings─► Shard (EmitPlan.Shard: a shard's mark, claims and order keys)
/// SeedResults ─(read or not)─Collect─+SeedsFolder+EmitSettings─► EmptyCorpus (CORPUS019: no article, no shard article)
/// Records + SearchSegments (their files' sizes) + PublishAot + EmitSettings + References (the shards' sizes) ─► NativeAotCheck
///   (full builds, last: a shard writes its data's size; with PublishAot, CORPUS020 over the project's and its shards')
/// Compilation ─► References (ShardDiscovery: Corpus.Runtime and the shards among the references)
/// global options + C# version + References ─► EmitSettings (GeneratorOptions) ─┬─► CORPUS011/012 (GeneratorOptions.Problems)
///                                                                             └─► Runtime (live: src/Corpus.Runtime's files, in the consumer's namespace)
/// </code>
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class CorpusGenerator : IIncrementalGenerator
{
    private static readonly string GeneratorVersion =
        typeof(CorpusGenerator).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";

    // What users write in a PackageReference (CORPUS017 tells them): the package version, without the "+commit" suffix.
    private static readonly string PackageVersion =
        typeof(CorpusGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? GeneratorVersion;

    private readonly int _membersPerType;
    private readonly bool _analyseAsRead;

    public CorpusGenerator()
        : this(CorpusEmitter.MembersPerType, SearchDocumentCache.InCompilerBuild)
    {
    }

    /// <summary>
    /// Tests lower the per-type member limit to exercise the base-class chain without compiling 60,000 seeds; an
    /// instance value rather than a settable static, so tests running in parallel cannot see each other's limit.
    /// </summary>
    internal CorpusGenerator(int membersPerType, bool analyseAsRead = false)
    {
        _membersPerType = Math.Max(1, membersPerType);
        _analyseAsRead = analyseAsRead;
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var membersPerType = _membersPerType;
        var analyseAsRead = _analyseAsRead;
        var seedFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => GeneratorOptions.IsSeed(pair.Left, pair.Right))
            .Select(static (pair, _) => pair.Left)
            .WithComparer(SeedTextComparer.Instance)
            .WithTrackingName(TrackingNames.SeedFiles);

        var readOptions = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => GeneratorOptions.ReadOptionsFrom(provider.GlobalOptions, analyseAsRead))
            .WithTrackingName(TrackingNames.ReadOptions);

        // Corpus.Runtime and the corpus shards among the references: equal while the references are, whatever code changes.
        var references = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => ShardDiscovery.Read(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.References);

        // Whether the project allows unsafe code: one bool, equal whatever code changes.
        var allowsUnsafe = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options is CSharpCompilationOptions { AllowUnsafe: true })
            .WithTrackingName(TrackingNames.AllowsUnsafe);

        var emitSettings = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.EmitSettingsFrom(provider.GlobalOptions, GeneratorVersion))
            .Combine(context.ParseOptionsProvider.Select(static (options, _) => GeneratorOptions.LanguageVersionOf(options)))
            .Select(static (pair, _) => pair.Left with { LanguageVersion = pair.Right })
            .Combine(allowsUnsafe)
            .Select(static (pair, _) => pair.Left with { Options = pair.Left.Options with { InPlace = pair.Right } })
            .Combine(references)
            .Select(static (pair, _) => pair.Left.With(pair.Right))
            .WithTrackingName(TrackingNames.EmitSettings);

        var seedResults = seedFiles
            .Combine(readOptions)
            .Select(static (pair, cancellationToken) =>
            {
                var result = SeedFileReader.Read(pair.Left, pair.Right, cancellationToken);
                if (pair.Right.AnalyseAsRead && result.Article is { } article)
                {
                    SearchDocumentCache.Begin(article, cancellationToken);
                }

                return result;
            })
            .WithTrackingName(TrackingNames.SeedResults);

        context.RegisterSourceOutput(seedResults, static (spc, result) => DiagnosticFactory.Report(spc, result.Diagnostics));

        // The settings' own problems (CORPUS011, CORPUS012), reported once, apart from anything that is emitted.
        context.RegisterSourceOutput(emitSettings, static (spc, settings) => DiagnosticFactory.Report(spc, GeneratorOptions.Problems(settings)));

        // CORPUS019: no article at all, neither the project's nor its shards'. One bool per seed, and where the seeds were looked for.
        var emptyCorpus = seedResults
            .Select(static (result, _) => result.Article is not null)
            .Collect()
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (provider, _) => GeneratorOptions.SeedsFolderFrom(provider.GlobalOptions)))
            .Combine(emitSettings)
            .Select(static (pair, _) => EmptyCorpus.Check(pair.Left.Left, pair.Left.Right, pair.Right.Options))
            .WithTrackingName(TrackingNames.EmptyCorpus);

        context.RegisterSourceOutput(emptyCorpus, static (spc, diagnostics) => DiagnosticFactory.Report(spc, diagnostics));

        var accepted = seedResults.Where(static result => result.Article is not null);

        // The articles the search index covers: none when CorpusSearchIndex=false or the C# version has no index (one
        // bool per seed, equal whatever code changes).
        var searchArticles = accepted
            .Combine(emitSettings.Select(static (settings, _) => settings.SupportsLanguage && settings.Options.SearchIndex))
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left.Article!)
            .WithTrackingName(TrackingNames.SearchArticles);

        // The search index: each seed analysed once (its terms and positions) and kept beside its article, every core
        // at work (SearchDocumentCache), a segment per group of chunks assembled from them, so an edited seed re-analyses
        // itself and rebuilds its segment alone.
        var searchSegments = searchArticles
            .Collect()
            .Combine(emitSettings)
            .SelectMany(static (pair, cancellationToken) => SearchPlan.Segments(SearchDocumentCache.Of(pair.Left, cancellationToken), pair.Right))
            .WithTrackingName(TrackingNames.SearchSegments);

        // Full builds only (the IDE runs no implementation output), first of them, per new or edited segment: its files
        // are begun on background threads (SearchSegmentJobs), made while this thread goes on with the other outputs (the
        // members, the records, the chunks); the index's output, last, takes them.
        context.RegisterImplementationSourceOutput(searchSegments, static (spc, segment) => SearchSegmentJobs.Start(segment, spc.CancellationToken));

        var summaries = accepted
            .Select(static (result, _) => ArticleSummary.Of(result.Article!))
            .WithTrackingName(TrackingNames.Summaries);

        // The index sees no title: retitling a seed leaves these entries unchanged, so the index stays cached and
        // only the member file of that seed's chunk is written again.
        var indexEntries = summaries
            .Select(static (summary, _) => new IndexEntry(summary.Key, summary.PublishedAt))
            .WithTrackingName(TrackingNames.IndexEntries)
            .Collect();

        var records = accepted
            .Select(static (result, _) => RecordEncoder.Encode(result.Article!))
            .WithTrackingName(TrackingNames.Records)
            .Collect();

        var chunks = records
            .Combine(emitSettings)
            .SelectMany(static (pair, _) => EmitPlan.Chunks(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Chunks);

        // Full builds only, before the members and the index: each new or edited chunk's file begun on a background
        // thread (ChunkJobs), taken by the chunks' output below.
        context.RegisterImplementationSourceOutput(chunks, static (spc, chunk) => ChunkJobs.Start(chunk, spc.CancellationToken));

        // Duplicates are found over small claims that carry the seeds' locations; the index never sees a location.
        var claims = accepted
            .Select(static (result, _) => new SeedClaim(result.Article!.Key, result.Article.Url, result.Location))
            .WithTrackingName(TrackingNames.Claims)
            .Collect();
        var corpusChecks = claims
            .Combine(emitSettings.Select(static (settings, _) => settings.Options.ClassName))
            .Select(static (pair, _) => CorpusPlan.Check(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CorpusChecks);

        context.RegisterSourceOutput(corpusChecks, static (spc, diagnostics) => DiagnosticFactory.Report(spc, diagnostics));

        // Across an app's own seeds and its shards: CORPUS007/008 naming both projects; the references' own problems.
        var shardChecks = claims
            .Combine(emitSettings)
            .Combine(references)
            .Select(static (pair, _) => ShardPlan.Check(pair.Left.Left, pair.Left.Right.Options.ClassName, pair.Left.Right.Options.IsShard, pair.Right, PackageVersion))
            .WithTrackingName(TrackingNames.ShardChecks);

        context.RegisterSourceOutput(shardChecks, static (spc, diagnostics) => DiagnosticFactory.Report(spc, diagnostics));

        var shard = claims
            .Combine(indexEntries)
            .Combine(emitSettings)
            .Select(static (pair, _) => EmitPlan.Shard(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Shard);

        context.RegisterSourceOutput(shard, static (spc, spec) =>
        {
            if (spec is not null)
            {
                spc.AddSource(CorpusEmitter.ShardHintName, SourceText.From(CorpusEmitter.EmitShard(spec), Encoding.UTF8));
            }
        });

        var index = indexEntries
            .Combine(emitSettings)
            .Combine(references)
            .Select((pair, _) => EmitPlan.Index(pair.Left.Left, pair.Left.Right, pair.Right, membersPerType))
            .WithTrackingName(TrackingNames.Index);

        context.RegisterSourceOutput(index, static (spc, spec) =>
        {
            if (spec is not null && !spec.Options.IsRuntimeLibrary)
            {
                spc.AddSource(CorpusEmitter.IndexHintName, SourceText.From(CorpusEmitter.EmitIndex(spec), Encoding.UTF8));
            }
        });

        // Where the store finds each chunk's class: with the chunks, for full builds only (the IDE has no chunk classes).
        var chunkClasses = index
            .Select(static (spec, _) => spec is null || spec.Options.IsRuntimeLibrary ? null : ChunkClassesSpec.Of(spec))
            .WithTrackingName(TrackingNames.ChunkClasses);

        context.RegisterImplementationSourceOutput(chunkClasses, static (spc, spec) =>
        {
            if (spec is not null && spec.Chunks.Count > 0)
            {
                spc.AddSource(CorpusEmitter.ChunkClassesHintName, SourceText.From(CorpusEmitter.EmitChunkClasses(spec), Encoding.UTF8));
            }
        });

        // The runtime types and reader depend on the options alone: a seed edit never writes them again.
        var runtime = emitSettings
            .Select(static (settings, _) => settings.SupportsLanguage && !settings.Options.SharedRuntime ? settings.Options : null)
            .WithTrackingName(TrackingNames.Runtime);

        context.RegisterSourceOutput(runtime, static (spc, options) =>
        {
            if (options is not null)
            {
                foreach (var (hintName, source) in RuntimeSource.Emit(options))
                {
                    spc.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
                }
            }
        });

        // One spec per chunk, compared one by one: only the chunks whose members changed are written again.
        var members = summaries
            .Collect()
            .Combine(emitSettings)
            .SelectMany((pair, _) => EmitPlan.Members(pair.Left, pair.Right, membersPerType))
            .WithTrackingName(TrackingNames.Members);

        context.RegisterSourceOutput(members, static (spc, spec) =>
        {
            if (spec.Members.Count > 0)
            {
                spc.AddSource(CorpusEmitter.MembersHintName(spec.Chunk), SourceText.From(CorpusEmitter.EmitMembers(spec), Encoding.UTF8));
            }
        });

        // The data is bulky and not needed for IntelliSense: the IDE skips implementation-only outputs.
        context.RegisterImplementationSourceOutput(chunks, static (spc, chunk) =>
        {
            if (chunk.Records.Count > 0)
            {
                spc.AddSource(CorpusEmitter.ChunkHintName(chunk.Chunk), ChunkJobs.Finish(chunk, spc.CancellationToken));
            }
        });

        // The segments' files, begun above: a large segment's file comes in parts whose texts are made on every core,
        // added in their fixed order.
        context.RegisterImplementationSourceOutput(searchSegments, static (spc, segment) =>
        {
            if (segment.Documents.Count > 0)
            {
                foreach (var (hintName, text) in SearchSegmentJobs.Finish(segment, spc.CancellationToken))
                {
                    spc.AddSource(hintName, text);
                }
            }
        });

        // A shard's data size, for its apps' CORPUS020, and CORPUS020 itself (builds that publish with NativeAOT only).
        // An output, not a step: the segments' sizes are known once their output above has made the files
        // (SearchSegmentJobs.Finish keeps them), which no step may depend on.
        var constantsSizeInputs = records
            .Combine(searchSegments.Collect())
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (provider, _) => GeneratorOptions.PublishAotFrom(provider.GlobalOptions))
                .Combine(emitSettings)
                .Combine(references)
                .Select(static (pair, _) => ConstantsSizeContext.Of(pair.Left.Right, pair.Left.Left, pair.Right)))
            .WithTrackingName(TrackingNames.NativeAotCheck);

        context.RegisterImplementationSourceOutput(constantsSizeInputs, static (spc, inputs) =>
        {
            var ((records, segments), size) = inputs;
            var indexCharacters = SearchSegmentJobs.Characters(segments);
            if (size.WritesShardSize)
            {
                var kibibytes = NativeAotCheck.ShardKibibytes(records, indexCharacters);
                spc.AddSource(CorpusEmitter.ShardSizeHintName, SourceText.From(CorpusEmitter.EmitShardSize(size.Options, kibibytes), Encoding.UTF8));
            }

            if (size.PublishAot)
            {
                DiagnosticFactory.Report(spc, NativeAotCheck.Check(records, indexCharacters, size.ShardsKibibytes));
            }
        });
    }
}
