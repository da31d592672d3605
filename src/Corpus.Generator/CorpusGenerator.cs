using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator;

/// <summary>
/// The incremental pipeline. Seeds are read one by one into equatable models; only small summaries are collected for
/// the index, so editing one seed re-reads that seed alone and an unrelated code edit re-reads nothing.
/// </summary>
/// <remarks>
/// <code>
/// AdditionalTexts ─where CorpusSeed─► SeedFiles ─+ReadOptions─► SeedResults ─┬─► diagnostics per seed
///                                                                            ├─► Claims ─Collect─+class name─► CorpusChecks (CORPUS007/008)
///                                                                            ├─► Summaries ─┬─► IndexEntries ─Collect─+EmitOptions─► Index (live: the API)
///                                                                            │              └─Collect─+EmitOptions─► Members (live: one file of documented members per chunk)
///                                                                            └─► Records ─Collect─+EmitOptions─► Chunks (full builds only: the data)
/// EmitOptions ─► CORPUS011/012
/// </code>
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class CorpusGenerator : IIncrementalGenerator
{
    private static readonly string GeneratorVersion =
        typeof(CorpusGenerator).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";

    private readonly int _membersPerType;

    public CorpusGenerator()
        : this(CorpusEmitter.MembersPerType)
    {
    }

    /// <summary>
    /// Tests lower the per-type member limit to exercise the base-class chain without compiling 60,000 seeds; an
    /// instance value rather than a settable static, so tests running in parallel cannot see each other's limit.
    /// </summary>
    internal CorpusGenerator(int membersPerType) => _membersPerType = Math.Max(1, membersPerType);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var membersPerType = _membersPerType;
        var seedFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSeed(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.SeedFiles);

        var readOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => Options.ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.ReadOptions);

        var emitSettings = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => Options.EmitOptions(provider.GlobalOptions, GeneratorVersion))
            .Combine(context.ParseOptionsProvider.Select(static (options, _) => LanguageVersionOf(options)))
            .Select(static (pair, _) => pair.Left with { LanguageVersion = pair.Right })
            .WithTrackingName(TrackingNames.EmitOptions);

        var seedResults = seedFiles
            .Combine(readOptions)
            .Select(static (pair, cancellationToken) => ReadSeed(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SeedResults);

        context.RegisterSourceOutput(seedResults, static (spc, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                spc.ReportDiagnostic(DiagnosticFactory.Create(diagnostic));
            }
        });

        // The settings' own problems (CORPUS011, CORPUS012), reported once, apart from anything that is emitted.
        context.RegisterSourceOutput(emitSettings, static (spc, settings) =>
        {
            foreach (var diagnostic in SettingsDiagnostics(settings))
            {
                spc.ReportDiagnostic(DiagnosticFactory.Create(diagnostic));
            }
        });

        var accepted = seedResults.Where(static result => result.Article is not null);

        var summaries = accepted
            .Select(static (result, _) => Summarize(result.Article!))
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

        // Duplicates are found over small claims that carry the seeds' locations; the index never sees a location.
        var corpusChecks = accepted
            .Select(static (result, _) => new SeedClaim(result.Article!.Key, result.Article.Url, result.Location))
            .WithTrackingName(TrackingNames.Claims)
            .Collect()
            .Combine(emitSettings.Select(static (settings, _) => settings.Options.ClassName))
            .Select(static (pair, _) => CheckCorpus(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CorpusChecks);

        context.RegisterSourceOutput(corpusChecks, static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(DiagnosticFactory.Create(diagnostic));
            }
        });

        var index = indexEntries
            .Combine(emitSettings)
            .Select((pair, _) => BuildIndex(pair.Left, pair.Right, membersPerType))
            .WithTrackingName(TrackingNames.Index);

        context.RegisterSourceOutput(index, static (spc, spec) =>
        {
            if (spec is not null)
            {
                spc.AddSource(CorpusEmitter.IndexHintName, SourceText.From(CorpusEmitter.EmitIndex(spec), Encoding.UTF8));
            }
        });

        // One spec per chunk, compared one by one: only the chunks whose members changed are written again.
        var members = summaries
            .Collect()
            .Combine(emitSettings)
            .SelectMany((pair, _) => BuildMembers(pair.Left, pair.Right, membersPerType))
            .WithTrackingName(TrackingNames.Members);

        context.RegisterSourceOutput(members, static (spc, spec) =>
        {
            if (spec.Members.Count > 0)
            {
                spc.AddSource(CorpusEmitter.MembersHintName(spec.Chunk), SourceText.From(CorpusEmitter.EmitMembers(spec), Encoding.UTF8));
            }
        });

        var chunks = records
            .Combine(emitSettings)
            .SelectMany(static (pair, _) => BuildChunks(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Chunks);

        // The data is bulky and not needed for IntelliSense: the IDE skips implementation-only outputs.
        context.RegisterImplementationSourceOutput(chunks, static (spc, chunk) =>
        {
            if (chunk.Records.Count > 0)
            {
                spc.AddSource(CorpusEmitter.ChunkHintName(chunk.Chunk), SourceText.From(CorpusEmitter.EmitChunk(chunk), Encoding.UTF8));
            }
        });
    }

    internal static bool IsSeed(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_metadata.AdditionalFiles.CorpusSeed", out var value)
        && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static int LanguageVersionOf(ParseOptions options) =>
        options is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : (int)LanguageVersion.Latest;

    /// <summary>Reads one seed. Never throws: an unexpected failure becomes CORPUS099 for this seed alone.</summary>
    private static SeedResult ReadSeed(AdditionalText file, ReadOptions options, CancellationToken cancellationToken)
    {
        var seedPath = file.Path;
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var id = SeedPaths.IdOf(file.Path);
            var key = new SeedKey(id, MemberNames.FromId(id, Options.DefaultClassName), SeedPaths.Relative(file.Path, options.ProjectDirectory));
            seedPath = key.SeedPath;
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.UnexpectedError.Id, file.Path, 0, 0, 0, 0, 0, 0, new[] { key.SeedPath, "the file could not be opened" }.ToEquatableArray()));
                return new SeedResult(null, diagnostics.ToEquatableArray(), new SeedLocation(file.Path, 0, 0, default));
            }

            var content = text.ToString();
            var (encodingProblem, encodingOffset) = EncodingCheck.Inspect(text, content);
            var result = ArticleFactory.Read(new SeedInput(file.Path, key, content, encodingProblem, encodingOffset, options.MaxSeedBytes), cancellationToken);
            foreach (var finding in result.Findings)
            {
                diagnostics.Add(DiagnosticFactory.Locate(finding, file.Path, text));
            }

            var urlStart = DiagnosticFactory.Offset(text, result.UrlRange.Start.Line, result.UrlRange.Start.Column);
            var urlEnd = DiagnosticFactory.Offset(text, result.UrlRange.End.Line, result.UrlRange.End.Column);
            return new SeedResult(result.Article, diagnostics.ToEquatableArray(), new SeedLocation(file.Path, urlStart, Math.Max(0, urlEnd - urlStart), result.UrlRange));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.UnexpectedError.Id, file.Path, 0, 0, 0, 0, 0, 0, new[] { seedPath, "an unexpected error in Corpus.Generator, " + exception.GetType().Name + ": " + exception.Message }.ToEquatableArray()));
            return new SeedResult(null, diagnostics.ToEquatableArray(), new SeedLocation(file.Path, 0, 0, default));
        }
    }

    private static ArticleSummary Summarize(ArticleModel article) =>
        new(article.Key, article.Title, article.Outlet, article.Url, article.PublishedAt);

    private static IEnumerable<DiagnosticInfo> SettingsDiagnostics(EmitSettings settings)
    {
        foreach (var diagnostic in settings.Diagnostics)
        {
            yield return diagnostic;
        }

        if (!SupportsLanguage(settings))
        {
            yield return new DiagnosticInfo(DiagnosticDescriptors.UnsupportedLanguageVersion.Id, string.Empty, 0, 0, 0, 0, 0, 0, new[] { LanguageVersionName(settings.LanguageVersion) }.ToEquatableArray());
        }
    }

    /// <summary>The generated code needs C# 9; with an older version nothing is emitted (CORPUS012 says why).</summary>
    private static bool SupportsLanguage(EmitSettings settings) => settings.LanguageVersion >= (int)LanguageVersion.CSharp9;

    /// <summary>CORPUS007 and CORPUS008 over the whole corpus, decided as the index and the chunks decide (<see cref="CorpusPlan.Accept"/>).</summary>
    private static EquatableArray<DiagnosticInfo> CheckCorpus(ImmutableArray<SeedClaim> claims, string className)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var accepted = CorpusPlan.Accept(claims.Select(c => c with { Key = Renamed(c.Key, className) }), c => c.Key, c => c.Location, diagnostics);
        CorpusPlan.FindDuplicateUrls(accepted, diagnostics);
        return diagnostics.ToEquatableArray();
    }

    private static IndexSpec? BuildIndex(ImmutableArray<IndexEntry> entries, EmitSettings settings, int membersPerType)
    {
        if (!SupportsLanguage(settings))
        {
            return null;
        }

        var options = settings.Options;
        var ordered = Order(entries, e => e.Key, e => e.PublishedAt, options.ClassName, (e, key) => e with { Key = key });
        var chunkCount = CorpusPlan.ChunkCountFor(ordered.Length);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            positions.Add(ordered[i].Key.Id, i);
        }

        var byChunk = ordered
            .GroupBy(a => CorpusPlan.ChunkOf(a.Key.Id, chunkCount))
            .ToDictionary(g => g.Key, g => g.Select(a => a.Key.Id).OrderBy(i => i, StringComparer.Ordinal).ToList());
        var starts = new List<int>(chunkCount + 1) { 0 };
        var slots = new List<int>(ordered.Length);
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            if (byChunk.TryGetValue(chunk, out var ids))
            {
                slots.AddRange(ids.Select(i => positions[i]));
            }

            starts.Add(slots.Count);
        }

        return new IndexSpec(options, ordered.Length, chunkCount, starts.ToEquatableArray(), slots.ToEquatableArray(), membersPerType);
    }

    /// <summary>
    /// The members of each chunk's articles, with their positions in <c>All</c> as the index computes them (same
    /// acceptance, same order). One spec per chunk, empty ones included, so that the specs are compared chunk by chunk.
    /// </summary>
    private static IEnumerable<MemberSpec> BuildMembers(ImmutableArray<ArticleSummary> summaries, EmitSettings settings, int membersPerType)
    {
        if (!SupportsLanguage(settings))
        {
            yield break;
        }

        var options = settings.Options;
        var ordered = Order(summaries, s => s.Key, s => s.PublishedAt, options.ClassName, (s, key) => s with { Key = key });
        var chunkCount = CorpusPlan.ChunkCountFor(ordered.Length);
        var byChunk = ordered.Select((article, position) => new MemberEntry(article, position)).ToLookup(m => CorpusPlan.ChunkOf(m.Article.Key.Id, chunkCount));
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            yield return new MemberSpec(options, chunk, ordered.Length, membersPerType, byChunk[chunk].ToEquatableArray());
        }
    }

    /// <summary>The accepted articles in the order of <c>All</c>, with member names for the configured class name.</summary>
    private static ImmutableArray<T> Order<T>(ImmutableArray<T> items, Func<T, SeedKey> keyOf, Func<T, DateValue?> publishedAtOf, string className, Func<T, SeedKey, T> withKey)
    {
        // With the default class name every key stays as it is: no copy of each item (a title edit runs this over all).
        var accepted = CorpusPlan.Accept(
            items.Select(i => Renamed(keyOf(i), className) is var key && ReferenceEquals(key, keyOf(i)) ? i : withKey(i, key)),
            keyOf,
            _ => NoLocation,
            new List<DiagnosticInfo>());
        return CorpusPlan.OrderForAll(accepted, keyOf, publishedAtOf);
    }

    private static IEnumerable<ChunkSpec> BuildChunks(ImmutableArray<ArticleRecord> records, EmitSettings settings)
    {
        if (!SupportsLanguage(settings))
        {
            yield break;
        }

        var options = settings.Options;
        var accepted = CorpusPlan.Accept(records.Select(r => r with { Key = Renamed(r.Key, options.ClassName) }), r => r.Key, _ => NoLocation, new List<DiagnosticInfo>());
        var chunkCount = CorpusPlan.ChunkCountFor(accepted.Length);
        var byChunk = accepted.ToLookup(r => CorpusPlan.ChunkOf(r.Key.Id, chunkCount));

        // One spec per chunk, empty ones included: the step's outputs are compared by position, so a chunk that fills
        // or empties must not shift the others (each would be emitted again). Empty chunks write no file.
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            var ordered = byChunk[chunk].OrderBy(r => r.Key.Id, StringComparer.Ordinal).ToEquatableArray();
            yield return new ChunkSpec(options.Namespace, options.DataClassName, options.GeneratorVersion, chunk, ordered);
        }
    }

    /// <summary>Member names are computed per seed against the default class name; a custom class name may clash anew.</summary>
    private static SeedKey Renamed(SeedKey key, string className) =>
        string.Equals(className, Options.DefaultClassName, StringComparison.Ordinal) ? key : key with { MemberName = MemberNames.FromId(key.Id, className) };

    private static string LanguageVersionName(int version) =>
        ((LanguageVersion)version).ToDisplayString();

    /// <summary>The index and the chunks accept seeds exactly as <see cref="CheckCorpus"/> does, but report nothing.</summary>
    private static readonly SeedLocation NoLocation = new(string.Empty, 0, 0, default);
}
