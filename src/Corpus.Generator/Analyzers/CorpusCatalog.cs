using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Model;
using Corpus.Generator.Planning;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Analyzers;

/// <summary>
/// One article the catalog knows: its Id, member name and seed path, how to read its URL when one is asked for, and, for
/// an article of a referenced shard, where its member is (the project's own articles have theirs on the generated class).
/// </summary>
internal sealed record CatalogSeed(SeedKey Key, Func<CancellationToken, string?> ReadUrl, ShardMember? Shard = null);

/// <summary>A shard's article's member: the shard's assembly and its generated class (metadata name, <c>News2022.Articles</c>).</summary>
internal sealed record ShardMember(string AssemblyName, string ClassName);

/// <summary>What a constant URL finds: no article, exactly one, or several (the run time then picks the newest).</summary>
internal readonly record struct UrlMatch(bool Found, CatalogSeed? Single);

/// <summary>
/// The Ids and URLs of the articles of one compilation's corpus, for the lookup analyzer. Seeds are accepted exactly as
/// the generator accepts them (<see cref="CorpusPlan.Accept"/>: the first seed by path keeps a shared Id or member
/// name), so an Id the catalog knows is one <c>FindById</c> finds. URLs are read only when a constant URL is looked up,
/// once per compilation. Pure: no Roslyn.
/// </summary>
internal sealed class CorpusCatalog
{
    private static readonly SeedLocation NoLocation = new(string.Empty, 0, 0, default);

    private readonly IReadOnlyList<CatalogSeed> _seeds;
    private readonly Dictionary<string, CatalogSeed> _byId;
    private readonly object _urlGate = new();
    private UrlIndex? _urls;

    private CorpusCatalog(IReadOnlyList<CatalogSeed> seeds)
    {
        _seeds = seeds;
        _byId = new Dictionary<string, CatalogSeed>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            // An Id in two places of an app (CORPUS007 across shards) is found all the same: the first is kept.
            if (!_byId.ContainsKey(seed.Key.Id))
            {
                _byId.Add(seed.Key.Id, seed);
            }
        }
    }

    /// <param name="seeds">The project's own seeds, accepted as the generator accepts them.</param>
    /// <param name="shardSeeds">The articles of the shards the project references, as their own builds accepted them.</param>
    public static CorpusCatalog Create(IEnumerable<CatalogSeed> seeds, IEnumerable<CatalogSeed>? shardSeeds = null) =>
        new(CorpusPlan.Accept(seeds, s => s.Key, _ => NoLocation, new List<DiagnosticInfo>()).Concat(shardSeeds ?? []).ToList());

    public int Count => _seeds.Count;

    public IEnumerable<string> Ids => _seeds.Select(s => s.Key.Id);

    public CatalogSeed? FindId(string id) => _byId.TryGetValue(id, out var seed) ? seed : null;

    /// <summary>The article(s) at <paramref name="url"/> as the generated <c>FindByUrl</c> decides: the address as written first, then the normalised one.</summary>
    public UrlMatch FindUrl(string url, CancellationToken cancellationToken)
    {
        var urls = Urls(cancellationToken);
        return urls.Exact.TryGetValue(url, out var exact) ? new UrlMatch(true, exact)
            : urls.Normalised.TryGetValue(ArticleUrlKey.Of(url), out var normalised) ? new UrlMatch(true, normalised)
            : default;
    }

    /// <summary>Every article's URL as written in its seed, for suggestions.</summary>
    public IEnumerable<string> UrlTexts(CancellationToken cancellationToken) => Urls(cancellationToken).Exact.Keys;

    /// <summary>Read once; a cancelled read leaves nothing behind, so the next caller reads again.</summary>
    private UrlIndex Urls(CancellationToken cancellationToken)
    {
        lock (_urlGate)
        {
            return _urls ??= UrlIndex.Read(_seeds, cancellationToken);
        }
    }

    /// <summary>URL text to article; null where several articles share it (the run time picks the newest, which only the bodies' dates tell).</summary>
    private sealed class UrlIndex(Dictionary<string, CatalogSeed?> exact, Dictionary<string, CatalogSeed?> normalised)
    {
        public Dictionary<string, CatalogSeed?> Exact { get; } = exact;

        public Dictionary<string, CatalogSeed?> Normalised { get; } = normalised;

        public static UrlIndex Read(IReadOnlyList<CatalogSeed> seeds, CancellationToken cancellationToken)
        {
            var exact = new Dictionary<string, CatalogSeed?>(StringComparer.Ordinal);
            var normalised = new Dictionary<string, CatalogSeed?>(StringComparer.Ordinal);
            foreach (var seed in seeds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (seed.ReadUrl(cancellationToken) is not { } url)
                {
                    continue;
                }

                Add(exact, url, seed);
                Add(normalised, ArticleUrlKey.Of(url), seed);
            }

            return new UrlIndex(exact, normalised);
        }

        private static void Add(Dictionary<string, CatalogSeed?> index, string url, CatalogSeed seed) =>
            index[url] = index.ContainsKey(url) ? null : seed;
    }
}
