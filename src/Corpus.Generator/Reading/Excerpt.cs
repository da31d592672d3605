using System;

namespace Corpus.Generator.Reading;

/// <summary>A short piece of seed text quoted in a diagnostic message: at most 60 characters, line ends shown as <c>\r</c> and <c>\n</c>.</summary>
internal static class Excerpt
{
    private const int MaxLength = 60;

    public static string Of(string value) => Of(value, 0, value.Length);

    public static string Of(string text, int start, int end)
    {
        var length = Math.Min(end - start, MaxLength);

        // Never cut a surrogate pair in half: the detail goes into a diagnostic message.
        if (length > 0 && length < end - start && char.IsHighSurrogate(text[start + length - 1]))
        {
            length--;
        }

        var excerpt = text.Substring(start, length).Replace("\r", "\\r").Replace("\n", "\\n");
        return length < end - start ? excerpt + "…" : excerpt;
    }
}
