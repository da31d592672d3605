using System.Text;

namespace Corpus.Generator.Text;

/// <summary>
/// The one whitespace normalisation every plain-text value goes through (titles, leads, headings, paragraphs).
/// </summary>
/// <remarks>
/// Documented for users in the README ("Text normalisation"):
/// <list type="bullet">
/// <item>every run of whitespace (space, tab, CR, LF, NBSP, U+3000 and the other Unicode spaces, U+0085, U+2028, U+2029) becomes one space;</item>
/// <item>zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) and the soft hyphen are removed;</item>
/// <item>other control characters (C0, DEL, C1) are removed;</item>
/// <item>a lone surrogate becomes U+FFFD, so every value is well-formed UTF-16;</item>
/// <item>the result is trimmed.</item>
/// </list>
/// Everything else, including U+FFFD already in the seed and astral characters, is kept exactly.
/// </remarks>
internal static class TextNormalizer
{
    public static string Normalize(string value)
    {
        if (IsAlreadyNormal(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsWhitespace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsRemoved(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True for every character <see cref="Normalize"/> turns into a single space.</summary>
    public static bool IsWhitespace(char c) =>
        c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u0085' or '\u00A0' or '\u1680' or '\u2028' or '\u2029'
            or '\u202F' or '\u205F' or '\u3000'
        || (c >= '\u2000' && c <= '\u200A');

    /// <summary>True for characters that carry no text: zero-width marks, the soft hyphen and control characters.</summary>
    public static bool IsRemoved(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
        || c < ' '
        || (c >= '\u007F' && c <= '\u009F');

    private static bool IsAlreadyNormal(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (value[0] == ' ' || value[value.Length - 1] == ' ')
        {
            return false;
        }

        var previousSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
                continue;
            }

            previousSpace = false;
            if (IsWhitespace(c) || IsRemoved(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
