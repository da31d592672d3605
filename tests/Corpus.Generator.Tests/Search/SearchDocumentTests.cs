using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.RealCorpus;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// The per-seed analysis (<see cref="SearchDocument.Of"/>, interned spans and flat arrays) against a plain reference
/// built the obvious way from the runtime's token lists: the same terms, counts and positions, byte for byte.
/// </summary>
public sealed class SearchDocumentTests
{
    internal static readonly string[] Texts =
    [
        "", "   ", "中", "中国", "中国中国 中 国", "在TikTok上，COVID-19 疫情", "ＣＯＶＩＤ－１９ Café naïve", "乌克兰乌克兰乌克兰",
        "\uD840\uDC00\uD840\uDC01中\uD840\uDC00", "a\u0000b 😀 🇨🇳 中国", "\uD800 lone \uDC00 surrogates 中\uD800国",
        new string('x', 200) + " " + new string('中', 300), "ア한ㄅ 〇々 ＡＢＣ abc ABC", "日本語のテキスト、カタカナ・ひらがな",
    ];

    [Fact]
    public void The_analysis_of_hostile_texts_is_the_reference()
    {
        var seed = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        foreach (var title in Texts)
        {
            foreach (var text in Texts)
            {
                AssertReference(seed with { Title = title, Text = text, Tags = new[] { " Tag ", "中国", "tag", "" }.ToEquatableArray() });
            }
        }
    }

    [Fact]
    public void The_analysis_of_the_repository_seed_is_the_reference()
    {
        var article = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        Assert.NotEmpty(article.Text);
        AssertReference(article);
    }

    [SharedCorpusFact]
    public void The_analysis_of_every_real_seed_is_the_reference()
    {
        var files = Directory.GetFiles(Path.Combine(Repository.SharedCorpus!, "real"), "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(934, files.Count);
        foreach (var file in files)
        {
            AssertReference(SharedCorpus.Read(file).Article!);
        }
    }

    [Fact]
    public void Equal_articles_give_equal_documents_and_another_text_another()
    {
        var article = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        Assert.Equal(SearchDocument.Of(article), SearchDocument.Of(article with { Text = new string(article.Text.ToCharArray()) }));
        Assert.NotEqual(SearchDocument.Of(article), SearchDocument.Of(article with { Text = article.Text + " 中" }));
    }

    private static void AssertReference(ArticleModel article)
    {
        var (terms, postings, titleTokens, textTokens) = Reference(article);
        var document = SearchDocument.Of(article);
        Assert.Equal(terms, document.TermList().ToArray());
        Assert.Equal(string.Concat(terms), document.Terms);
        Assert.Equal(terms.Length, document.TermCount);
        Assert.Equal(postings, document.Postings.AsImmutableArray().ToArray());
        Assert.Equal(titleTokens.Count, document.TitleLength);
        Assert.Equal(textTokens.Count, document.TextLength);
        Assert.Equal(titleTokens.Count == 0 ? 0 : titleTokens[^1].Position + 1, document.TitleSpan);
        Assert.Equal(textTokens.Count == 0 ? 0 : textTokens[^1].Position + 1, document.TextSpan);
    }

    /// <summary>Every token's term as a string, every bigram of two CJK tokens that touch, every CJK token beside a word as its word-neighbour term, tags; sorted; written as SearchDocument says.</summary>
    private static (string[] Terms, byte[] Postings, List<SearchAnalyzer.Token> Title, List<SearchAnalyzer.Token> Text) Reference(ArticleModel article)
    {
        var title = SearchAnalyzer.Tokenize(RecordEncoder.WellFormed(article.Title));
        var text = SearchAnalyzer.Tokenize(RecordEncoder.WellFormed(article.Text));
        var positions = new SortedDictionary<string, (List<int> Title, List<int> Text)>(StringComparer.Ordinal);
        (List<int> Title, List<int> Text) At(string term) =>
            positions.TryGetValue(term, out var lists) ? lists : positions[term] = (new List<int>(), new List<int>());

        foreach (var (tokens, inTitle) in new[] { (title, true), (text, false) })
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var lists = At(tokens[i].Term);
                (inTitle ? lists.Title : lists.Text).Add(tokens[i].Position);
                if (tokens[i].IsCjk && i + 1 < tokens.Count && tokens[i + 1].IsCjk && tokens[i + 1].Position == tokens[i].Position + 1)
                {
                    lists = At(tokens[i].Term + tokens[i + 1].Term);
                    (inTitle ? lists.Title : lists.Text).Add(tokens[i].Position);
                }

                // A CJK token with a word just before or just after it: its word-neighbour term too, once.
                if (tokens[i].IsCjk && ((i > 0 && !tokens[i - 1].IsCjk) || (i + 1 < tokens.Count && !tokens[i + 1].IsCjk)))
                {
                    lists = At(SearchAnalyzer.WordNeighbourTerm(tokens[i].Term));
                    (inTitle ? lists.Title : lists.Text).Add(tokens[i].Position);
                }
            }
        }

        foreach (var tag in article.Tags)
        {
            At(SearchAnalyzer.TagTerm(tag));
        }

        var bytes = new VarintWriter();
        foreach (var (term, (inTitle, inText)) in positions)
        {
            bytes.Write(term.Length);
            bytes.Write(inTitle.Count);
            bytes.Write(inText.Count);
            if (SearchIndexFormat.HasPositions(term))
            {
                foreach (var list in new[] { inTitle, inText })
                {
                    var previous = 0;
                    foreach (var position in list)
                    {
                        bytes.Write(position - previous);
                        previous = position;
                    }
                }
            }
        }

        return (positions.Keys.ToArray(), bytes.ToArray(), title, text);
    }
}
