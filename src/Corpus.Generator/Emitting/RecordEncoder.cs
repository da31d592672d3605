using System;
using System.Globalization;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

/// <summary>
/// Encodes an article for the data the generated code decodes at run time (the matching reader is the runtime's
/// <c>ArticleStore.RecordReader</c>, src/Corpus.Runtime): a header, a body, the text as it is and the HTML as a
/// <see cref="HtmlTemplate"/> over that text, which the emitter lays out in constants
/// (<see cref="CorpusEmitter.EmitChunk"/>). The format is text so that it fits a string literal; lengths count UTF-16
/// code units:
/// <code>
/// string   := length ':' chars       | '~'            ('~' is null)
/// number   := ['-'] digits ';'          | '~'            ('~' is null)
/// header   := Id SeedPath Title RawTitle Column Url Outlet Language Author Credit
///             FeedMs PublishedUtcTicks PublishedOffsetMinutes PublishedPrecision CharacterCount ReadingTimeTicks
/// body     := number(lead) number(sections) (number(heading) number(paragraphs) number(paragraph)*)*
///             number(images) (Url Alt Caption)* number(media) (number(Kind) Url)* number(tags) Tag* number(categories) Category*
/// </code>
/// The emitter writes the headers of a few consecutive articles into one constant, their bodies each followed by its
/// text (as a string) into another, and the HTML templates of the whole chunk into a third; the chunk's slot table
/// (<see cref="ChunkLayout"/>) says where each article's header, body, text and template are. Reading every title and
/// text then copies little but the kept strings. Listing reads no record; a header value is decoded on its first use,
/// a body on first access to its members. The text is
/// the model's <c>Text</c> as the body reader built it with <see cref="ArticleText.Join(string?, System.Collections.Generic.IEnumerable{SectionModel})"/>
/// (so <c>CharacterCount</c> and <c>ReadingTime</c> describe exactly what the runtime exposes): the lead, the headings
/// and the paragraphs are given by their lengths in UTF-16 code units ('~' for a null lead or heading) and are cut out
/// of it at run time, each block at the next position after a separator, exactly as Join lays them out.
/// </summary>
internal static class RecordEncoder
{
    /// <summary>
    /// The version of this format. A shard carries it (<c>CorpusShardAttribute</c>) and Corpus.Runtime reads one:
    /// an app whose generator writes another is told at build time (CORPUS018). Raise it with any change to the records.
    /// </summary>
    public const int FormatVersion = 3;

    // Records are encoded one after the other on each pipeline thread: one builder per thread, reused, instead of a
    // new one per record.
    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static ArticleRecord Encode(ArticleModel article)
    {
        var fields = t_builder ??= new StringBuilder(4096);
        fields.Clear();
        WriteString(fields, article.Key.Id);
        WriteString(fields, article.Key.SeedPath);
        WriteString(fields, article.Title);
        WriteString(fields, article.RawTitle);
        WriteString(fields, article.Column);
        WriteString(fields, article.Url);
        WriteString(fields, article.Outlet);
        WriteString(fields, article.Language);
        WriteString(fields, article.Author);
        WriteString(fields, article.Credit);
        WriteNumber(fields, article.FeedPublishedAtUnixMilliseconds);
        WriteNumber(fields, article.PublishedAt?.UtcTicks);
        WriteNumber(fields, article.PublishedAt?.OffsetMinutes);
        WriteNumber(fields, article.PublishedAt?.Precision);
        WriteNumber(fields, article.CharacterCount);
        WriteNumber(fields, article.ReadingTimeTicks);
        var text = WellFormed(article.Text);
        var html = HtmlTemplate.Encode(WellFormed(article.Html), text);
        var header = fields.ToString();
        fields.Clear();

        // The text is the one the model's counts were made from, not a join of our own: the block lengths below locate
        // the lead, headings and paragraphs in it because the body reader joined them with ArticleText.Join.
        WriteNumber(fields, article.Lead?.Length);
        WriteNumber(fields, article.Sections.Count);
        foreach (var section in article.Sections)
        {
            WriteNumber(fields, section.Heading?.Length);
            WriteNumber(fields, section.Paragraphs.Count);
            foreach (var paragraph in section.Paragraphs)
            {
                WriteNumber(fields, paragraph.Length);
            }
        }

        WriteNumber(fields, article.Images.Count);
        foreach (var image in article.Images)
        {
            WriteString(fields, image.Url);
            WriteString(fields, image.Alt);
            WriteString(fields, image.Caption);
        }

        WriteNumber(fields, article.Media.Count);
        foreach (var media in article.Media)
        {
            WriteNumber(fields, media.Kind);
            WriteString(fields, media.Url);
        }

        WriteList(fields, article.Tags);
        WriteList(fields, article.Categories);

        var body = fields.ToString();
        if (fields.Capacity > MaxPooledCapacity)
        {
            t_builder = null;
        }

        return new ArticleRecord(article.Key, header, body, text, html);
    }

    // A record with hundreds of images could grow the pooled builder a lot; such a builder is not kept.
    private const int MaxPooledCapacity = 64 * 1024;

    private static void WriteList(StringBuilder builder, EquatableArray<string> values)
    {
        WriteNumber(builder, values.Count);
        foreach (var value in values)
        {
            WriteString(builder, value);
        }
    }

    private static void WriteString(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append('~');
            return;
        }

        var safe = WellFormed(value);
        AppendDigits(builder, safe.Length).Append(':').Append(safe);
    }

    /// <summary>A number of the format (<c>['-'] digits ';'</c>, <c>'~'</c> for null); <see cref="HtmlTemplate"/> writes its references with it.</summary>
    internal static void WriteNumber(StringBuilder builder, long? value)
    {
        if (value is null)
        {
            builder.Append('~');
            return;
        }

        AppendDigits(builder, value.Value).Append(';');
    }

    private static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The invariant decimal form of <paramref name="value"/>, written in place: StringBuilder.Append(long) would
    /// format with the current culture (its negative sign), and ToString would allocate a string per number.
    /// </summary>
    private static StringBuilder AppendDigits(StringBuilder builder, long value)
    {
        if (value < 0)
        {
            if (value == long.MinValue)
            {
                return builder.Append(Digits(value));
            }

            builder.Append('-');
            value = -value;
        }

        var divisor = 1L;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }

        for (; divisor > 0; divisor /= 10)
        {
            builder.Append((char)('0' + (value / divisor)));
            value %= divisor;
        }

        return builder;
    }

    /// <summary>
    /// A lone surrogate becomes U+FFFD, as a UTF-8 decoder would make of it, so that every string the generated code
    /// hands out is well-formed (the constant itself could hold one: <see cref="CSharpLiteral"/> escapes it). One
    /// character for one, so the block lengths stay true. Text that went through <see cref="Text.TextNormalizer"/> never has one.
    /// </summary>
    public static string WellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            return Replace(value);
        }

        return value;

        static string Replace(string value)
        {
            var builder = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    builder.Append(c).Append(value[i + 1]);
                    i++;
                }
                else
                {
                    builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                }
            }

            return builder.ToString();
        }
    }
}
