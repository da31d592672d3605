using System;

namespace Corpus.Generator.Model;

/// <summary>Values derived from an article's plain text.</summary>
internal static class ArticleText
{
    /// <summary>Characters that are not whitespace, counting a surrogate pair as one character.</summary>
    public static int CountCharacters(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsLowSurrogate(c))
            {
                continue;
            }

            count++;
        }

        return count;
    }

    /// <summary>CJK scripts are read at about 400 characters a minute, other scripts at about 230 words a minute.</summary>
    public const int CjkCharactersPerMinute = 400;

    public const int WordsPerMinute = 230;

    /// <summary>The estimated reading time, rounded to whole seconds.</summary>
    public static TimeSpan EstimateReadingTime(string text)
    {
        var cjkCharacters = 0;
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjkCharacters++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else if (c != '\'' && c != '’' && c != '-')
            {
                inWord = false;
            }
        }

        var minutes = ((double)cjkCharacters / CjkCharactersPerMinute) + ((double)words / WordsPerMinute);
        return TimeSpan.FromSeconds(Math.Round(minutes * 60, MidpointRounding.AwayFromZero));
    }

    private static bool IsCjk(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF')      // CJK unified ideographs
        || (c >= '\u3400' && c <= '\u4DBF')   // extension A
        || (c >= '\uF900' && c <= '\uFAFF')   // compatibility ideographs
        || (c >= '\u3040' && c <= '\u30FF')   // hiragana, katakana
        || (c >= '\uAC00' && c <= '\uD7AF');  // hangul syllables
}
