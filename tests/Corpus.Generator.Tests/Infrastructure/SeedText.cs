using System;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>Maps reader positions back to the text, independently of the reader: lines split on LF only.</summary>
internal static class SeedText
{
    public static int Offset(string text, TextPoint point)
    {
        var offset = 0;
        for (var line = 0; line < point.Line; line++)
        {
            var newline = text.IndexOf('\n', offset);
            if (newline < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(point), point, "the text has fewer lines");
            }

            offset = newline + 1;
        }

        var lineEnd = text.IndexOf('\n', offset);
        if (point.Column < 0 || point.Column > (lineEnd < 0 ? text.Length : lineEnd) - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, "the column is outside its line");
        }

        return offset + point.Column;
    }

    public static string Slice(string text, TextRange range)
    {
        var start = Offset(text, range.Start);
        var end = Offset(text, range.End);
        Assert.True(start <= end, $"range {range} runs backwards");
        return text.Substring(start, end - start);
    }
}
