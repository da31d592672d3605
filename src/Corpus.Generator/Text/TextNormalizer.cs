using System;
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
    /// <summary>Longest scratch buffer kept per thread; a longer text gets buffers of its own.</summary>
    private const int MaxRetainedBuffer = 1 << 18;

    // Scratch for building a normalised value: a StringBuilder per call was a large share of the allocations of a
    // cold run (every paragraph and every text check goes through here). The source buffer holds a StringBuilder's
    // text; a string is read in place.
    [ThreadStatic]
    private static char[]? sourceBuffer;

    [ThreadStatic]
    private static char[]? targetBuffer;

    public static string Normalize(string value) =>
        IsAlreadyNormal(value) ? value : Build(new NormalizedChars<StringChars>(new StringChars(value)), value.Length);

    /// <summary>The builder's text normalised, without first copying it into a string of its own.</summary>
    public static string Normalize(StringBuilder value)
    {
        var source = Buffer(ref sourceBuffer, value.Length);
        value.CopyTo(0, source, 0, value.Length);
        return Build(new NormalizedChars<ArrayChars>(new ArrayChars(source, value.Length)), value.Length);
    }

    /// <summary>True when <c>Normalize(value) == expected</c>, decided without building the normalised string.</summary>
    public static bool NormalizesTo(string value, string expected) => MatchNormalized(value, expected, prefixOnly: false);

    /// <summary>True when <c>Normalize(value).StartsWith(prefix, StringComparison.Ordinal)</c>, decided without building the normalised string.</summary>
    public static bool NormalizedStartsWith(string value, string prefix) => MatchNormalized(value, prefix, prefixOnly: true);

    private static char[] Buffer(ref char[]? retained, int length)
    {
        if (length > MaxRetainedBuffer)
        {
            return new char[length];
        }

        if (retained is null || retained.Length < length)
        {
            retained = new char[Math.Max(length, 256)];
        }

        return retained;
    }

    /// <summary>Writes the normalised characters out: never more than the input's <paramref name="length"/>.</summary>
    private static string Build<TSource>(NormalizedChars<TSource> chars, int length)
        where TSource : struct, ICharSource
    {
        var target = Buffer(ref targetBuffer, length);
        var written = 0;
        while (chars.TryNext(out var c))
        {
            target[written++] = c;
        }

        return new string(target, 0, written);
    }

    /// <summary>Compares the normalised characters with <paramref name="expected"/>, stopping at the first difference (or, for a prefix, at its end).</summary>
    private static bool MatchNormalized(string value, string expected, bool prefixOnly)
    {
        if (prefixOnly && expected.Length == 0)
        {
            return true;
        }

        var matched = 0;
        var chars = new NormalizedChars<StringChars>(new StringChars(value));
        while (chars.TryNext(out var c))
        {
            if (matched == expected.Length || expected[matched] != c)
            {
                return false;
            }

            matched++;
            if (prefixOnly && matched == expected.Length)
            {
                return true;
            }
        }

        return matched == expected.Length;
    }

    private interface ICharSource
    {
        int Length { get; }

        char this[int index] { get; }
    }

    private readonly struct StringChars(string value) : ICharSource
    {
        public int Length => value.Length;

        public char this[int index] => value[index];
    }

    private readonly struct ArrayChars(char[] value, int length) : ICharSource
    {
        public int Length => length;

        public char this[int index] => value[index];
    }

    /// <summary>
    /// The normalisation itself (see the remarks of the class), one character at a time, so that building a value and
    /// comparing one follow the same rules. A struct over a struct source: the JIT compiles it per source, with no
    /// interface calls, and nothing is allocated.
    /// </summary>
    private struct NormalizedChars<TSource>(TSource source)
        where TSource : struct, ICharSource
    {
        private int _index;
        private bool _pendingSpace;
        private bool _emitted;
        private char _lowSurrogate;

        public bool TryNext(out char c)
        {
            if (_lowSurrogate != '\0')
            {
                c = _lowSurrogate;
                _lowSurrogate = '\0';
                return true;
            }

            while (_index < source.Length)
            {
                var next = source[_index];
                if (IsWhitespace(next))
                {
                    // A run of whitespace is one space, and only between kept characters.
                    _pendingSpace = _emitted;
                    _index++;
                    continue;
                }

                if (IsRemoved(next))
                {
                    _index++;
                    continue;
                }

                if (_pendingSpace)
                {
                    // The space comes first; the character it stands before is read again on the next call.
                    _pendingSpace = false;
                    c = ' ';
                    return true;
                }

                _index++;
                _emitted = true;
                if (char.IsHighSurrogate(next) && _index < source.Length && char.IsLowSurrogate(source[_index]))
                {
                    _lowSurrogate = source[_index++];
                    c = next;
                    return true;
                }

                c = char.IsSurrogate(next) ? '\uFFFD' : next;
                return true;
            }

            c = default;
            return false;
        }
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
