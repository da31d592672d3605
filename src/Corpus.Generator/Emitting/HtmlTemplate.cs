using System;
using System.Text;

namespace Corpus.Generator.Emitting;

/// <summary>
/// An article's HTML as it is stored: its markup, with each run of text that its <c>Text</c> also holds replaced by a
/// reference into that text, so that the generated code carries the words once (they were about two fifths of every
/// chunk). The runtime rebuilds the HTML on the first <c>Html</c> of the article (<c>ArticleStore.RecordReader.ReadHtml</c>,
/// src/Corpus.Runtime), with no parsing:
/// <code>
/// template  := (char | '``' | '`' number(skip) number(length))*     number := digits ';'
/// </code>
/// A reference takes <c>length</c> characters of the text, <c>skip</c> characters after the end of the previous
/// reference (the first starts at 0); <c>``</c> is one backtick of the HTML. Any other character is the HTML's own.
/// The split into runs is only a guess at what the text holds (the characters between tags and entities): a run the
/// text does not hold where it is looked for stays in the markup, so the HTML comes back exactly whatever it holds.
/// </summary>
internal static class HtmlTemplate
{
    /// <summary>Starts a reference; rare in markup, and doubled where the HTML has one.</summary>
    public const char Marker = '`';

    /// <summary>
    /// How far past the end of the previous reference a run is looked for: the text holds the HTML's runs in order, with
    /// a separator or a run the text does not hold between them, so a run is near; the bound keeps a long article's
    /// runs that are not in its text from searching the whole text each.
    /// </summary>
    private const int Window = 1024;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>The template of <paramref name="html"/> over <paramref name="text"/>.</summary>
    public static string Encode(string html, string text)
    {
        if (html.Length == 0)
        {
            return html;
        }

        var builder = t_builder ??= new StringBuilder(4096);
        builder.Clear();
        var cursor = 0;
        var i = 0;
        while (i < html.Length)
        {
            var end = html[i] switch
            {
                '<' => TagEnd(html, i),
                '&' => EntityEnd(html, i),
                _ => RunEnd(html, i),
            };

            if (html[i] is '<' or '&')
            {
                AppendMarkup(builder, html, i, end - i);
            }
            else
            {
                AppendRun(builder, html, i, end, text, ref cursor);
            }

            i = end;
        }

        var template = builder.ToString();
        if (builder.Capacity > 64 * 1024)
        {
            t_builder = null;
        }

        return template;
    }

    /// <summary>The end of the tag at <paramref name="start"/>: its closing '>' outside quoted attribute values.</summary>
    private static int TagEnd(string html, int start)
    {
        var quote = '\0';
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    /// <summary>The end of the character reference at <paramref name="start"/> (<c>&amp;amp;</c>, <c>&amp;#160;</c>), or just past the '&amp;'.</summary>
    private static int EntityEnd(string html, int start)
    {
        var i = start + 1;
        while (i < html.Length && i - start <= 32 && (char.IsLetterOrDigit(html[i]) || html[i] == '#'))
        {
            i++;
        }

        return i < html.Length && html[i] == ';' ? i + 1 : start + 1;
    }

    private static int RunEnd(string html, int start)
    {
        var i = start;
        while (i < html.Length && html[i] is not ('<' or '&'))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// A run of characters between tags, as references where the text holds its pieces: the text has no whitespace but
    /// single spaces between words, so the run is cut at any other whitespace (the indentation around a block, a line
    /// break inside a paragraph), which stays in the markup.
    /// </summary>
    private static void AppendRun(StringBuilder builder, string html, int start, int end, string text, ref int cursor)
    {
        var i = start;
        while (i < end)
        {
            var pieceEnd = i;
            while (pieceEnd < end && !IsCut(html, pieceEnd, start, end))
            {
                pieceEnd++;
            }

            if (pieceEnd > i && !TryReference(builder, html, i, pieceEnd - i, text, ref cursor))
            {
                AppendMarkup(builder, html, i, pieceEnd - i);
            }

            var cutEnd = pieceEnd;
            while (cutEnd < end && IsCut(html, cutEnd, start, end))
            {
                cutEnd++;
            }

            AppendMarkup(builder, html, pieceEnd, cutEnd - pieceEnd);
            i = cutEnd;
        }
    }

    /// <summary>Whitespace other than one space between two characters that are not whitespace.</summary>
    private static bool IsCut(string html, int i, int start, int end) =>
        char.IsWhiteSpace(html[i])
        && (html[i] != ' ' || i == start || i + 1 == end || char.IsWhiteSpace(html[i - 1]) || char.IsWhiteSpace(html[i + 1]));

    /// <summary>A reference to the run, if the text holds it near the cursor and the reference is shorter than the run.</summary>
    private static bool TryReference(StringBuilder builder, string html, int start, int length, string text, ref int cursor)
    {
        // '`' + at least "0;" + the length's digits + ';'
        if (length <= 5 || cursor >= text.Length)
        {
            return false;
        }

        var run = html.AsSpan(start, length);
        var found = Find(text, cursor, run);
        if (found < 0)
        {
            return false;
        }

        // Two numbers of the record format, which the runtime reads back with its RecordReader.ReadNumber; taken back
        // when they are no shorter than the run itself.
        var before = builder.Length;
        builder.Append(Marker);
        RecordEncoder.WriteNumber(builder, found - cursor);
        RecordEncoder.WriteNumber(builder, length);
        if (builder.Length - before >= length)
        {
            builder.Length = before;
            return false;
        }

        cursor = found + length;
        return true;
    }

    /// <summary>
    /// The first place from <paramref name="cursor"/> where <paramref name="text"/> holds <paramref name="run"/>, within
    /// <see cref="Window"/>; -1 when it does not. Most runs start right there or after the blank line between blocks,
    /// which are tried first (the same first place, without a search).
    /// </summary>
    private static int Find(string text, int cursor, ReadOnlySpan<char> run)
    {
        for (var at = cursor; at <= cursor + 2 && at + run.Length <= text.Length; at++)
        {
            if (text.AsSpan(at, run.Length).SequenceEqual(run))
            {
                return at;
            }
        }

        var found = text.AsSpan(cursor, Math.Min(text.Length - cursor, run.Length + Window)).IndexOf(run);
        return found < 0 ? -1 : cursor + found;
    }

    private static void AppendMarkup(StringBuilder builder, string html, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (html[i] == Marker)
            {
                builder.Append(Marker);
            }

            builder.Append(html[i]);
        }
    }
}
