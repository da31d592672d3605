using System;
using System.Linq;
using System.Text;
using Corpus.Generator.Reading;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Robustness;

/// <summary>Garbage and mutated seeds: the reader must never throw, and every range it returns must point at what it says.</summary>
public sealed class SeedReaderRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "[", "]", "(", ")", "](", "------", "-----", "\n", "\r", "\r\n", "\n\n", " ", "\t", "<!--", "-->", "NaN", "1641989702000",
        "99999999999999999999", "日期：", "日期:", "Sun, 28 Jun 2020 15:42:36 +0000", "\uFEFF", "\u2028", "\u2029", "\u0085", "\u00A0", "\u3000",
        "\uD800", "\uDC00", "\uD83D\uDE00", "\0", "https://www.rfi.fr/cn/%E4%B8%93/x", "http://", "https://", "ftp://a/", "//x", "/cn/x", "://",
        "&quot;", "&#", "<b>", "</b>", "<", ">", " - ", " – ", " | ", "要闻解说", "法国国际广播电台 - RFI", "%", "%E4%B8", "@", ":", "?", "#", "a", "标题",
    ];

    private static readonly SeedProblemKind[] Fatal =
        [SeedProblemKind.MissingSeparator, SeedProblemKind.MalformedTitleBlock, SeedProblemKind.EmptyTitle, SeedProblemKind.InvalidUrl];

    [Fact]
    public void Random_fragment_soup_never_throws_and_ranges_are_consistent()
    {
        var random = new Random(20220112);
        for (var i = 0; i < 20_000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 40);
            for (var j = 0; j < count; j++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
            }

            AssertConsistent(builder.ToString());
        }
    }

    [Fact]
    public void Mutations_of_a_valid_seed_never_throw_and_ranges_are_consistent()
    {
        const string valid = "<!--1641989702000-->\n[俄罗斯 - 要闻解说](https://www.rfi.fr/cn/%E4%B8%93/%E8%A6%81%E9%97%BB%E8%A7%A3%E8%AF%B4/x)\n------\n日期：Sun, 28 Jun 2020 15:42:36 +0000\n\n<div>12/01/2022 - 12:44</div>Array<p>正文</p>\n";
        var random = new Random(4643);
        var usable = 0;
        var rejected = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = valid;
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0:
                        text = text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                        break;
                    case 1 when text.Length > 0:
                        var from = random.Next(text.Length);
                        text = text.Remove(from, Math.Min(random.Next(1, 8), text.Length - from));
                        break;
                    default:
                        text = text.Substring(0, at);
                        break;
                }
            }

            var result = AssertConsistent(text);
            usable += result.Seed is null ? 0 : 1;
            rejected += result.Seed is null ? 1 : 0;
        }

        // Both outcomes must be exercised, or the consistency checks above prove little.
        Assert.True(usable > 1000 && rejected > 1000, $"usable {usable}, rejected {rejected}");
    }

    [Fact]
    public void Title_parser_and_outlets_never_throw_on_garbage()
    {
        var random = new Random(934);
        for (var i = 0; i < 20_000; i++)
        {
            var title = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            var url = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Fragments[random.Next(Fragments.Length)]));

            var parsed = TitleParser.Parse(title, url);
            Assert.Equal(parsed.RawTitle.Length == 0, parsed.Title.Length == 0);
            Assert.NotNull(Outlets.FromUrl(url));
        }
    }

    /// <summary>Checks a read against the text with <see cref="SeedText"/>, which maps positions without the reader's code.</summary>
    internal static SeedReadResult AssertConsistent(string text)
    {
        var result = SeedReader.Read(text);
        var fatal = result.Problems.Any(p => Fatal.Contains(p.Kind));
        Assert.True(fatal == (result.Seed is null), Describe(text, result));

        foreach (var problem in result.Problems)
        {
            var slice = SeedText.Slice(text, problem.Range);
            Assert.False(string.IsNullOrEmpty(problem.Detail));
            if (problem.Kind == SeedProblemKind.RepeatedSeparator)
            {
                Assert.Equal("------", slice);
            }
        }

        var seed = result.Seed;
        if (seed is null)
        {
            return result;
        }

        Assert.Equal(seed.RawTitle, SeedText.Slice(text, seed.TitleRange).Replace("\r\n", "\n"));
        Assert.Equal(seed.Url, SeedText.Slice(text, seed.UrlRange));
        if (seed.DateLine is null)
        {
            Assert.Equal(default, seed.DateLineRange);
        }
        else
        {
            Assert.Equal(seed.DateLine, SeedText.Slice(text, seed.DateLineRange));
        }

        var rest = text.Substring(SeedText.Offset(text, seed.BodyStart));
        if (rest.EndsWith("\n", StringComparison.Ordinal))
        {
            rest = rest.Substring(0, rest.Length - 1);
            if (rest.EndsWith("\r", StringComparison.Ordinal))
            {
                rest = rest.Substring(0, rest.Length - 1);
            }
        }

        Assert.Equal(rest.Replace("\r\n", "\n"), seed.Body);
        Assert.True(Uri.TryCreate(seed.Url, UriKind.Absolute, out _), seed.Url);
        Assert.False(string.IsNullOrEmpty(TitleParser.Parse(seed.RawTitle, seed.Url).Title));
        return result;
    }

    private static string Describe(string text, SeedReadResult result) =>
        text.Replace("\r", "\\r").Replace("\n", "\\n") + " => " + string.Join("; ", result.Problems);
}
