using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace Corpus.Generator.Tests.Search;

/// <summary>The one analysis of index and query (src/Corpus.Runtime/SearchAnalyzer.cs, compiled into the generator too).</summary>
public sealed class SearchAnalyzerTests
{
    private static string[] Terms(string text) => SearchAnalyzer.Tokenize(text).Select(t => t.Term).ToArray();

    private static int[] Positions(string text) => SearchAnalyzer.Tokenize(text).Select(t => t.Position).ToArray();

    [Fact]
    public void A_CJK_character_is_a_token_and_ends_a_word()
    {
        Assert.Equal(["在", "tiktok", "上"], Terms("在TikTok上"));
        Assert.Equal(["乌", "克", "兰"], Terms("乌克兰"));
        Assert.Equal(["東", "京", "オ", "リ", "ン", "ピ", "ッ", "ク"], Terms("東京オリンピック"));
        Assert.Equal(["서", "울"], Terms("서울"));
    }

    [Fact]
    public void The_CJK_ranges_start_at_Hangul_Jamo_and_end_at_the_half_width_Hangul()
    {
        // Every unit below U+1100 (Latin, Greek, Cyrillic, Arabic, Indic…) is not CJK; the edges of the ranges are.
        Assert.DoesNotContain(Enumerable.Range(0, 0x1100), c => SearchAnalyzer.IsCjk((char)c));
        Assert.All(new[] { '\u1100', '\u11FF', '\u3005', '\u3041', '\u30A1', '\u3105', '\u4E00', '\u9FFF', '\uAC00', '\uD7FF', '\uF900', '\uFFDC' }, c => Assert.True(SearchAnalyzer.IsCjk(c), ((int)c).ToString("X4")));
        Assert.All(new[] { '\u1200', '\u3000', '\u30FB', '\u3400' - 1, '\uD800', '\uFF01', '\uFFDD' }, c => Assert.False(SearchAnalyzer.IsCjk((char)c), ((int)c).ToString("X4")));
    }

    [Fact]
    public void A_character_said_to_have_no_lower_case_is_its_own_lower_case()
    {
        // The fold skips char.ToLowerInvariant (an ICU call a character) where this says nothing is lowered: every such
        // unit must be what ToLowerInvariant gives, and the ranges must hold the punctuation of Chinese text.
        var skipped = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(SearchAnalyzer.HasNoLowerCase).ToArray();
        Assert.All(skipped, c => Assert.True(char.ToLowerInvariant(c) == c, ((int)c).ToString("X4")));
        Assert.All("，。、“”‘’《》「」【】…—·\u3000\u00A0°±€", c => Assert.True(SearchAnalyzer.HasNoLowerCase(c), ((int)c).ToString("X4")));
        Assert.All("ÀΣДᏀⰀꙀꜢΩⅠⒶ", c => Assert.False(SearchAnalyzer.HasNoLowerCase(c), ((int)c).ToString("X4")));
        Assert.Equal(["σοφία", "дом", "ⰰⰱ", "ꙁ"], Terms("ΣΟΦΊΑ ДОМ ⰀⰁ Ꙁ"));
    }

    [Fact]
    public void Words_are_runs_of_letters_and_digits_folded()
    {
        Assert.Equal(["covid", "19"], Terms("COVID-19"));
        Assert.Equal(["covid", "19"], Terms("ＣＯＶＩＤ－１９"));
        Assert.Equal(["cafe", "creme", "brulee"], Terms("Café Crème-Brûlée"));
        Assert.Equal(["cafe"], Terms("cafe\u0301"));
        Assert.Equal(["d"], Terms("Đ"));
        Assert.Equal(["lodz", "ostergotland", "tieng", "viet"], Terms("Łódź Östergötland Tiếng Việt"));
        Assert.Equal(["россия", "ελλαδα"], Terms("Россия Ελλαδα"));
        Assert.Equal(["soft", "hyphenated"], Terms("soft hyphen\u00ADated"));
    }

