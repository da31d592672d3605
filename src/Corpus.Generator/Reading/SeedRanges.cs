using System;

namespace Corpus.Generator.Reading;

/// <summary>Ranges of a seed's text that findings point at (lines split at LF only, as seeds are).</summary>
internal static class SeedRanges
{
    /// <summary>The first line, at most 200 characters of it.</summary>
    public static TextRange FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        var length = end < 0 ? text.Length : end;
        return TextRange.At(0, 0, Math.Min(length, 200));
    }

    /// <summary>The one-character range at a character offset of the text.</summary>
    public static TextRange PointAt(string text, int offset)
    {
        offset = Math.Max(0, Math.Min(offset, text.Length));
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return TextRange.At(line, offset - lineStart, offset < text.Length ? 1 : 0);
    }

    /// <summary>Maps a range of the body string to the seed; the body is one line in practice but may hold more if edited by hand.</summary>
    public static TextRange InBody(Seed seed, int offset, int length)
    {
        var start = BodyPoint(seed, offset);
        var end = BodyPoint(seed, offset + Math.Max(0, length));
        return new TextRange(start, end);
    }

    private static TextPoint BodyPoint(Seed seed, int offset)
    {
        var body = seed.Body;
        offset = Math.Max(0, Math.Min(offset, body.Length));
        var line = seed.BodyStart.Line;
        var column = seed.BodyStart.Column;
        for (var i = 0; i < offset; i++)
        {
            if (body[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        return new TextPoint(line, column);
    }
}
