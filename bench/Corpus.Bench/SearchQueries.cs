using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Corpus.Bench;

/// <summary>
/// The search bench's fixed query set (bench/search.sh), drawn from the real seeds with a fixed random seed, so the same
/// seeds give the same file: CJK substrings of 1–4 characters, English words, two terms of one article, quoted phrases,
/// queries that match nothing, a CJK character touching a number or a word, and hostile input. One query a line:
/// <c>kind TAB query as a JSON string</c> (the JSON string keeps NUL, tabs and line breaks on one line).
/// </summary>
internal static partial class SearchQueries
{
    public const int DefaultSeed = 23;

    /// <summary>How many queries of each drawn kind (the hostile ones are a fixed list).</summary>
    private const int PerKind = 30;

    private const int Phrases = 20;

    private const int NoMatch = 15;

    public static IReadOnlyList<(string Kind, string Query)> Make(int seed)
    {
        var random = new Random(seed);
        var documents = Directory.GetFiles(SeedCorpus.RealDirectory, "*.txt").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => PlainText(File.ReadAllText(f, Encoding.UTF8))).ToArray();
        var all = string.Join("\n", documents);
        var queries = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string kind, string query)
        {
            if (seen.Add(kind + "\t" + query))
            {
                queries.Add((kind, query));
            }
        }

        for (var length = 1; length <= 4; length++)
        {
            var before = queries.Count;
            while (queries.Count - before < PerKind)
            {
                if (CjkRun(documents[random.Next(documents.Length)], length, random) is { } term)
                {
                    Add("cjk" + length.ToString(CultureInfo.InvariantCulture), term);
                }
            }
        }

        var english = documents.Select(d => LatinWords().Matches(d).Select(m => m.Value).ToArray()).ToArray();
        var withEnglish = Enumerable.Range(0, documents.Length).Where(i => english[i].Length >= 2).ToArray();
        Fill("english", PerKind, () => Pick(english[withEnglish[random.Next(withEnglish.Length)]], random));
        Fill("two-terms", PerKind / 2, () =>
        {
            var d = documents[random.Next(documents.Length)];
            return CjkRun(d, 2 + random.Next(2), random) is { } a && CjkRun(d, 2 + random.Next(2), random) is { } b && a != b ? a + " " + b : null;
        });
        Fill("two-terms", PerKind, () =>
        {
            var words = english[withEnglish[random.Next(withEnglish.Length)]];
            var (a, b) = (Pick(words, random), Pick(words, random));
            return a is not null && b is not null && !a.Equals(b, StringComparison.OrdinalIgnoreCase) ? a + " " + b : null;
        });
        Fill("phrase", Phrases / 2, () =>
        {
            var match = EnglishPair().Matches(documents[withEnglish[random.Next(withEnglish.Length)]]);
            return match.Count == 0 ? null : "\"" + match[random.Next(match.Count)].Value + "\"";
        });
        Fill("phrase", Phrases, () => CjkRun(documents[random.Next(documents.Length)], 5 + random.Next(3), random) is { } run ? "\"" + run + "\"" : null);
        // Nothing matches: made-up words and pairs of rare characters, kept only when no seed contains them.
        Fill("no-match", NoMatch, () =>
        {
            var term = random.Next(2) == 0
                ? new string(Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26))).ToArray())
                : new string(Enumerable.Range(0, 2).Select(_ => (char)(0x9F00 + random.Next(0xA0))).ToArray());
            return all.Contains(term, StringComparison.OrdinalIgnoreCase) ? null : term;
        });
        // A CJK character touching a number or a Latin word (2020年, 3月, A股, 第1): drawn last, so the kinds above stay
        // the same draws as before this kind was added.
        var touching = documents.Select(d => WordTouchingCjk().Matches(d).Select(m => m.Value).ToArray()).ToArray();
        var withTouching = Enumerable.Range(0, documents.Length).Where(i => touching[i].Length > 0).ToArray();
        Fill("word-cjk", PerKind, () => Pick(touching[withTouching[random.Next(withTouching.Length)]], random));
        foreach (var hostile in Hostile(documents[0]))
        {
            Add("hostile", hostile);
        }

        return queries;

        void Fill(string kind, int target, Func<string?> draw)
        {
            var count = queries.Count(q => q.Item1 == kind);
            for (var tries = 0; count < target && tries < 100_000; tries++)
            {
                if (draw() is { } query && seen.Add(kind + "\t" + query))
                {
                    queries.Add((kind, query));
                    count++;
                }
            }
        }
    }

    /// <summary>Input a search must answer without throwing and in bounded time.</summary>
    private static IEnumerable<string> Hostile(string text) =>
    [
        string.Empty,
        "   ",
        "\u3000\u3000",
        "\t\r\n",
        string.Concat(Enumerable.Repeat("北约", 2500)),
        string.Join(" ", Enumerable.Range(0, 200).Select(i => "term" + i.ToString(CultureInfo.InvariantCulture))),
        string.Join(" ", text.Where(c => c >= 0x4E00 && c <= 0x9FFF).Take(200)),
        "!!! ??? ... ,,, ;;; ---",
        "😀 🎉 👍🏽",
        "\0",
        "北约\0乌克兰",
        ".*[a-z]+(?=x)\\ ^$ | (a+)+ {1,99999}",
        "<script>alert(1)</script>",
        "\"unclosed phrase",
        "\"\"",
        "\uD800 \uDC00",
        "ＣＯＶＩＤ－１９",
        "café Łódź naïve",
        "AND OR NOT * ? ~ title:x",
    ];

    /// <summary>A random run of <paramref name="length"/> CJK characters of the text (null when the draw found none).</summary>
    private static string? CjkRun(string text, int length, Random random)
    {
        for (var tries = 0; tries < 20; tries++)
        {
            var start = random.Next(Math.Max(1, text.Length - length));
            if (start + length <= text.Length && text.AsSpan(start, length).ToString().All(IsCjk))
            {
                return text.Substring(start, length);
            }
        }

        return null;
    }

    private static string? Pick(string[] words, Random random) => words.Length == 0 ? null : words[random.Next(words.Length)];

    /// <summary>Han, kana and Hangul (the scripts a search matches as substrings).</summary>
    internal static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');

    /// <summary>A seed's title and body as text: tags dropped, entities decoded (close enough to Title + Text to draw from).</summary>
    internal static string PlainText(string seed)
    {
        var titleStart = seed.IndexOf("\n[", StringComparison.Ordinal);
        var titleEnd = titleStart < 0 ? -1 : seed.IndexOf("](", titleStart, StringComparison.Ordinal);
        var title = titleEnd < 0 ? string.Empty : seed.Substring(titleStart + 2, titleEnd - titleStart - 2);
        var body = Tags().Replace(SeedCorpus.Body(seed), " ");
        return title + "\n" + WebUtility.HtmlDecode(body);
    }

    public static void Write(string path, int seed)
    {
        // Chinese stays readable; control characters, quotes and lone surrogates are escaped.
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var lines = Make(seed).Select(q => q.Kind + "\t" + JsonSerializer.Serialize(q.Query, options));
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex LatinWords();

    [GeneratedRegex(@"\b[A-Za-z]{3,} [A-Za-z]{3,}\b")]
    private static partial Regex EnglishPair();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-Za-z]{1,8}[\u4E00-\u9FFF]|[\u4E00-\u9FFF][0-9A-Za-z]{1,8}(?![0-9A-Za-z])")]
    private static partial Regex WordTouchingCjk();
}
