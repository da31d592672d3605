using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Corpus.Generator.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.Robustness;

/// <summary>
/// Seeds are untrusted text that ends up inside C# source. Random titles and paragraphs made of the characters most
/// likely to break out of a string literal, a comment or a line go through the whole generator: the code must always
/// compile, and every value must come back as the text written, after the documented normalisation only.
/// </summary>
public sealed class InjectionPropertyTests(ITestOutputHelper output)
{
    private const int SeedsPerCompilation = 20;
    private const int Compilations = 15;

    /// <summary>Pieces of text; no LF (a title and the body are one line each) and no NUL (a NUL makes the file binary: CORPUS001).</summary>
    private static readonly string[] Pieces =
    [
        "\"", "\\", "\"\"\"", "\"u8", "{", "}", "{{", "}}", "*/", "/*", "#if X", "#endif", "//", "///", "<summary>", "]]>",
        "\u2028", "\u2029", "\u0085", "\r", "\t", "\v", "\f", "\u0001", "\u001B", "\u007F", "\u0090", "\u00A0", "\u3000", "\u2003",
        "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u202E", "\uFFFD", "\U0001F600", "\U00020000", "\uD800", "\uDFFF",
        "<", ">", "&", "&amp;", "&lt;", "&#0;", "&#x2028;", "]( ", "](", "[", "]", "(", ")", " - ", " | ", "'", "$", "@", "%", "%E4",
        " ", "  ", "a", "Z", "0", "中", "文", "é", "ß", "İ", "ﬁ",
    ];

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Array[0, 12].Select(indexes => string.Concat(indexes.Select(i => Pieces[i])));

    private static readonly Gen<SeedSpec> Spec = Gen.Select(
            Text.Where(t => Expected(t).Length > 0),
            Text.Array[1, 4].Where(ps => ps.Any(p => Expected(p).Length > 0)))
        .Select((title, paragraphs) => new SeedSpec(title, paragraphs));

    [Fact]
    public void Nasty_titles_and_paragraphs_compile_and_round_trip()
    {
        var checkedSeeds = 0;
        Spec.Array[SeedsPerCompilation].Sample(
            specs =>
            {
                var project = new CorpusProject();
                for (var i = 0; i < specs.Length; i++)
                {
                    project.WithSeed($"seeds/p{i:D2}.txt", specs[i].ToSeed(i));
                }

                var result = project.Generate();
                Assert.Empty(result.GeneratorDiagnostics);
                var corpus = result.Load();
                Assert.Equal(specs.Length, corpus.All.Count);
                for (var i = 0; i < specs.Length; i++)
                {
                    var article = corpus.FindById($"p{i:D2}")!;
                    var title = Expected(specs[i].Title);
                    Assert.Equal(title, article.RawTitle);
                    Assert.Equal(title, article.Title);
                    Assert.Null(article.Column);
                    Assert.Null(article.Lead);
                    var paragraphs = specs[i].Paragraphs.Select(Expected).Where(p => p.Length > 0).ToList();
                    Assert.Equal(paragraphs, article.Paragraphs);
                    Assert.Equal(string.Join("\n\n", paragraphs), article.Text);
                    Assert.Equal(new Uri($"https://example.com/0/{i}"), article.Url);
                    checkedSeeds++;
                }
            },
            iter: Compilations,
            threads: 1,
            seed: "0N0XIzNsQ0O2",
            print: specs => string.Join("\n", specs.Select((s, i) => $"p{i:D2}: {Escape(s.ToSeed(i))}")));

        Assert.Equal(SeedsPerCompilation * Compilations, checkedSeeds);
        output.WriteLine($"{checkedSeeds} seeds in {Compilations} compilations");
    }

    [Fact]
    public void Nasty_file_names_compile_and_round_trip_as_id_and_seed_path()
    {
        // The file name reaches the record constant (Id, SeedPath), the member name and the member's doc comment.
        string[] ids = ["q\"uote", "amp&lt<gt>", "line\u2028sep", "tab\tname", "star*slash", "\uFEFFbom", "中文 名", "emoji\U0001F600"];
        var project = new CorpusProject();
        for (var i = 0; i < ids.Length; i++)
        {
            project.WithSeed("seeds/" + ids[i] + ".txt", Seeds.Simple("Title " + i, $"https://example.com/n/{i}", "Body " + i + "."));
        }

        var result = project.Generate();
        Assert.Empty(result.GeneratorDiagnostics);
        var corpus = result.Load();
        foreach (var id in ids)
        {
            var article = corpus.FindById(id);
            Assert.True(article is not null, "no article with the Id " + Escape(id));
            Assert.Equal("seeds/" + id + ".txt", article!.SeedPath);
        }
    }

    [Fact]
    public void The_oracle_follows_the_documentation()
    {
        Assert.Equal("a b", Expected(" a\u2028\u3000\t b\r"));
        Assert.Equal("ab", Expected("a\u200B\uFEFF\u00AD\u0001\u007F\u0090b"));
        Assert.Equal("a\uFFFDb\U0001F600", Expected("a\uD800b\U0001F600"));
        Assert.Equal("a b", Expected("a \u200B b"));
        Assert.Equal(string.Empty, Expected("\u0085\u00A0"));
    }

    /// <summary>
    /// The value a text should come back as, written from the README's "Text normalisation" list (not from
    /// TextNormalizer): a lone surrogate becomes U+FFFD (as it must in a UTF-8 file anyway); zero-width characters, the
    /// soft hyphen and other control characters are removed; each run of whitespace becomes one space; the result is trimmed.
    /// </summary>
    private static string Expected(string written)
    {
        var wellFormed = new StringBuilder();
        for (var i = 0; i < written.Length; i++)
        {
            if (char.IsSurrogatePair(written, i))
            {
                wellFormed.Append(written, i, 2);
                i++;
            }
            else
            {
                wellFormed.Append(char.IsSurrogate(written[i]) ? '\uFFFD' : written[i]);
            }
        }

        const string Whitespace = " \t\n\v\f\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";
        var removed = Regex.Replace(wellFormed.ToString(), "[\u200B\u200C\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]", string.Empty);
        return Regex.Replace(removed, "[" + Whitespace + "]+", " ").Trim(' ');
    }

    /// <summary>The text as HTML: the three characters that would be markup are escaped; everything else is written as is.</summary>
    private static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Escape(string value) =>
        string.Concat(value.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    private sealed record SeedSpec(string Title, string[] Paragraphs)
    {
        public string ToSeed(int index) =>
            "<!--1641989702000-->\n"
            + "[" + Html(Title) + $"](https://example.com/0/{index})\n"
            + "------\n\n"
            + string.Concat(Paragraphs.Select(p => "<p>" + Html(p) + "</p>")) + "\n";
    }
}
