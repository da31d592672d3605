extern alias CorpusRuntime;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using RuntimeArticle = CorpusRuntime::Article;
using RuntimeCollection = CorpusRuntime::ArticleCollection;
using RuntimeMergedStore = CorpusRuntime::MergedArticleStore;
// Not "ArticleStore": the generator, whose internals the tests see, compiles a part of it too (ArticleStore.DataNames).
using RuntimeStore = CorpusRuntime::ArticleStore;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// <c>Articles.All</c> (issue 22): its count without reading an article; over stores merged by the order table (an app
/// over shards), an article by index made with its own chunk only and every article read when it is enumerated; one
/// project's articles all made on first use.
/// The data classes are <see cref="ArticleStoreTests"/>' (checked by hand there), here top-level as the generator writes them.
/// </summary>
public sealed class ArticleListTests
{
    [Fact]
    public void One_project_s_All_makes_every_article_on_first_use_and_reads_no_value()
    {
        // Position 0 is a2 (chunk 2, chunk 1 is empty), position 1 is a1 (chunk 0).
        var store = new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0]);
        var all = store.All;
        Assert.Equal(2, all.Count);
        Assert.Equal([true, false, true], Made(store));
        Assert.True(IsLoaded(store));
        Assert.Equal("a1", all[1].Id);
        Assert.Equal("Alpha - Example", all[1].RawTitle);
        Assert.Equal("Column", all[0].Column);
        Assert.Equal(["a2", "a1"], all.Select(a => a.Id));
        Assert.Same(store.Loaded[0], all[0]);
        Assert.Same(all, store.All);
    }

    [Fact]
    public void A_merged_All_reaches_only_the_store_of_each_article_it_reads()
    {
        var a = new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0]);
        var b = new RuntimeStore(typeof(ListedDataB), [0, 1], [0]);
        // Entries are position * 2 stores + store (0 b, 1 a): b1, a2, a1.
        var merged = new RuntimeMergedStore([0, 1, 3], b, a);
        var all = merged.All;
        Assert.Equal(3, all.Count);
        Assert.Equal([true], Made(b));
        Assert.Equal([false, false, false], Made(a));
        Assert.Equal("a1", all[2].Id);
        Assert.Equal([true, false, false], Made(a));
        Assert.False(IsLoaded(merged) || IsLoaded(a) || IsLoaded(b));
        Assert.Equal(["b1", "a2", "a1"], all.Select(article => article.Id));
        Assert.Same(merged.Loaded[2], all[2]);
        Assert.Same(a.FindById("a1"), all[2]);
    }

    [Fact]
    public void Stores_reached_when_needed_are_reached_by_the_first_article_of_each_and_counted_as_compiled()
    {
        var a = new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0]);
        var b = new RuntimeStore(typeof(ListedDataB), [0, 1], [0]);
        var reached = new List<string>();
        // Entries are position * 2 stores + store (0 b, 1 a): b1, a2, a1; a's count as compiled is 2, b's 1.
        var merged = new RuntimeMergedStore([0, 1, 3], [1, 2], () => { reached.Add("b"); return b; }, () => { reached.Add("a"); return a; });
        var all = merged.All;
        Assert.Equal(3, all.Count);
        Assert.Equal(["b"], reached);
        Assert.Equal([true], Made(b));
        Assert.Equal([false, false, false], Made(a));

        Assert.Equal("a1", all[2].Id);
        Assert.Equal(["b", "a"], reached);
        Assert.Equal([true, false, false], Made(a));
        Assert.Equal(["b1", "a2", "a1"], all.Select(article => article.Id));
        Assert.Equal(["b", "a"], reached);
        Assert.Same(merged.Loaded[2], all[2]);
        Assert.Same(merged.FindById("a2"), a.FindById("a2"));
    }

    [Fact]
    public void Enumerating_or_looking_up_reaches_every_store_once()
    {
        var reached = new List<string>();
        var merged = new RuntimeMergedStore([0, 1, 3], [1, 2],
            () => { reached.Add("b"); return new RuntimeStore(typeof(ListedDataB), [0, 1], [0]); },
            () => { reached.Add("a"); return new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0]); });
        Assert.Equal("a2", merged.FindById("a2")?.Id);
        Assert.Equal(["b", "a"], reached);
        Assert.Equal(["b1", "a2", "a1"], merged.All.Select(article => article.Id));
        Assert.Equal(["b", "a"], reached);
    }

    [Fact]
    public void A_store_that_is_not_the_one_the_app_was_compiled_against_throws_when_it_is_reached()
    {
        // b has one article, the app was compiled against a b of two (its assembly replaced after the app was built).
        var merged = new RuntimeMergedStore([0, 1, 3, 2], [2, 2],
            () => new RuntimeStore(typeof(ListedDataB), [0, 1], [0]),
            () => new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0]));
        var error = Assert.Throws<InvalidOperationException>(() => merged.All);
        Assert.Contains(typeof(ListedDataB).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("holds 1 articles, but this app was compiled against 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => merged.Loaded);
    }

    [Fact]
    public void Stores_reached_when_needed_need_one_count_a_store()
    {
        Assert.Throws<ArgumentException>(() => new RuntimeMergedStore([0], [1, 1], () => new RuntimeStore(typeof(ListedDataB), [0, 1], [0])));
        Assert.Throws<ArgumentNullException>(() => new RuntimeMergedStore([0], null!, () => new RuntimeStore(typeof(ListedDataB), [0, 1], [0])));
    }

    [Fact]
    public void A_store_given_its_chunk_classes_reads_them_without_listing_the_data_class()
    {
        var asked = new List<int>();
        var store = new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0], chunk =>
        {
            asked.Add(chunk);
            return chunk switch { 0 => typeof(ListedDataA.Chunk0000), 2 => typeof(ListedDataA.Chunk0002), _ => null };
        });
        Assert.Equal(["a2", "a1"], store.All.Select(a => a.Id));
        Assert.Equal("Alpha - Example", store.All[1].RawTitle);
        Assert.Equal("Column", store.All[0].Column);
        Assert.Equal([0, 2], asked.Order());
        Assert.False(Listed(store));

        // A finder that has none (a design-time build) leaves the store to list the classes by name.
        var listing = new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0], _ => null);
        Assert.Equal("Alpha - Example", listing.All[1].RawTitle);
        Assert.True(Listed(listing));
    }

    [Theory]
    [InlineData(new[] { 1, 0 })]
    [InlineData(new[] { 0, 1, 5 })]
    [InlineData(new[] { 0, 1, -1 })]
    [InlineData(new[] { 0, 2, 4 })]
    public void An_order_that_does_not_fit_the_stores_is_left_for_the_merge_by_date(int[] order)
    {
        // a2 is the only dated article; the undated follow by Id. ({0, 2, 4}: three entries, all of store b, which has one.)
        var merged = new RuntimeMergedStore(order, new RuntimeStore(typeof(ListedDataB), [0, 1], [0]), new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0]));
        var all = merged.All;
        Assert.Equal(3, all.Count);
        Assert.Equal(["a2", "a1", "b1"], Enumerable.Range(0, all.Count).Select(i => all[i].Id));
        Assert.Equal(["a2", "a1", "b1"], all.Select(article => article.Id));
    }

    [Fact]
    public void All_is_a_read_only_list_that_LINQ_indexes()
    {
        // Over one store merged (an app over a shard): what reads by index makes no other article.
        var store = new RuntimeMergedStore([0, 1], new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0]));
        var all = store.All;
        var list = Assert.IsAssignableFrom<IList<RuntimeArticle>>(all);
        Assert.True(list.IsReadOnly);
        Assert.Equal("a1", all.ElementAt(1).Id);
        Assert.Equal("a1", all.Last().Id);
        Assert.Equal(2, all.Count());
        Assert.False(IsLoaded(store));

        Assert.Throws<ArgumentOutOfRangeException>(() => all[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => all[-1]);
        Assert.Throws<NotSupportedException>(() => list.Add(all[0]));
        Assert.Throws<NotSupportedException>(() => list.Insert(0, all[0]));
        Assert.Throws<NotSupportedException>(() => list.Remove(all[0]));
        Assert.Throws<NotSupportedException>(() => list.RemoveAt(0));
        Assert.Throws<NotSupportedException>(() => list.Clear());
        Assert.Throws<NotSupportedException>(() => list[0] = all[1]);

        Assert.Equal(1, list.IndexOf(all[1]));
        Assert.True(list.Contains(all[0]));
        var copy = new RuntimeArticle?[3];
        list.CopyTo(copy!, 1);
        Assert.Equal([null, all[0], all[1]], copy);
        Assert.Equal(["a2", "a1"], all.ToList().Select(a => a.Id));
    }

    [Fact]
    public void Threads_listing_at_once_all_get_the_same_list_and_articles()
    {
        var store = new RuntimeStore(typeof(ListedDataA), [0, 1, 1, 2], [1, 0]);
        var lists = new IReadOnlyList<RuntimeArticle>[16];
        var firsts = new RuntimeArticle[16];
        Parallel.For(0, lists.Length, i =>
        {
            lists[i] = store.All;
            firsts[i] = lists[i][1];
        });
        Assert.All(lists, l => Assert.Same(lists[0], l));
        Assert.All(firsts, f => Assert.Same(firsts[0], f));
    }

    [Fact]
    public void An_empty_corpus_lists_nothing()
    {
        Assert.Empty(new RuntimeStore(typeof(ListedDataA), [0, 0], []).All);
        Assert.Empty(new RuntimeMergedStore([], new RuntimeStore(typeof(ListedDataB), [0, 0], [])).All);
        Assert.Empty(new RuntimeMergedStore([], [0], () => new RuntimeStore(typeof(ListedDataB), [0, 0], [])).All);
    }

    // Whether each chunk's articles are made.
    private static bool[] Made(RuntimeStore store) =>
        ((Array)typeof(RuntimeStore).GetField("_chunkArticles", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store)!)
            .Cast<object?>().Select(chunk => chunk is not null).ToArray();

    // Whether the store's constants listed the data class's nested classes.
    private static bool Listed(RuntimeStore store)
    {
        var constants = typeof(RuntimeStore).GetField("_constants", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store)!;
        return constants.GetType().GetField("_nestedTypes", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(constants) is not null;
    }

    // Whether every article was read (Loaded).
    private static bool IsLoaded(RuntimeCollection collection) =>
        typeof(RuntimeCollection).GetField("_articles", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(collection) is not null;
}

/// <summary><see cref="ArticleStoreTests.DataC"/> as a top-level class, as the generator writes a data class: a1, an empty chunk, a2.</summary>
internal static class ListedDataA
{
    internal static class Chunk0000
    {
        internal const string H0 = ArticleStoreTests.DataA.Chunk0000.H0;
        internal const string T0 = ArticleStoreTests.DataA.Chunk0000.T0;
        internal const string Html = ArticleStoreTests.DataA.Chunk0000.Html;
        internal const string Slots = ArticleStoreTests.DataA.Chunk0000.Slots;
    }

    internal static class Chunk0002
    {
        internal const string H0 = ArticleStoreTests.DataA.Chunk0001.H0;
        internal const string T0 = ArticleStoreTests.DataA.Chunk0001.T0;
        internal const string Html = ArticleStoreTests.DataA.Chunk0001.Html;
        internal const string Slots = ArticleStoreTests.DataA.Chunk0001.Slots;
    }
}

/// <summary><see cref="ArticleStoreTests.DataB"/> as a top-level class: b1.</summary>
internal static class ListedDataB
{
    internal static class Chunk0000
    {
        internal const string H0 = ArticleStoreTests.DataB.Chunk0000.H0;
        internal const string T0 = ArticleStoreTests.DataB.Chunk0000.T0;
        internal const string Html = ArticleStoreTests.DataB.Chunk0000.Html;
        internal const string Slots = ArticleStoreTests.DataB.Chunk0000.Slots;
    }
}
