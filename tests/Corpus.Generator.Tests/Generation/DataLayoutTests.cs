using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Corpus.Generator.Emitting;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// A chunk's data is split into several constants: headers and bodies (with their texts) in groups of consecutive
/// articles, read a group at a time, and the HTML apart. These seeds are long enough for one chunk to hold many groups,
/// so that an article is found in the right group whichever article of the chunk is read first.
/// </summary>
public sealed class DataLayoutTests
{
    private const int SeedCount = 40;

    private static readonly Lazy<(GenerationResult Result, byte[] Assembly)> Generated = new(() =>
    {
        var project = new CorpusProject();
        for (var i = 0; i < SeedCount; i++)
        {
            project.WithSeed($"seeds/s{i:D2}.txt", Seeds.Simple("Title " + i.ToString(CultureInfo.InvariantCulture), $"https://example.com/{i}", string.Join("</p><p>", Paragraphs(i))));
        }

        var result = project.Generate();
        result.AssertCompiles();
        using var stream = new MemoryStream();
        var emit = result.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return (result, stream.ToArray());
    });

    /// <summary>Each seed's paragraphs: about 5,000 characters in all, with quotes, backslashes and CJK to escape.</summary>
    private static IEnumerable<string> Paragraphs(int seed) =>
        Enumerable.Range(0, 5).Select(p => $"Seed {seed} paragraph {p}: " + string.Concat(Enumerable.Repeat($"&quot;q&quot; \\ 中文{seed} ", 60 + seed + p)));

    private static string ExpectedText(int seed) => string.Join("\n\n", Paragraphs(seed).Select(p => p.Replace("&quot;", "\"", StringComparison.Ordinal).TrimEnd()));

    [Fact]
    public void One_chunk_holds_several_header_and_body_groups()
    {
        var chunk = Generated.Value.Result.Source(CorpusEmitter.ChunkHintName(0));
        var texts = Regex.Matches(chunk, @"internal const string T(\d+) =").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var headers = Regex.Matches(chunk, @"internal const string H(\d+) =").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

        // 40 bodies of about 5,000 characters cannot share one group of 16 K: the test is only worth it with many.
        Assert.True(texts.Count >= 8, $"{texts.Count} body groups");
        Assert.Equal(0, texts[0]);
        Assert.Equal(0, headers[0]);
        Assert.Equal(texts.OrderBy(t => t), texts);
        Assert.Single(Regex.Matches(chunk, "internal const string Html ="));
    }

    [Fact]
    public void Every_text_is_read_from_its_group_whichever_article_is_read_first()
    {
        // Read the bodies last to first, then first to last, in a fresh load each: a group is read on the first access
        // to any of its articles and must give each article its own text.
        foreach (var reverse in new[] { true, false })
        {
            WithArticles(articles =>
            {
                var order = reverse ? Enumerable.Range(0, articles.Count).Reverse() : Enumerable.Range(0, articles.Count);
                foreach (var i in order)
                {
                    var id = (string)Get(articles[i], "Id")!;
                    var seed = int.Parse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
                    Assert.Equal(ExpectedText(seed), (string)Get(articles[i], "Text")!);
                    Assert.Equal(Paragraphs(seed).Count(), ((IEnumerable<string>)Get(articles[i], "Paragraphs")!).Count());
                    Assert.StartsWith("<p>Seed " + seed.ToString(CultureInfo.InvariantCulture) + " paragraph 0", (string)Get(articles[i], "Html")!, StringComparison.Ordinal);
                    Assert.Equal("Title " + seed.ToString(CultureInfo.InvariantCulture), (string)Get(articles[i], "Title")!);
                }
            });
        }
    }

    [Fact]
    public void Threads_reading_the_same_group_at_once_all_get_the_same_text()
    {
        WithArticles(articles =>
        {
            // Every article read by several threads at once: each must see one and the same string.
            var seen = new ConcurrentDictionary<int, ConcurrentBag<string>>();
            Parallel.For(0, articles.Count * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
            {
                var i = (n * 7) % articles.Count;
                seen.GetOrAdd(i, _ => []).Add((string)Get(articles[i], "Text")!);
            });

            foreach (var (i, texts) in seen)
            {
                Assert.Equal(8, texts.Count);
                Assert.All(texts, t => Assert.Same(texts.First(), t));
            }
        });
    }

