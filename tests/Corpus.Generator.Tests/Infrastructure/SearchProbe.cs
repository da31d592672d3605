using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>A hit as plain values: the article's Id, its score, the snippet and its highlighted matches.</summary>
internal sealed record HitValues(string Id, double Score, string Snippet, int SnippetOffset, IReadOnlyList<string> Matches);

/// <summary>A facet value and its count.</summary>
internal sealed record FacetValues(string Value, int Count);

/// <summary>What a search returned, as plain values.</summary>
internal sealed record SearchValues(
    string Query, IReadOnlyList<string> Terms, int Total, IReadOnlyList<HitValues> Hits,
    IReadOnlyList<FacetValues> Outlets, IReadOnlyList<FacetValues> Languages, IReadOnlyList<FacetValues> Years, bool IsComplete);

/// <summary>The options of a search, as plain values (null: not set).</summary>
internal sealed record SearchOptionValues(
    string? Outlet = null, string? Language = null, string? Tag = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    bool Newest = false, int Skip = 0, int Take = 10, int? Year = null);

/// <summary>
/// A compiled corpus loaded into a collectible context that stays loaded until disposed: calls the generated
/// <c>Articles.Search</c>/<c>Related</c> (the index) and the store's reference scan (<c>ScanSearch</c>/<c>ScanRelated</c>).
/// </summary>
internal sealed class SearchProbe : IDisposable
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy;
    private const BindingFlags Instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    private readonly AssemblyLoadContext _context;
    private readonly Type _articles;
    private readonly Type _options;
    private readonly object _store;

    public SearchProbe(byte[] image, string articlesTypeName = "Consumer.Articles", string dataTypeName = "Consumer.ArticlesData", IReadOnlyDictionary<string, byte[]>? dependencies = null)
    {
        _context = new AssemblyLoadContext("corpus-search-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        _context.Resolving += (loader, name) =>
            dependencies is not null && name.Name is { } simple && dependencies.TryGetValue(simple, out var bytes) ? loader.LoadFromStream(new MemoryStream(bytes)) : null;
        var assembly = _context.LoadFromStream(new MemoryStream(image));
        _articles = assembly.GetType(articlesTypeName, throwOnError: true)!;
        var data = assembly.GetType(dataTypeName, throwOnError: true)!;
        _store = (data.GetField("Merged", Static) ?? data.GetField("Store", Static)!).GetValue(null)!;
        var searchMethod = _articles.GetMethods(Static).Single(m => m.Name == "Search" && m.GetParameters().Length == 2);
        _options = searchMethod.GetParameters()[1].ParameterType;
    }

    public IReadOnlyList<string> AllIds =>
        ((IEnumerable)_articles.GetProperty("All", Static)!.GetValue(null)!).Cast<object>().Select(a => (string)Get(a, "Id")!).ToList();

    /// <summary>Articles.Search(query) or Articles.Search(query, options).</summary>
    public SearchValues Search(string? query, SearchOptionValues? options = null)
    {
        var result = options is null
            ? _articles.GetMethods(Static).Single(m => m.Name == "Search" && m.GetParameters().Length == 1).Invoke(null, [query])
            : _articles.GetMethods(Static).Single(m => m.Name == "Search" && m.GetParameters().Length == 2).Invoke(null, [query, Options(options)]);
        return Read(result!);
    }

    /// <summary>
    /// <c>Articles.Search(query)</c> reading at most <paramref name="checkBudget"/> articles to check its clauses: the
    /// runtime's internal <c>SearchEngine.Search</c> over the store's sources (<c>SearchSource.CheckBudget</c>).
    /// </summary>
    public SearchValues Search(string query, int checkBudget, SearchOptionValues? options = null)
    {
        var collection = _store.GetType();
        while (collection.BaseType is { } parent && parent != typeof(object))
        {
            collection = parent;
        }

        var sources = collection.GetMethod("SearchSources", Instance)!.Invoke(_store, [])!;
        var engine = collection.Assembly.GetType(collection.Namespace + ".SearchEngine", throwOnError: true)!;
        var search = engine.GetMethods(Static).Single(m => m.Name == "Search" && m.GetParameters().Length == 4);
        return Read(search.Invoke(null, [sources, query, options is null ? null : Options(options), checkBudget])!);
    }

    /// <summary>How many articles' texts the store keeps (its chunks' cut texts: what reading <c>Text</c> leaves behind).</summary>
    public int KeptTexts
    {
        get
        {
            var chunks = (Array)_store.GetType().GetField("_chunks", Instance)!.GetValue(_store)!;
            return chunks.Cast<object?>().Where(c => c is not null)
                .Sum(c => ((Array)c!.GetType().GetField("_texts", Instance)!.GetValue(c)!).Cast<object?>().Count(t => t is not null));
        }
    }

    /// <summary>The same search by the reference scan over every article.</summary>
    public SearchValues Scan(string? query, SearchOptionValues? options = null) =>
        Read(_store.GetType().GetMethod("ScanSearch", Instance)!.Invoke(_store, [query, options is null ? null : Options(options)])!);

    public IReadOnlyList<string> Related(string id, int count) => Ids(_articles.GetMethod("Related", Static)!.Invoke(null, [Article(id), count])!);

    public IReadOnlyList<string> ScanRelated(string id, int count) => Ids(_store.GetType().GetMethod("ScanRelated", Instance)!.Invoke(_store, [Article(id), count])!);

    /// <summary>The kinds of source the store searched with (after a search): <c>SearchSegment</c> for the index, <c>SearchScan</c> otherwise.</summary>
    public IReadOnlyList<string> SourceKinds =>
        ((Array?)SearchSourcesField().GetValue(_store) ?? Array.Empty<object>()).Cast<object>().Select(s => s.GetType().Name).Distinct().ToList();

    public void Dispose() => _context.Unload();

    // A private field of the stores' base class (ArticleCollection): reflection finds it on the type that declares it.
    private FieldInfo SearchSourcesField()
    {
        for (var type = _store.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetField("_searchSources", Instance | BindingFlags.DeclaredOnly) is { } field)
            {
                return field;
            }
        }

        throw new InvalidOperationException("The store has no _searchSources field.");
    }

    private object Article(string id) => _articles.GetMethod("FindById", Static, [typeof(string)])!.Invoke(null, [id]) ?? throw new InvalidOperationException("No article " + id);

    private static IReadOnlyList<string> Ids(object articles) => ((IEnumerable)articles).Cast<object>().Select(a => (string)Get(a, "Id")!).ToList();

    private object Options(SearchOptionValues values)
    {
        var options = Activator.CreateInstance(_options)!;
        void Set(string name, object? value) => _options.GetProperty(name)!.SetValue(options, value);
        Set("Outlet", values.Outlet);
        Set("Language", values.Language);
        Set("Tag", values.Tag);
        Set("From", values.From);
        Set("To", values.To);
        Set("Year", values.Year);
        Set("Sort", Enum.ToObject(_options.GetProperty("Sort")!.PropertyType, values.Newest ? 1 : 0));
        Set("Skip", values.Skip);
        Set("Take", values.Take);
        return options;
    }

    private static object? Get(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);

    private static SearchValues Read(object results)
    {
        var hits = ((IEnumerable)Get(results, "Hits")!).Cast<object>().Select(hit =>
        {
            var snippet = Get(hit, "Snippet")!;
            var text = (string)Get(snippet, "Text")!;
            var matches = ((IEnumerable)Get(snippet, "Matches")!).Cast<object>()
                .Select(m => text.Substring((int)Get(m, "Start")!, (int)Get(m, "Length")!))
                .ToList();
            return new HitValues((string)Get(Get(hit, "Article")!, "Id")!, (double)Get(hit, "Score")!, text, (int)Get(snippet, "Offset")!, matches);
        }).ToList();
        var facets = Get(results, "Facets")!;
        IReadOnlyList<FacetValues> Facet(string name) => ((IEnumerable)Get(facets, name)!).Cast<object>()
            .Select(f => new FacetValues((string)Get(f, "Value")!, (int)Get(f, "Count")!)).ToList();
        return new SearchValues(
            (string)Get(results, "Query")!,
            ((IEnumerable<string>)Get(results, "Terms")!).ToList(),
            (int)Get(results, "Total")!,
            hits,
            Facet("Outlets"),
            Facet("Languages"),
            Facet("Years"),
            (bool)Get(results, "IsComplete")!);
    }
}
