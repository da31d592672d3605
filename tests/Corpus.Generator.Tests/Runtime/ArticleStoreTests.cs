extern alias CorpusRuntime;

using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
// Not "ArticleStore": the generator, whose internals the tests see, compiles a part of it too (ArticleStore.DataNames).
using RuntimeStore = CorpusRuntime::ArticleStore;
using RuntimeMergedStore = CorpusRuntime::MergedArticleStore;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The compiled store over data classes written here in the layout the emitter writes (records checked by hand against
/// the format, and against <see cref="RecordEncoder"/> below). A store is an instance: two in one process keep apart.
/// </summary>
public sealed class ArticleStoreTests
{
    private static readonly RuntimeStore StoreA = new(typeof(DataA), [0, 1, 2], [1, 0]);
    private static readonly RuntimeStore StoreB = new(typeof(DataB), [0, 1], [0]);

    [Fact]
    public void Each_store_reads_its_own_data_class_and_places_articles_by_their_positions()
    {
        // Chunk 0's article is at position 1, chunk 1's at 0.
        Assert.Equal(["a2", "a1"], StoreA.All.Select(a => a.Id));
        Assert.Equal(["b1"], StoreB.All.Select(a => a.Id));
        Assert.Same(StoreA.All[1], StoreA.FindById("a1"));
        Assert.Null(StoreA.FindById("b1"));
        Assert.Null(StoreB.FindById("a1"));
        Assert.Equal("b1", StoreB.FindByUrl("https://example.org/c")?.Id);
        Assert.Null(StoreA.FindByUrl("https://example.org/c"));
    }

    [Fact]
    public void Values_come_from_the_header_the_body_and_the_chunk_html()
    {
        var a1 = StoreA.FindById("a1")!;
        Assert.Equal("Alpha - Example", a1.RawTitle);
        Assert.Equal(new DateTimeOffset(2022, 1, 12, 12, 15, 2, TimeSpan.Zero), a1.FeedPublishedAt);
        Assert.Null(a1.PublishedAt);
        Assert.Equal("<p>Alpha text.</p>", a1.Html);
        Assert.Equal(["Alpha text."], a1.Paragraphs);

        var a2 = StoreA.FindById("a2")!;
        Assert.Equal("Column", a2.Column);
        Assert.Equal("© 2022 AFP", a2.Credit);
        Assert.Equal(new DateTimeOffset(2022, 1, 12, 12, 44, 0, TimeSpan.FromHours(1)), a2.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(1), a2.PublishedAt!.Value.Offset);
        Assert.Equal("Minute", a2.PublishedAtPrecision.ToString());
        Assert.Equal(string.Empty, a2.Html);
        Assert.Equal("Lead.", a2.Lead);
        Assert.Equal("Heading", Assert.Single(a2.Sections).Heading);
        Assert.Equal(["P."], a2.Paragraphs);
        Assert.Equal(new Uri("https://example.com/i.jpg"), Assert.Single(a2.Images).Url);
        Assert.Equal("Iframe", Assert.Single(a2.Media).Kind.ToString());
        Assert.Equal(["t"], a2.Tags);
        Assert.Empty(a2.Categories);
        Assert.Equal(TimeSpan.FromSeconds(4), a2.ReadingTime);
    }

    [Fact]
    public void FindByUrl_matches_the_address_as_written_then_its_normalised_key()
    {
        Assert.Equal("a1", StoreA.FindByUrl("https://example.com/a/")?.Id);
        Assert.Equal("a1", StoreA.FindByUrl("http://EXAMPLE.com//a#top")?.Id);
        Assert.Equal("a2", StoreA.FindByUrl("https://example.com/b/")?.Id);
        Assert.Null(StoreA.FindByUrl("https://example.com/c"));
        Assert.Throws<ArgumentNullException>(() => StoreA.FindByUrl(null!));
        Assert.Throws<ArgumentNullException>(() => StoreA.FindById(null!));
    }

    [Fact]
    public void The_records_here_are_what_the_encoder_writes()
    {
        AssertEncodes(
            Model("a1", "Alpha", "Alpha - Example", null, "https://example.com/a/", null, null, 1641989702000, null, null, [new SectionModel(null, new[] { "Alpha text." }.ToEquatableArray())], "<p>Alpha text.</p>", [], [], [], 10, 30_000_000),
            DataA.Chunk0000.H0,
            DataA.Chunk0000.T0,
            DataA.Chunk0000.Slots);
        AssertEncodes(
            Model("a2", "Beta", "Beta", "Column", "https://example.com/b", "Author", "© 2022 AFP", null, DateValue.From(new DateTimeOffset(2022, 1, 12, 12, 44, 0, TimeSpan.FromHours(1)), 1), "Lead.", [new SectionModel("Heading", new[] { "P." }.ToEquatableArray())], string.Empty, [new ImageModel("https://example.com/i.jpg", "alt", null)], [new MediaModel(0, "https://www.youtube.com/embed/x")], ["t"], 12, 40_000_000),
            DataA.Chunk0001.H0,
            DataA.Chunk0001.T0,
            DataA.Chunk0001.Slots);
        Assert.Equal(DataA.Chunk0000.Html, RecordEncoder.Encode(Model("a1", "Alpha", "Alpha - Example", null, "https://example.com/a/", null, null, 1641989702000, null, null, [new SectionModel(null, new[] { "Alpha text." }.ToEquatableArray())], "<p>Alpha text.</p>", [], [], [], 10, 30_000_000)).Html);
    }

    [Fact]
    public void A_merged_store_orders_every_store_as_one_corpus_and_finds_across_them()
    {
        // a2 is the only dated article; the undated ones follow by Id, whichever store holds them.
        var merged = new RuntimeMergedStore(StoreB, StoreA);
        Assert.Equal(["a2", "a1", "b1"], merged.All.Select(a => a.Id));
        Assert.Same(StoreA.FindById("a1"), merged.FindById("a1"));
        Assert.Same(StoreB.FindById("b1"), merged.FindById("b1"));
        Assert.Same(StoreB.All[0], merged.FindByUrl("https://EXAMPLE.org/c/"));
        Assert.Null(merged.FindById("c1"));
        Assert.Throws<ArgumentNullException>(() => new RuntimeMergedStore((RuntimeStore[])null!));
    }

    [Fact]
    public void A_merged_store_with_the_order_made_at_compile_time_places_each_article_by_it_decoding_no_date()
    {
        // Entries are position * 2 stores + store (0 B, 1 A). The table is followed as written (b1 first here, though
        // the dates say a2), which shows that it replaces the merge; one that does not fit the stores is ignored.
        Assert.Equal(["b1", "a2", "a1"], new RuntimeMergedStore([0, 1, 3], StoreB, StoreA).All.Select(a => a.Id));
        Assert.Equal(["a2", "a1", "b1"], new RuntimeMergedStore([1, 3, 0], StoreB, StoreA).All.Select(a => a.Id));
        Assert.Equal(["a2", "a1", "b1"], new RuntimeMergedStore([1, 0], StoreB, StoreA).All.Select(a => a.Id));
        Assert.Equal(["a2", "a1", "b1"], new RuntimeMergedStore([0, 1, 5], StoreB, StoreA).All.Select(a => a.Id));
        Assert.Throws<ArgumentNullException>(() => new RuntimeMergedStore((int[])null!, StoreA));
    }

    [Fact]
    public void A_merged_store_keeps_its_own_list_of_stores()
    {
        var stores = new[] { StoreA };
        var merged = new RuntimeMergedStore(stores);
        stores[0] = StoreB;
        Assert.Equal(["a2", "a1"], merged.All.Select(a => a.Id));
    }

    [Fact]
    public void A_slot_makes_only_its_chunks_articles_the_same_instances_as_All()
    {
        // Chunk 1 is empty and shares its start with chunk 2: slot 1 is chunk 2's first article.
        var store = new RuntimeStore(typeof(DataC), [0, 1, 1, 2], [1, 0]);
        var a2 = store.ArticleAtSlot(1);
        Assert.Equal("a2", a2.Id);
        var made = (Array)typeof(RuntimeStore).GetField("_chunkArticles", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store)!;
        Assert.Equal([false, false, true], made.Cast<object?>().Select(chunk => chunk is not null));
        Assert.Same(a2, store.All[0]);
        Assert.Same(store.All[1], store.ArticleAtSlot(0));
        Assert.Equal("a1", store.ArticleAtSlot(0).Id);
    }

    [Fact]
    public void In_these_tests_a_store_reads_in_place_from_its_first_read()
    {
        // The test project's runtime configuration sets Corpus.ReadInPlaceAtOnce: the store tests read in place.
        var store = new RuntimeStore(typeof(DataB), [0, 1], [0]);
        var constants = typeof(RuntimeStore).GetField("_constants", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store)!;
        var readsInPlace = constants.GetType().GetProperty("ReadsInPlace")!;
        Assert.False((bool)readsInPlace.GetValue(constants)!);
        // Listing reads the slot table of one chunk: that first read opens the metadata.
        Assert.Equal("b1", Assert.Single(store.All).Id);
        Assert.True((bool)readsInPlace.GetValue(constants)!);
    }

    [Fact]
    public void A_data_class_without_chunks_is_a_design_time_compilation()
    {
        var store = new RuntimeStore(typeof(NoChunks), [0, 1], [0]);
        var absent = Assert.Throws<InvalidOperationException>(() => store.All);
        Assert.Equal("The corpus data is only part of full builds, not of design-time (IDE) compilations.", absent.Message);
    }

    [Fact]
    public void An_empty_corpus_has_no_articles_and_finds_none()
    {
        var store = new RuntimeStore(typeof(NoChunks), [0, 0], []);
        Assert.Empty(store.All);
        Assert.Null(store.FindById("a1"));
        Assert.Null(store.FindByUrl("https://example.com/a/"));
    }

    [Fact]
    public void Threads_loading_at_once_all_get_the_same_articles()
    {
        var store = new RuntimeStore(typeof(DataA), [0, 1, 2], [1, 0]);
        var loaded = new object[16];
        Parallel.For(0, loaded.Length, i => loaded[i] = store.Loaded);
        Assert.All(loaded, l => Assert.Same(loaded[0], l));
    }

    private static void AssertEncodes(ArticleModel model, string header, string body, string slots)
    {
        var record = RecordEncoder.Encode(model);
        Assert.Equal(header, record.Header);
        Assert.Equal(body, RecordRoundTripTests.BodyConstant(record));
        Assert.Equal(slots, ChunkLayout.Of(new[] { record }.ToEquatableArray()).SlotTable);
    }

    private static ArticleModel Model(
        string id, string title, string rawTitle, string? column, string url, string? author, string? credit, long? feed, DateValue? published, string? lead,
        SectionModel[] sections, string html, ImageModel[] images, MediaModel[] media, string[] tags, int characterCount, long readingTicks) =>
        new(
            Key: new SeedKey(id, "Member", "seeds/" + id + ".txt"),
            Title: title,
            RawTitle: rawTitle,
            Column: column,
            Url: url,
            Outlet: "example.com",
            Language: "en",
            FeedPublishedAtUnixMilliseconds: feed,
            PublishedAt: published,
            Author: author,
            Credit: credit,
            Lead: lead,
            Sections: sections.ToEquatableArray(),
            Text: ArticleText.Join(lead, sections),
            Html: html,
            Images: images.ToEquatableArray(),
            Media: media.ToEquatableArray(),
            Tags: tags.ToEquatableArray(),
            Categories: EquatableArray<string>.Empty,
            CharacterCount: characterCount,
            ReadingTimeTicks: readingTicks);

    // A data class as the emitter writes it: one nested class per chunk, its records in H (headers) and T (bodies and
    // texts) constants, and its HTML templates. Each record is written field by field, as RecordEncoder's format describes.
    internal static class DataA
    {
        internal static class Chunk0000
        {
            internal const string H0 =
                "2:a1" + "12:seeds/a1.txt" + "5:Alpha" + "15:Alpha - Example" + "~" + "22:https://example.com/a/" + "11:example.com" + "2:en" + "~" + "~"
                + "1641989702000;" + "~" + "~" + "~" + "10;" + "30000000;";

            internal const string T0 = "~" + "1;" + "~" + "1;" + "11;" + "0;" + "0;" + "0;" + "0;" + "11:Alpha text.";

            // The HTML's text run is a reference into the text: 11 characters, 0 after the start.
            internal const string Html = "<p>`0;11;</p>";

            // Five characters a number, 6 bits each from '0': header group 0 at 0, body group 0 at 0, the text at 20 (after
            // the 17 characters of the body and "11:"), 11 long ('0' + 11 = ';'), the template at 0, 13 long ('=').
            internal const string Slots = "00000" + "00000" + "00000" + "00000" + "0000D" + "0000;" + "00000" + "0000=";
        }

        internal static class Chunk0001
        {
            internal const string H0 =
                "2:a2" + "12:seeds/a2.txt" + "4:Beta" + "4:Beta" + "6:Column" + "21:https://example.com/b" + "11:example.com" + "2:en" + "6:Author" + "10:© 2022 AFP"
                + "~" + "637775846400000000;" + "60;" + "1;" + "12;" + "40000000;";

            internal const string T0 =
                "5;" + "1;" + "7;" + "1;" + "2;" + "1;" + "25:https://example.com/i.jpg" + "3:alt" + "~" + "1;" + "0;" + "31:https://www.youtube.com/embed/x"
                + "1;" + "1:t" + "0;" + "18:Lead.\n\nHeading\n\nP.";

            internal const string Html = "";

            // The text at 94 = 1 * 64 + 30 (after the 91 characters of the body and "18:"), 18 long; no template.
            internal const string Slots = "00000" + "00000" + "00000" + "00000" + "0001N" + "0000B" + "00000" + "00000";
        }
    }

    internal static class DataB
    {
        internal static class Chunk0000
        {
            internal const string H0 =
                "2:b1" + "12:seeds/b1.txt" + "5:Gamma" + "5:Gamma" + "~" + "21:https://example.org/c" + "11:example.org" + "2:en" + "~" + "~"
                + "~" + "~" + "~" + "~" + "5;" + "10000000;";

            internal const string T0 = "~" + "1;" + "~" + "1;" + "5;" + "0;" + "0;" + "0;" + "0;" + "5:Gamma";

            internal const string Html = "<p>Gamma</p>";

            // The text at 18 (16 + "5:"), 5 long; the template 12 long ('<').
            internal const string Slots = "00000" + "00000" + "00000" + "00000" + "0000B" + "00005" + "00000" + "0000<";
        }
    }

    // DataA's two articles with an empty chunk between them (no class: the generator writes none for it).
    internal static class DataC
    {
        internal static class Chunk0000
        {
            internal const string H0 = DataA.Chunk0000.H0;
            internal const string T0 = DataA.Chunk0000.T0;
            internal const string Html = DataA.Chunk0000.Html;
            internal const string Slots = DataA.Chunk0000.Slots;
        }

        internal static class Chunk0002
        {
            internal const string H0 = DataA.Chunk0001.H0;
            internal const string T0 = DataA.Chunk0001.T0;
            internal const string Html = DataA.Chunk0001.Html;
            internal const string Slots = DataA.Chunk0001.Slots;
        }
    }

    private static class NoChunks
    {
    }
}