    [Fact]
    public void Positions_count_tokens_and_skip_one_between_separated_CJK_characters()
    {
        Assert.Equal([0, 1, 2], Positions("乌克兰"));
        Assert.Equal([0, 2], Positions("乌，克"));
        Assert.Equal([0, 2], Positions("乌 克"));
        Assert.Equal([0, 1, 2], Positions("在TikTok上"));
        Assert.Equal([0, 1, 2], Positions("在 TikTok 上"));
        Assert.Equal([0, 1], Positions("covid-19"));
    }

    [Fact]
    public void Offsets_point_into_the_text_as_written()
    {
        var tokens = SearchAnalyzer.Tokenize("Le Café, 在TikTok上");
        Assert.Equal(["Le", "Café", "在", "TikTok", "上"], tokens.Select(t => "Le Café, 在TikTok上".Substring(t.Start, t.Length)).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \u3000 ")]
    [InlineData("!!! ??? ... ---")]
    [InlineData("😀🎉 \u0000\u0001 \uFFFF")]
    [InlineData("\uD800 \uDC00 lone")]
    [InlineData(".*+?^${}()|[]\\")]
    public void Odd_text_gives_only_the_words_it_has(string text)
    {
        var tokens = SearchAnalyzer.Tokenize(text);
        Assert.All(tokens, t => Assert.True(t.Term.Length > 0 && t.Start >= 0 && t.End <= text.Length));
        Assert.Equal(text.Contains("lone") ? ["lone"] : [], tokens.Select(t => t.Term).ToArray());
    }

    [Fact]
    public void A_supplementary_ideograph_is_one_token_and_long_words_are_cut()
    {
        Assert.Equal(["𠀀", "x"], Terms("𠀀x"));
        var word = new string('a', 5000);
        var token = Assert.Single(SearchAnalyzer.Tokenize(word));
        Assert.Equal(SearchAnalyzer.MaxWordLength, token.Term.Length);
        Assert.Equal(5000, token.Length);
    }

    private static readonly string[] Pieces = ["在", "TikTok", "上", "北约", " ", "、", "Café", "ＣＯＶＩＤ", "-19", "\U00020000", "é\u0301", "2020年"];

    [Fact]
    public void A_text_cut_where_SafeStart_and_SafeEnd_say_gives_the_whole_texts_tokens_there()
    {
        // Snippets read a part of a text only (SearchEngine.TokenRanges): its tokens must be the whole text's, their
        // positions shifted alike.
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 30]
            .Select(parts => string.Concat(parts))
            .Sample(text =>
            {
                var whole = SearchAnalyzer.Tokenize(text);
                for (var limit = 0; limit <= text.Length; limit++)
                {
                    var start = SearchAnalyzer.SafeStart(text, limit);
                    var end = SearchAnalyzer.SafeEnd(text, limit);
                    Assert.InRange(start, 0, limit);
                    Assert.InRange(end, limit, text.Length);
                    var part = new List<SearchAnalyzer.Token>();
                    SearchAnalyzer.Tokenize(text, start, end, part);
                    var expected = whole.Where(t => t.Start >= start && t.End <= end).ToList();
                    Assert.Equal(expected.Select(t => (t.Term, t.Start, t.Position - expected[0].Position)), part.Select(t => (t.Term, t.Start, t.Position - part[0].Position)));
                }
            });
    }

    [Theory]
    [InlineData("北", true)]
    [InlineData("\U00020000", true)]
    [InlineData("北约", false)]
    [InlineData("tiktok", false)]
    [InlineData("\u0001tag", false)]
    public void Only_a_single_CJK_character_is_a_CJK_term_and_has_no_positions_in_the_index(string term, bool single)
    {
        Assert.Equal(single, SearchAnalyzer.IsCjkTerm(term));
        Assert.Equal(!single && term[0] != '\u0001', SearchIndexFormat.HasPositions(term));
    }
}
