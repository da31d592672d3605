extern alias CorpusRuntime;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using CsCheck;
using Article = CorpusRuntime::Article;
using Chars = CorpusRuntime::CompiledConstants.Chars;
using Constant = CorpusRuntime::CompiledConstants.Constant;
using RecordReader = CorpusRuntime::ArticleStore.RecordReader;
using RuntimeChunk = CorpusRuntime::ArticleStore.Chunk;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// <see cref="RecordEncoder"/> against the compiled runtime's decoder, with no compiler in the loop: every field of
/// random articles comes back as it went in, after the one documented change (a lone surrogate becomes U+FFFD).
/// </summary>
public sealed class RecordRoundTripTests
{
    /// <summary>The format's own delimiters and digits, separators, escapes, pairs and lone surrogates.</summary>
    private static readonly string[] Pieces =
    [
        ":", ";", "~", "-", "0", "9", "12:", "3;", "\n\n", "\n", "\r\n", "\"", "\\", "中文", "\U0001F600", "\uD800", "\uDFFF",
        "\uFFFD", " ", "a", "\0", "\u2028", "<p>", "`", "&",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Int[0, Pieces.Length - 1].Array[0, 10].Select(indexes => string.Concat(indexes.Select(i => Pieces[i]))),
        Gen.String);

    private static readonly Gen<string?> NullableText = Gen.Select(Gen.Int[0, 3], Text, (n, text) => n == 0 ? null : text);

    private static readonly Gen<SectionModel> Section =
        Gen.Select(NullableText, Text.Array[0, 4], (heading, paragraphs) => new SectionModel(heading, paragraphs.ToEquatableArray()));

    private static readonly Gen<DateValue?> PublishedAt = Gen.Select(Gen.Int[0, 3], Gen.DateTimeOffset, Gen.Int[0, 2], (n, value, precision) => n == 0 ? null : DateValue.From(value, precision));

    // The range DateTimeOffset.FromUnixTimeMilliseconds accepts.
    private static readonly Gen<long?> FeedMilliseconds = Gen.Select(Gen.Int[0, 3], Gen.Long[-62_135_596_800_000, 253_402_300_799_999], (n, ms) => n == 0 ? null : (long?)ms);

    private static readonly Gen<ArticleModel> Model = Gen.Select(
        Gen.Select(Text, Text, Text, Text, NullableText, Text, Text, Text),
        Gen.Select(NullableText, NullableText, FeedMilliseconds, PublishedAt, NullableText, Section.Array[0, 4]),
        Gen.Select(
            Text,
            Gen.Select(Text, NullableText, NullableText, (url, alt, caption) => new ImageModel(url, alt, caption)).Array[0, 3],
            Gen.Select(Gen.Int[0, 2], Text, (kind, url) => new MediaModel(kind, url)).Array[0, 3],
            Text.Array[0, 3],
            Text.Array[0, 3],
            Gen.Int,
            Gen.Long),
        (identity, dates, rest) => new ArticleModel(
            Key: new SeedKey(identity.Item1, "Member", identity.Item2),
            Title: identity.Item3,
            RawTitle: identity.Item4,
            Column: identity.Item5,
            Url: identity.Item6,
            Outlet: identity.Item7,
            Language: identity.Item8,
            FeedPublishedAtUnixMilliseconds: dates.Item3,
            PublishedAt: dates.Item4,
            Author: dates.Item1,
            Credit: dates.Item2,
            Lead: dates.Item5,
            Sections: dates.Item6.ToEquatableArray(),
            Text: ArticleText.Join(dates.Item5, dates.Item6),
            Html: rest.Item1,
            Images: rest.Item2.ToEquatableArray(),
            Media: rest.Item3.ToEquatableArray(),
            Tags: rest.Item4.ToEquatableArray(),
            Categories: rest.Item5.ToEquatableArray(),
            CharacterCount: rest.Item6,
            ReadingTimeTicks: rest.Item7));

    [Fact]
    public void Every_field_of_random_articles_comes_back_from_a_group_of_records()
    {
        // A chunk as the emitter lays it out (ChunkLayout): each article finds its values through the slot table.
        Model.Array[1, 4].Sample(models => AssertChunk(models, models.Select(RecordEncoder.Encode).ToList()));
    }

