using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>A section as plain values.</summary>
internal sealed record SectionValues(string? Heading, IReadOnlyList<string> Paragraphs);

/// <summary>An image as plain values.</summary>
internal sealed record ImageValues(string Url, string? Alt, string? Caption);

/// <summary>An embedded frame, video or audio as plain values; Kind is the enum member's name.</summary>
internal sealed record MediaValues(string Kind, string Url);

/// <summary>Every member of a generated <c>Article</c>, read by reflection into plain values.</summary>
internal sealed record ArticleValues(
    string Id,
    string SeedPath,
    string Title,
    string RawTitle,
    string? Column,
    Uri Url,
    string Outlet,
    string Language,
    string? Author,
    string? Credit,
    DateTimeOffset? FeedPublishedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedAtPrecision,
    string? Lead,
    IReadOnlyList<SectionValues> Sections,
    IReadOnlyList<string> Paragraphs,
    string Text,
    string Html,
    IReadOnlyList<ImageValues> Images,
    IReadOnlyList<MediaValues> Media,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    int CharacterCount,
    TimeSpan ReadingTime);

/// <summary>The generated corpus of a compiled test assembly, loaded in a collectible context and read back.</summary>
internal sealed class LoadedCorpus
{
    private readonly Type _articles;

    private LoadedCorpus(Type articles, IReadOnlyList<ArticleValues> all, IReadOnlyList<object> instances)
    {
        _articles = articles;
        All = all;
        Instances = instances;
    }

    public IReadOnlyList<ArticleValues> All { get; }

    public IReadOnlyList<object> Instances { get; }

    public int Count => (int)_articles.GetField("Count")!.GetValue(null)!;

    public static LoadedCorpus From(byte[] assembly, string articlesTypeName, IReadOnlyDictionary<string, byte[]>? dependencies = null)
    {
        var context = new AssemblyLoadContext("corpus-test-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (loader, name) =>
            dependencies is not null && name.Name is { } simple && dependencies.TryGetValue(simple, out var bytes) ? loader.LoadFromStream(new MemoryStream(bytes)) : null;
        try
        {
            var loaded = context.LoadFromStream(new MemoryStream(assembly));
            var articles = loaded.GetType(articlesTypeName, throwOnError: true)!;
            var all = ((IEnumerable)articles.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();
            return new LoadedCorpus(articles, all.Select(Read).ToList(), all);
        }
        finally
        {
            context.Unload();
        }
    }

    public ArticleValues? FindById(string id) => Call("FindById", id);

    public ArticleValues? FindByUrl(string url) => Call("FindByUrl", url);

    // FlattenHierarchy: past the per-type limit the members are declared on base classes, yet bind as Articles.Member.
    private const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy;

    /// <summary>The article behind a generated per-seed member.</summary>
    public ArticleValues Member(string name) =>
        Read(_articles.GetProperty(name, PublicStatic)?.GetValue(null)
            ?? throw new InvalidOperationException($"No member {name} on {_articles.FullName}."));

    public IEnumerable<string> MemberNames =>
        _articles.GetProperties(PublicStatic)
            .Where(p => p.PropertyType.Name == "Article")
            .Select(p => p.Name);

    private ArticleValues? Call(string method, string argument)
    {
        var result = _articles.GetMethod(method, [typeof(string)])!.Invoke(null, [argument]);
        return result is null ? null : Read(result);
    }

    private static ArticleValues Read(object article)
    {
        object? Get(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);
        var sections = ((IEnumerable)Get(article, "Sections")!).Cast<object>()
            .Select(s => new SectionValues((string?)Get(s, "Heading"), ((IEnumerable<string>)Get(s, "Paragraphs")!).ToList()))
            .ToList();
        var images = ((IEnumerable)Get(article, "Images")!).Cast<object>()
            .Select(i => new ImageValues(((Uri)Get(i, "Url")!).OriginalString, (string?)Get(i, "Alt"), (string?)Get(i, "Caption")))
            .ToList();
        var media = ((IEnumerable)Get(article, "Media")!).Cast<object>()
            .Select(m => new MediaValues(Get(m, "Kind")!.ToString()!, ((Uri)Get(m, "Url")!).OriginalString))
            .ToList();
        return new ArticleValues(
            (string)Get(article, "Id")!,
            (string)Get(article, "SeedPath")!,
            (string)Get(article, "Title")!,
            (string)Get(article, "RawTitle")!,
            (string?)Get(article, "Column"),
            (Uri)Get(article, "Url")!,
            (string)Get(article, "Outlet")!,
            (string)Get(article, "Language")!,
            (string?)Get(article, "Author"),
            (string?)Get(article, "Credit"),
            (DateTimeOffset?)Get(article, "FeedPublishedAt"),
            (DateTimeOffset?)Get(article, "PublishedAt"),
            Get(article, "PublishedAtPrecision")?.ToString(),
            (string?)Get(article, "Lead"),
            sections,
            ((IEnumerable<string>)Get(article, "Paragraphs")!).ToList(),
            (string)Get(article, "Text")!,
            (string)Get(article, "Html")!,
            images,
            media,
            ((IEnumerable<string>)Get(article, "Tags")!).ToList(),
            ((IEnumerable<string>)Get(article, "Categories")!).ToList(),
            (int)Get(article, "CharacterCount")!,
            (TimeSpan)Get(article, "ReadingTime")!);
    }
}