    [Fact]
    public void A_full_build_s_store_finds_its_chunk_classes_through_the_generated_finder_without_listing_them()
    {
        var context = new AssemblyLoadContext("finder-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var data = context.LoadFromStream(new MemoryStream(Generated.Value.Assembly)).GetType("Consumer.ArticlesData", throwOnError: true)!;
            var store = data.GetField("Store", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var articles = (Array)store.GetType().GetProperty("Loaded")!.GetValue(store)!;
            var texts = articles.Cast<object>().Select(a => (string)a.GetType().GetProperty("Text")!.GetValue(a)!).ToList();
            Assert.Equal(SeedCount, texts.Count);
            Assert.All(texts, t => Assert.StartsWith("Seed ", t, StringComparison.Ordinal));

            // Every chunk read, and the data class's nested classes never listed (GetNestedTypes would fill this).
            var constants = store.GetType().GetField("_constants", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store)!;
            Assert.Null(constants.GetType().GetField("_nestedTypes", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(constants));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void The_values_are_the_ones_every_other_test_reads()
    {
        var corpus = Generated.Value.Result.Load();
        Assert.Equal(SeedCount, corpus.All.Count);
        foreach (var article in corpus.All)
        {
            var seed = int.Parse(article.Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
            Assert.Equal(ExpectedText(seed), article.Text);
            Assert.Equal(Model.ArticleText.CountCharacters(article.Text), article.CharacterCount);
            Assert.Equal(article.Text, corpus.FindById(article.Id)!.Text);
            Assert.Equal(article.Id, corpus.FindByUrl(article.Url.OriginalString)!.Id);
        }
    }

    [Fact]
    public void At_design_time_the_members_compile_and_the_data_is_absent_as_documented()
    {
        // The IDE runs no implementation output: the index and the member files, but no chunk class.
        var project = new CorpusProject();
        for (var i = 0; i < SeedCount; i++)
        {
            project.WithSeed($"seeds/s{i:D2}.txt", Seeds.Simple("Title " + i.ToString(CultureInfo.InvariantCulture), $"https://example.com/{i}", "Body."));
        }

        project.Sources.Add("namespace Consumer;\ninternal static class Uses\n{\n    internal static string Title() => Articles." + MemberNames.FromId("s07", "Articles") + ".Title;\n}\n");
        var driver = project.CreateDriver(disabledOutputs: Microsoft.CodeAnalysis.IncrementalGeneratorOutputKind.Implementation).RunGeneratorsAndUpdateCompilation(project.CreateCompilation(), out var output, out _);
        var hints = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains(CorpusEmitter.IndexHintName, hints);
        Assert.Contains(CorpusEmitter.MembersHintName(0), hints);
        Assert.DoesNotContain(hints, h => h.StartsWith("Corpus.Data.", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));

        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        var context = new AssemblyLoadContext("corpus-design-time-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var articles = context.LoadFromStream(new MemoryStream(stream.ToArray())).GetType("Consumer.Articles", throwOnError: true)!;
            var thrown = Assert.Throws<TargetInvocationException>(() => articles.GetProperty("All")!.GetValue(null));
            var absent = Assert.IsType<InvalidOperationException>(thrown.InnerException);
            Assert.Equal("The corpus data is only part of full builds, not of design-time (IDE) compilations.", absent.Message);
        }
        finally
        {
            context.Unload();
        }
    }

    private static object? Get(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);

    private static void WithArticles(Action<IReadOnlyList<object>> test)
    {
        var context = new AssemblyLoadContext("corpus-layout-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var articles = context.LoadFromStream(new MemoryStream(Generated.Value.Assembly)).GetType("Consumer.Articles", throwOnError: true)!;
            test(((IEnumerable)articles.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList());
        }
        finally
        {
            context.Unload();
        }
    }
}