    [Fact]
    public void Every_article_of_a_chunk_of_many_groups_finds_its_values_through_the_slot_table()
    {
        // Titles and texts long enough that the headers and the bodies each fill several groups of about 16 K characters.
        var models = Model.Array[30, 40].Select(Gen.String[600, 1200].Array[60], (articles, long_) => articles.Select((a, i) => a with
        {
            Title = long_[i] + a.Title,
            Lead = long_[i + 1],
            Sections = EquatableArray<SectionModel>.Empty,
            Text = ArticleText.Join(long_[i + 1], []),
        }).ToArray());
        models.Sample(sample =>
        {
            var records = sample.Select(RecordEncoder.Encode).ToList();
            var layout = ChunkLayout.Of(records.ToEquatableArray());
            Assert.True(layout.HeaderStarts.Count > 1 && layout.BodyStarts.Count > 1, layout.HeaderStarts.Count + " / " + layout.BodyStarts.Count);
            AssertChunk(sample, records);
        }, iter: 20);
    }

    private static void AssertChunk(ArticleModel[] models, List<ArticleRecord> records)
    {
        var chunk = ChunkOf(records);
        for (var i = 0; i < models.Length; i++)
        {
            var article = new Article(chunk, i);
            AssertHeader(models[i], article);
            AssertBody(models[i], chunk.Body(i));
            Assert.Same(chunk.Body(i).Text, article.Text);
            Assert.Equal(WellFormed(models[i].Html), article.Html);
        }
    }

    /// <summary>Markup around the blocks of a text, with the template format's own characters in it.</summary>
    private static readonly string[] Markup =
    [
        "<p>", "</p>", "<h2 class=\"a>b\">", "</h2>", "<div title='`0;3;'>", "</div>", "`", "``", "`0;", "&amp;", "&#160;", "&", "&x",
        "<br>", "\n  ", "<a href=\"https://example.com/?q=1&amp;r=2\">", "</a>", "<img alt=\"", "\uD800",
    ];

    [Fact]
    public void An_articles_HTML_comes_back_from_its_template_over_its_text()
    {
        // HTML made of the text's own blocks, some cut into pieces, inside and between random markup: as the body reader's
        // HTML holds its text, and as it does not (a block with an entity where the text has its character).
        var html = Gen.Select(Section.Array[0, 4], Gen.Int[0, Markup.Length - 1].Array[0, 40], Gen.Int[0, 3].Array[0, 40], (sections, markup, cuts) =>
        {
            var blocks = sections.SelectMany(s => new[] { s.Heading ?? string.Empty }.Concat(s.Paragraphs)).ToList();
            var builder = new StringBuilder();
            for (var i = 0; i < Math.Max(blocks.Count, markup.Length); i++)
            {
                if (i < markup.Length)
                {
                    builder.Append(Markup[markup[i]]);
                }

                if (i < blocks.Count)
                {
                    var block = blocks[i];
                    var cut = i < cuts.Length ? cuts[i] : 0;
                    builder.Append(cut switch
                    {
                        1 => block[..(block.Length / 2)] + "<b>" + block[(block.Length / 2)..] + "</b>",
                        2 => block.Replace("a", "&amp;", StringComparison.Ordinal),
                        _ => block,
                    });
                }
            }

            return (Model: Article(null, sections) with { Html = builder.ToString() }, Html: builder.ToString());
        });

        html.Sample(sample =>
        {
            var record = RecordEncoder.Encode(sample.Model);
            Assert.Equal(WellFormed(sample.Html), RecordReader.ReadHtml(record.Html, 0, record.Html.Length, record.Text));
        });
    }

    [Fact]
    public void A_template_holds_the_markup_and_refers_to_the_text_for_its_words()
    {
        var model = Article("The lead of the article", [new SectionModel("A heading here", new[] { "First paragraph, long enough.", "Tiny" }.ToEquatableArray())]) with
        {
            Html = "<p class=\"lead\">The lead of the article</p><h2>A heading here</h2><p>First paragraph, long enough.</p><p>Tiny</p><p>Not in `the` text</p>",
        };

        var record = RecordEncoder.Encode(model);

        // Lead at 0; the heading 2 after it (the blank line between blocks); the paragraph 2 after that; "Tiny" is shorter
        // than a reference; the last run is not in the text, and its backticks are doubled.
        Assert.Equal("<p class=\"lead\">`0;23;</p><h2>`2;14;</h2><p>`2;29;</p><p>Tiny</p><p>Not in ``the`` text</p>", record.Html);
        Assert.Equal(model.Html, RecordReader.ReadHtml("x" + record.Html + "y", 1, record.Html.Length, record.Text));
    }

