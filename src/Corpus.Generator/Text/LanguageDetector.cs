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

    private static readonly HashSet<char> SimplifiedOnly = Build(0);
    private static readonly HashSet<char> TraditionalOnly = Build(1);

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "are", "he", "she", "they",
        "by", "at", "from", "his", "her", "but", "have", "has", "not", "this", "be", "an", "or", "which", "were", "their",
    };

    public static string Detect(string text)
    {
        text ??= string.Empty;
        int han = 0, kana = 0, hangul = 0, latinWords = 0, englishWords = 0, simplified = 0, traditional = 0;
        var word = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (IsLatinLetter(c))
            {
                word.Append(c);
                continue;
            }

            EndWord();
            if (IsHan(c))
            {
                han++;
                if (SimplifiedOnly.Contains(c))
                {
                    simplified++;
                }
                else if (TraditionalOnly.Contains(c))
                {
                    traditional++;
                }
            }
            else if (c is >= '\u3040' and <= '\u30FF')
            {
                kana++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF')
            {
                hangul++;
            }
        }

        EndWord();

        // Japanese writes kana in every sentence; a Chinese text quoting a Japanese name has a few at most.
        if (kana > 0 && kana * 10 >= han)
        {
            return Japanese;
        }

        if (hangul > 0 && hangul >= han)
        {
            return Korean;
        }

        // A Chinese article is mostly Han characters even with English names in it: one Han character is about a word.
        if (han > 0 && han >= latinWords)
        {
            return simplified > traditional ? SimplifiedChinese : traditional > simplified ? TraditionalChinese : Chinese;
        }

        // In English prose a fifth or more of the words are of this short list; three is too few to judge.
        if (latinWords >= 3 && englishWords * 10 >= latinWords)
        {
            return English;
        }

        return Undetermined;

        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            latinWords++;
            if (EnglishWords.Contains(word.ToString()))
            {
                englishWords++;
            }

            word.Clear();
        }
    }

    private static HashSet<char> Build(int side)
    {
        var set = new HashSet<char>();
        for (var i = side; i < Pairs.Length; i += 2)
        {
            set.Add(Pairs[i]);
        }

        return set;
    }

    /// <summary>The pairs, for tests: each must be two different characters, no character on both sides.</summary>
    internal static string PairTable => Pairs;

    private static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u024F' and not '\u00D7' and not '\u00F7';

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
