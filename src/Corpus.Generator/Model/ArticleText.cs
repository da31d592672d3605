using System;
using System.Collections.Generic;

namespace Corpus.Generator.Model;

/// <summary>An article's plain text, and values derived from it.</summary>
internal static class ArticleText
{
    public const string BlockSeparator = "\n\n";

    /// <inheritdoc cref="Join{TSection}(string?, IEnumerable{TSection}, Func{TSection, string?}, Func{TSection, IEnumerable{string}})"/>
    public static string Join(string? lead, IEnumerable<SectionModel> sections) =>
        Join(lead, sections, static s => s.Heading, static s => s.Paragraphs);

    /// <summary>
    /// The lead, then each section's heading and paragraphs, a blank line between blocks; null and empty blocks are
    /// left out. This is the only join: the body reader builds <c>Text</c> with it, and the generated reader cuts the
    /// blocks back out of the stored text by the same rule (<c>ArticleBody.NextBlock</c> in src/Corpus.Runtime), so the two cannot disagree.
    /// </summary>
    public static string Join<TSection>(
        string? lead,
        IEnumerable<TSection> sections,
        Func<TSection, string?> heading,
        Func<TSection, IEnumerable<string>> paragraphs)
    {
        // string.Join sizes the text once; a growing StringBuilder would allocate it several times over (chunks, then the
        // string), for every article.
        var blocks = new List<string>();
        Add(blocks, lead);
        foreach (var section in sections)
        {
            Add(blocks, heading(section));
            foreach (var paragraph in paragraphs(section))
            {
                Add(blocks, paragraph);
            }
        }

        return string.Join(BlockSeparator, blocks);

        static void Add(List<string> blocks, string? block)
        {
            if (!string.IsNullOrEmpty(block))
            {
                blocks.Add(block!);
            }
        }
    }

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
