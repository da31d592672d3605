using System;
using System.Collections.Generic;

namespace Corpus.Generator.Text;

/// <summary>Names the language of an article's text with a BCP 47 tag, from the characters alone.</summary>
/// <remarks>
/// <para>
/// The script decides first: kana means Japanese (<c>ja</c>), hangul Korean (<c>ko</c>), Han characters Chinese. Chinese is
/// <c>zh-Hans</c> or <c>zh-Hant</c> by counting characters that exist in one script only (<c>这</c>/<c>這</c>,
/// <c>国</c>/<c>國</c>…; see <see cref="Pairs"/>), and plain <c>zh</c> when neither count wins. Latin text is <c>en</c> when
/// common English words are frequent enough; anything else is <c>und</c> (undetermined).
/// </para>
/// <para>
/// Counting is enough here: the feeds are either simplified (mainland-facing editions) or traditional (Taiwanese and Hong
/// Kong outlets), and a few hundred characters settle it. Quoted text in the other script only shifts the counts.
/// </para>
/// </remarks>
internal static class LanguageDetector
{
    public const string SimplifiedChinese = "zh-Hans";
    public const string TraditionalChinese = "zh-Hant";
    public const string Chinese = "zh";
    public const string English = "en";
    public const string Japanese = "ja";
    public const string Korean = "ko";
    public const string Undetermined = "und";

    /// <summary>
    /// Frequent characters as pairs, simplified first. Each side is used in its own script only: pairs such as
    /// 后/後 or 里/裡, whose simplified form is also a traditional character, are left out on purpose.
    /// </summary>
    private const string Pairs =
        "这這国國说說们們为為时時对對会會来來与與发發经經个個过過还還进進动動实實现現长長关關开開问問题題间間门門东東车車"
        + "书書见見观觀认認让讓议議论論设設语語话話请請读讀谁誰调調贸貿钱錢银銀应應当當报報导導总總统統选選举舉权權军軍华華"
        + "湾灣岛島区區将將业業产產务務员員数數际際领領马馬龙龍亚亞机機电電网網线線药藥医醫疗療卫衛传傳众眾从從难難边邊无無"
        + "爱愛乐樂样樣节節级級约約组組织織给給结結绝絕续續维維习習尔爾兴興单單义義带帶币幣广廣庆慶历歷压壓县縣参參双雙变變"
        + "听聽响響营營严嚴丽麗两兩记記该該识識护護险險确確称稱则則农農气氣热熱灾災击擊证證价價额額资資质質费費贵貴负負责責"
        + "财財购購买買卖賣运運输輸达達远遠递遞";

    /// <summary>
    /// Per character: 1 on the simplified side of <see cref="Pairs"/>, 2 on the traditional side, else 0. A table, not
    /// two sets: every Han character of every article is looked up.
    /// </summary>
    private static readonly byte[] Sides = BuildSides();

    private const byte SimplifiedSide = 1;

    private const byte TraditionalSide = 2;

    /// <summary>The frequent English words, by length: a word is compared in place, not copied out to look it up.</summary>
    private static readonly string[][] EnglishWordsByLength = ByLength(
    [
        "the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "are", "he", "she", "they",
        "by", "at", "from", "his", "her", "but", "have", "has", "not", "this", "be", "an", "or", "which", "were", "their",
    ]);

    public static string Detect(string text) => Detect(text, string.Empty);

    /// <summary>The language of <paramref name="first"/> and <paramref name="second"/> as one text with a line break between, without joining them.</summary>
    public static string Detect(string? first, string? second)
    {
        var counts = default(Counts);
        Count(first ?? string.Empty, ref counts);
        Count(second ?? string.Empty, ref counts);

        if (counts.Kana > 0 && counts.Kana * 10 >= counts.Han)
        {
            return Japanese;
        }

        if (counts.Hangul > 0 && counts.Hangul >= counts.Han)
        {
            return Korean;
        }

        if (counts.Han > 0 && counts.Han >= counts.LatinWords)
        {
            return counts.Simplified > counts.Traditional ? SimplifiedChinese
                : counts.Traditional > counts.Simplified ? TraditionalChinese
                : Chinese;
        }

        if (counts.LatinWords >= 3 && counts.EnglishWords * 10 >= counts.LatinWords)
        {
            return English;
        }

        return Undetermined;
    }

    private struct Counts
    {
        public int Han;
        public int Kana;
        public int Hangul;
        public int LatinWords;
        public int EnglishWords;
        public int Simplified;
        public int Traditional;
    }

    /// <summary>Adds one text's characters and words; a word ends at its end.</summary>
    private static void Count(string text, ref Counts counts)
    {
        var wordStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsLatinLetter(c))
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }

                continue;
            }

            if (wordStart >= 0)
            {
                EndWord(text, wordStart, i, ref counts);
                wordStart = -1;
            }

            if (IsHan(c))
            {
                counts.Han++;
                switch (Sides[c])
                {
                    case SimplifiedSide:
                        counts.Simplified++;
                        break;
                    case TraditionalSide:
                        counts.Traditional++;
                        break;
                }
            }
            else if (c is >= '\u3040' and <= '\u30FF')
            {
                counts.Kana++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF')
            {
                counts.Hangul++;
            }
        }

        if (wordStart >= 0)
        {
            EndWord(text, wordStart, text.Length, ref counts);
        }
    }

    private static void EndWord(string text, int start, int end, ref Counts counts)
    {
        counts.LatinWords++;
        var length = end - start;
        if (length >= EnglishWordsByLength.Length)
        {
            return;
        }

        foreach (var word in EnglishWordsByLength[length])
        {
            // Ignoring case as the word set did (StringComparer.OrdinalIgnoreCase).
            if (string.Compare(text, start, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                counts.EnglishWords++;
                return;
            }
        }
    }

    private static byte[] BuildSides()
    {
        var sides = new byte[char.MaxValue + 1];
        for (var i = 0; i < Pairs.Length; i += 2)
        {
            sides[Pairs[i]] = SimplifiedSide;
        }

        // A character on both sides would count as simplified, as the simplified set was asked first.
        for (var i = 1; i < Pairs.Length; i += 2)
        {
            if (sides[Pairs[i]] == 0)
            {
                sides[Pairs[i]] = TraditionalSide;
            }
        }

        return sides;
    }

    private static string[][] ByLength(string[] words)
    {
        var longest = 0;
        foreach (var word in words)
        {
            longest = Math.Max(longest, word.Length);
        }

        var byLength = new List<string>[longest + 1];
        var result = new string[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            byLength[length] = [];
        }

        foreach (var word in words)
        {
            byLength[word.Length].Add(word);
        }

        for (var length = 0; length <= longest; length++)
        {
            result[length] = byLength[length].ToArray();
        }

        return result;
    }

    /// <summary>The pairs, for tests: each must be two different characters, no character on both sides.</summary>
    internal static string PairTable => Pairs;

    private static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u024F' and not '\u00D7' and not '\u00F7';

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