    [Fact]
    public void A_run_stays_markup_when_its_reference_would_be_no_shorter()
    {
        // Both runs are six characters. The lead is at the cursor: "`0;6;" is five. The last paragraph is 36 characters
        // further on (after "\n\n", the 32-character paragraph the HTML leaves out and "\n\n"): "`36;6;" would be six.
        var model = Article("Abcdef", [new SectionModel(null, new[] { "A paragraph the HTML leaves out.", "Ghijkl" }.ToEquatableArray())]) with
        {
            Html = "<p>Abcdef</p><p>Ghijkl</p>",
        };

        var record = RecordEncoder.Encode(model);

        Assert.Equal("<p>`0;6;</p><p>Ghijkl</p>", record.Html);
        Assert.Equal(model.Html, RecordReader.ReadHtml(record.Html, 0, record.Html.Length, record.Text));
    }

    [Fact]
    public void A_long_text_of_many_blocks_is_cut_back_into_its_blocks()
    {
        // About 1.2 million characters in 2,000 paragraphs under 40 headings, with pairs, CJK and the separator's own characters.
        var sections = Enumerable.Range(0, 40)
            .Select(s => new SectionModel(
                s == 0 ? null : "Heading " + s,
                Enumerable.Range(0, 50).Select(p => string.Concat(Enumerable.Repeat($"{s}.{p} 中文\U0001F600\n", 60))).ToEquatableArray()))
            .ToList();
        var model = Article("Lead\n\nwith a blank line inside", sections);

        var body = ChunkOf([RecordEncoder.Encode(model)]).Body(0);

        Assert.True(body.Text.Length > 1_000_000, body.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertBody(model, body);
    }

    [Fact]
    public void Null_and_empty_values_stay_apart()
    {
        var model = Article(string.Empty, [new SectionModel(null, new[] { string.Empty, "p" }.ToEquatableArray()), new SectionModel(string.Empty, EquatableArray<string>.Empty)]) with
        {
            Column = string.Empty,
            Author = null,
            Credit = string.Empty,
            Images = new[] { new ImageModel(string.Empty, null, string.Empty) }.ToEquatableArray(),
            Tags = new[] { string.Empty }.ToEquatableArray(),
        };

        var chunk = ChunkOf([RecordEncoder.Encode(model)]);
        var article = new Article(chunk, 0);
        var body = chunk.Body(0);

        Assert.Equal(string.Empty, article.Column);
        Assert.Null(article.Author);
        Assert.Equal(string.Empty, article.Credit);
        Assert.Equal(string.Empty, body.Lead);
        Assert.Null(body.Sections[0].Heading);
        Assert.Equal([string.Empty, "p"], body.Sections[0].Paragraphs);
        Assert.Equal(string.Empty, body.Sections[1].Heading);
        Assert.Empty(body.Sections[1].Paragraphs);
        Assert.Null(body.Images[0].Alt);
        Assert.Equal(string.Empty, body.Images[0].Caption);
        Assert.Equal([string.Empty], body.Tags);
        Assert.Equal("p", body.Text);
    }

    /// <summary>
    /// A chunk over its constants as the emitter writes them (<see cref="CorpusEmitter.EmitChunk"/>): the groups of the
    /// layout, the slot table and the HTML templates, held in strings here instead of a compiled class.
    /// </summary>
    internal static RuntimeChunk ChunkOf(IReadOnlyList<ArticleRecord> records)
    {
        var layout = ChunkLayout.Of(records.ToEquatableArray());
        var constants = new List<Constant>
        {
            new(ArticleStore.DataNames.Slots, new Chars(layout.SlotTable)),
            new(ArticleStore.DataNames.Html, new Chars(string.Concat(records.Select(r => r.Html)))),
        };
        Add(ArticleStore.DataNames.Headers, layout.HeaderStarts, r => r.Header);
        Add(ArticleStore.DataNames.Bodies, layout.BodyStarts, BodyConstant);
        return new RuntimeChunk([.. constants], records.Count);

        void Add(char prefix, IReadOnlyList<int> starts, Func<ArticleRecord, string> value)
        {
            for (var group = 0; group < starts.Count; group++)
            {
                var end = group + 1 < starts.Count ? starts[group + 1] : records.Count;
                var name = prefix + starts[group].ToString(System.Globalization.CultureInfo.InvariantCulture);
                constants.Add(new(name, new Chars(string.Concat(records.Skip(starts[group]).Take(end - starts[group]).Select(value)))));
            }
        }
    }

    /// <summary>What a body constant of the chunk holds for one article: its body record, then its text as a string.</summary>
    internal static string BodyConstant(ArticleRecord record) => record.Body + record.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + record.Text;

    /// <summary>A string after UTF-8 and back: the .NET encoder's replacement of each lone surrogate by U+FFFD, the runtime's promise.</summary>
    internal static string? WellFormed(string? value) => value is null ? null : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    internal static ArticleModel Article(string? lead, IReadOnlyList<SectionModel> sections) => new(
        Key: new SeedKey("id", "Member", "seeds/id.txt"),
        Title: "Title",
        RawTitle: "Title",
        Column: null,
        Url: "https://example.com/",
        Outlet: "example.com",
        Language: "en",
        FeedPublishedAtUnixMilliseconds: null,
        PublishedAt: null,
        Author: null,
        Credit: null,
        Lead: lead,
        Sections: sections.ToEquatableArray(),
        Text: ArticleText.Join(lead, sections),
        Html: "<p>html</p>",
        Images: EquatableArray<ImageModel>.Empty,
        Media: EquatableArray<MediaModel>.Empty,
        Tags: EquatableArray<string>.Empty,
        Categories: EquatableArray<string>.Empty,
        CharacterCount: 0,
        ReadingTimeTicks: 0);

    internal static void AssertHeader(ArticleModel model, Article article)
    {
        Assert.Equal(WellFormed(model.Key.Id), article.Id);
        Assert.Equal(WellFormed(model.Key.SeedPath), article.SeedPath);
        Assert.Equal(WellFormed(model.Title), article.Title);
        Assert.Equal(WellFormed(model.RawTitle), article.RawTitle);
        Assert.Equal(WellFormed(model.Column), article.Column);
        Assert.Equal(WellFormed(model.Url), article.UrlText);
        Assert.Equal(WellFormed(model.Outlet), article.Outlet);
        Assert.Equal(WellFormed(model.Language), article.Language);
        Assert.Equal(WellFormed(model.Author), article.Author);
        Assert.Equal(WellFormed(model.Credit), article.Credit);
        Assert.Equal(model.FeedPublishedAtUnixMilliseconds, article.FeedPublishedAt?.ToUnixTimeMilliseconds());
        Assert.True(article.FeedPublishedAt is null || article.FeedPublishedAt.Value.Offset == TimeSpan.Zero);
        Assert.Equal(model.PublishedAt?.UtcTicks, article.PublishedAt?.UtcTicks);
        Assert.Equal(model.PublishedAt?.OffsetMinutes, (int?)article.PublishedAt?.Offset.TotalMinutes);
        Assert.Equal(model.PublishedAt?.Precision, (int?)article.PublishedAtPrecision);
        Assert.Equal(model.CharacterCount, article.CharacterCount);
        Assert.Equal(model.ReadingTimeTicks, article.ReadingTime.Ticks);
    }

    internal static void AssertBody(ArticleModel model, Article.ArticleBody body)
    {
        Assert.Equal(WellFormed(model.Text), body.Text);
        Assert.Equal(WellFormed(model.Lead), body.Lead);
        Assert.Equal(model.Sections.Count, body.Sections.Count);
        for (var s = 0; s < model.Sections.Count; s++)
        {
            Assert.Equal(WellFormed(model.Sections[s].Heading), body.Sections[s].Heading);
            Assert.Equal(model.Sections[s].Paragraphs.Select(WellFormed), body.Sections[s].Paragraphs);
        }

        Assert.Equal(model.Sections.SelectMany(s => s.Paragraphs).Select(WellFormed), body.Paragraphs);
        Assert.Equal(model.Images.Select(i => (WellFormed(i.Url), WellFormed(i.Alt), WellFormed(i.Caption))), body.Images.Select(i => ((string?)i.ToString(), i.Alt, i.Caption)));
        // A random address is no Uri: ToString gives the kind and the address as stored.
        Assert.Equal(model.Media.Select(m => (m.Kind, WellFormed(m.Url))), body.Media.Select(m => ((int)m.Kind, (string?)m.ToString()[(m.Kind.ToString().Length + 1)..])));
        Assert.Equal(model.Tags.Select(WellFormed), body.Tags);
        Assert.Equal(model.Categories.Select(WellFormed), body.Categories);
    }
}
