using System.Globalization;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

/// <summary>
/// Encodes an article as one record of the data string that the generated code decodes at run time
/// (<see cref="RuntimeSource"/> holds the matching reader). The format is text so that it fits a string literal (a
/// <c>const string</c> per chunk, see <see cref="CorpusEmitter.EmitChunk"/>); lengths count UTF-16 code units:
/// <code>
/// string   := length ':' chars       | '~'            ('~' is null)
/// number   := ['-'] digits ';'          | '~'            ('~' is null)
/// record   := number(length of header and body) header body html
/// header   := Id SeedPath Title RawTitle Column Url Outlet Language Author Credit
///             FeedMs PublishedUtcTicks PublishedOffsetMinutes PublishedPrecision CharacterCount ReadingTimeTicks number(html)
/// body     := Text number(lead) number(sections) (number(heading) number(paragraphs) number(paragraph)*)*
///             number(images) (Url Alt Caption)* number(media) (number(Kind) Url)* number(tags) Tag* number(categories) Category*
/// html     := the HTML's characters, as many as the header says
/// </code>
/// The emitter puts the html of a chunk's records into a constant of its own (<see cref="CorpusEmitter.EmitChunk"/>),
/// so that reading every title and text does not copy any HTML; an article finds its HTML by adding up the lengths
/// of the records before it.
/// Only the header is decoded when the corpus is first used; the body on first access to its members. The text is
/// stored once, the model's <c>Text</c> as the body reader built it with <see cref="ArticleText.Join(string?, System.Collections.Generic.IEnumerable{SectionModel})"/>
/// (so <c>CharacterCount</c> and <c>ReadingTime</c> describe exactly what the runtime exposes): the lead, the headings
/// and the paragraphs are given by their lengths in UTF-16 code units ('~' for a null lead or heading) and are cut out
/// of it at run time, each block at the next position after a separator, exactly as Join lays them out. So
/// <c>Text</c> is one decode, not a join, and <c>Html</c>, the bulk of a record, is read only when asked for.
/// </summary>
internal static class RecordEncoder
{
    public static string Encode(ArticleModel article)
    {
        var fields = new StringBuilder(article.Html.Length + article.Text.Length + 512);
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
        var html = WellFormed(article.Html);
        WriteNumber(fields, html.Length);

        // The text the model's counts were made from, not a join of our own: the block lengths below locate the lead,
        // headings and paragraphs in it because the body reader joined them with ArticleText.Join.
        WriteString(fields, article.Text);
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
        return body.Length.ToString(CultureInfo.InvariantCulture) + ";" + body + html;
    }

    /// <summary>Splits an encoded record into the part before its HTML and the HTML.</summary>
    public static (string Record, string Html) Split(string encoded)
    {
        var digits = encoded.IndexOf(';');
        var end = digits + 1 + int.Parse(encoded.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        return (encoded.Substring(0, end), encoded.Substring(end));
    }

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
        builder.Append(safe.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(safe);
    }

    private static void WriteNumber(StringBuilder builder, long? value)
    {
        if (value is null)
        {
            builder.Append('~');
            return;
        }

        builder.Append(value.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
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
