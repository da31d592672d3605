using System.Globalization;
using System.Text;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

/// <summary>
/// Encodes an article as one record of the UTF-8 data blob that the generated code decodes at run time
/// (<see cref="RuntimeSource"/> holds the matching reader). The format is text so that it fits a <c>"…"u8</c> literal:
/// <code>
/// string   := byte-length ':' utf8-bytes | '~'            ('~' is null)
/// number   := ['-'] digits ';'          | '~'            ('~' is null)
/// record   := number(length of the rest in bytes) header body
/// header   := Id SeedPath Title RawTitle Column Url Outlet Language Author Credit
///             FeedMs PublishedUtcTicks PublishedOffsetMinutes PublishedPrecision CharacterCount ReadingTimeTicks
/// body     := Lead Html number(sections) (Heading number(paragraphs) Paragraph*)* number(images) (Url Alt Caption)*
///             number(media) (number(Kind) Url)* number(tags) Tag* number(categories) Category*
/// </code>
/// Only the header is decoded when the corpus is first used; the body is decoded on first access to its members.
/// Text is not stored: it is rebuilt from the lead and sections, blocks separated by a blank line, as the body reader builds it.
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

        WriteString(fields, article.Lead);
        WriteString(fields, article.Html);
        WriteNumber(fields, article.Sections.Count);
        foreach (var section in article.Sections)
        {
            WriteString(fields, section.Heading);
            WriteNumber(fields, section.Paragraphs.Count);
            foreach (var paragraph in section.Paragraphs)
            {
                WriteString(fields, paragraph);
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
        return Utf8Length(body).ToString(CultureInfo.InvariantCulture) + ";" + body;
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
        builder.Append(Utf8Length(safe).ToString(CultureInfo.InvariantCulture)).Append(':').Append(safe);
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

    /// <summary>UTF-8 byte count of well-formed UTF-16 (every string written here has been made well-formed).</summary>
    public static int Utf8Length(string value)
    {
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80)
            {
                length += 1;
            }
            else if (c < 0x800)
            {
                length += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                length += 4;
                i++;
            }
            else
            {
                length += 3;
            }
        }

        return length;
    }

    /// <summary>
    /// A lone surrogate cannot be written as UTF-8 (nor in a u8 literal, CS9026); it becomes U+FFFD, as a UTF-8 decoder
    /// would make of it. Text that went through <see cref="Text.TextNormalizer"/> never has one.
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
