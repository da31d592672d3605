extern alias CorpusRuntime;
extern alias CorpusRuntimeLibrary;

using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using RecordReader = CorpusRuntime::ArticleStore.RecordReader;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The record format is pinned to <see cref="RecordEncoder.FormatVersion"/>: one reference article, encoded, must give
/// the record written down here for that version, and the runtime's reader must read that record back. A change to
/// either side of the format (Emitting/RecordEncoder, src/Corpus.Runtime/ArticleStore.RecordReader.cs) fails here until
/// the version is raised and the record below written again for it (old shards are then told apart: CORPUS018).
/// </summary>
public sealed class RecordFormatVersionTests
{
    /// <summary>The version the records below are written in.</summary>
    private const int RecordedVersion = 3;

    /// <summary>
    /// Every kind of field: null and set strings, numbers with a sign, a date with an offset, sections with and without
    /// a heading, an image, a medium, tags and categories with the format's own delimiters in them.
    /// </summary>
    private static readonly ArticleModel Reference = CreateReference();

    // Checked by hand against the grammar in RecordEncoder's summary: strings as length ':' chars, '~' for null,
    // numbers as digits ';'. Header: Id, SeedPath, Title, RawTitle, Column, Url, Outlet, Language, Author, Credit (null),
    // FeedMs, PublishedUtcTicks, offset minutes (-300), precision, CharacterCount, ReadingTimeTicks. (Version 3: the
    // template's length moved from the header to the chunk's slot table.)
    private const string Header =
        "6:000_a1" + "16:seeds/000_a1.txt" + "8:Title 中文" + "17:Title 中文 | Outlet" + "6:Column" + "25:https://example.com/a?b=1" + "11:example.com" + "2:zh" + "2:作者" + "~"
        + "-1000;" + "637766784000000000;" + "-300;" + "1;" + "19;" + "40000000;";

    // Lead length 5; 2 sections: null heading with 2 paragraphs (3, 7), heading of 2 with 1 paragraph (2); 1 image
    // (URL, alt, null caption); 1 medium of kind 1; 1 tag; 2 categories.
    private const string Body =
        "5;" + "2;" + "~" + "2;" + "3;" + "7;" + "2;" + "1;" + "2;"
        + "1;" + "25:https://example.com/i.jpg" + "3:Alt" + "~" + "1;" + "1;" + "25:https://example.com/v.mp4" + "1;" + "3:tag" + "2;" + "3:a:b" + "0:";

    private const string Text = "Lead.\n\n一二三\n\nPara 2;\n\nH:\n\n~x";

    // The third paragraph is 12 characters into the text and 7 long; the shorter blocks stay markup.
    private const string Html = "<p>Lead.</p><p>一二三</p><p>`12;7;</p><h2>H:</h2><p>~x</p>";

    [Fact]
    public void The_format_version_is_the_one_the_reference_record_was_written_in()
    {
        // Raising the version is right when the format changed: write the reference record again below, by hand.
        Assert.Equal(RecordedVersion, RecordEncoder.FormatVersion);
        Assert.Equal(RecordEncoder.FormatVersion, CorpusRuntimeLibrary::Corpus.CorpusShardAttribute.ReadableFormat);
    }

    [Fact]
    public void The_encoder_writes_the_reference_record_of_its_version()
    {
        var record = RecordEncoder.Encode(Reference);

        Assert.Equal(Header, record.Header);
        Assert.Equal(Body, record.Body);
        Assert.Equal(Text, record.Text);
        Assert.Equal(Html, record.Html);
    }

    [Fact]
    public void The_runtime_reads_the_reference_record_of_its_version()
    {
        var chunk = RecordRoundTripTests.ChunkOf([new ArticleRecord(Reference.Key, Header, Body, Text, Html)]);
        var article = new CorpusRuntime::Article(chunk, 0);

        RecordRoundTripTests.AssertHeader(Reference, article);
        RecordRoundTripTests.AssertBody(Reference, chunk.Body(0));
        Assert.Equal(Reference.Html, article.Html);
        Assert.Equal(Reference.Html, RecordReader.ReadHtml(Html, 0, Html.Length, article.Text));
    }

    private static ArticleModel CreateReference()
    {
        var lead = "Lead.";
        var sections = new[]
        {
            new SectionModel(null, new[] { "一二三", "Para 2;" }.ToEquatableArray()),
            new SectionModel("H:", new[] { "~x" }.ToEquatableArray()),
        };
        return new ArticleModel(
            Key: new SeedKey("000_a1", "Member", "seeds/000_a1.txt"),
            Title: "Title 中文",
            RawTitle: "Title 中文 | Outlet",
            Column: "Column",
            Url: "https://example.com/a?b=1",
            Outlet: "example.com",
            Language: "zh",
            FeedPublishedAtUnixMilliseconds: -1_000,
            PublishedAt: new DateValue(637_766_784_000_000_000, -300, 1),
            Author: "作者",
            Credit: null,
            Lead: lead,
            Sections: sections.ToEquatableArray(),
            Text: ArticleText.Join(lead, sections),
            Html: "<p>Lead.</p><p>一二三</p><p>Para 2;</p><h2>H:</h2><p>~x</p>",
            Images: new[] { new ImageModel("https://example.com/i.jpg", "Alt", null) }.ToEquatableArray(),
            Media: new[] { new MediaModel(1, "https://example.com/v.mp4") }.ToEquatableArray(),
            Tags: new[] { "tag" }.ToEquatableArray(),
            Categories: new[] { "a:b", string.Empty }.ToEquatableArray(),
            CharacterCount: 19,
            ReadingTimeTicks: 40_000_000);
    }
}
