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
        var (reference, titleTokens, textTokens) = Reference(article);
        var document = SearchDocument.Of(article);
        var analysed = Read(document);
        Assert.Equal(reference.Keys, analysed.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (term, expected) in reference)
        {
            var actual = analysed[term];
            Assert.True(expected.Title.Count == actual.InTitle, term);
            Assert.True(expected.Text.Count == actual.InText, term);
            if (SearchTermKind.IsCjkCharacter(term.AsSpan()))
            {
                Assert.Equal((expected.TitleRunEnds, expected.TextRunEnds), (actual.Following[0], actual.Following[1]));
            }
            else if (SearchIndexFormat.HasPositions(term))
            {
                Assert.Equal(expected.Title.Concat(expected.Text), actual.Following);
            }
            else
            {
                Assert.Empty(actual.Following);
            }
        }

        Assert.Equal(string.Concat(document.TermList()), document.Terms);
        Assert.Equal(reference.Count, document.TermCount);
        Assert.Equal(titleTokens.Count, document.TitleLength);
        Assert.Equal(textTokens.Count, document.TextLength);
        Assert.Equal(titleTokens.Count == 0 ? 0 : titleTokens[^1].Position + 1, document.TitleSpan);
        Assert.Equal(textTokens.Count == 0 ? 0 : textTokens[^1].Position + 1, document.TextSpan);
    }

    /// <summary>The document's terms as SearchDocument says they are written: each in its bucket, once, with its counts and what follows them.</summary>
    private static Dictionary<string, (int InTitle, int InText, List<int> Following)> Read(SearchDocument document)
    {
        var terms = new Dictionary<string, (int, int, List<int>)>(StringComparer.Ordinal);
        var postings = document.Postings.AsImmutableArray().AsSpan();
        for (var bucket = 0; bucket < SearchDocument.Buckets; bucket++)
        {
            var (at, offset, end) = document.Bucket(bucket);
            while (offset < end)
            {
                var length = VarintWriter.Read(postings, ref offset);
                var inTitle = VarintWriter.Read(postings, ref offset);
                var inText = VarintWriter.Read(postings, ref offset);
                var term = document.Terms.Substring(at, length);
                at += length;
                Assert.Equal(bucket, SearchDocument.BucketOf(term[0]));
                var following = new List<int>();
                if (SearchTermKind.IsCjkCharacter(term.AsSpan()))
                {
                    following.Add(VarintWriter.Read(postings, ref offset));
                    following.Add(VarintWriter.Read(postings, ref offset));
                }
                else if (SearchIndexFormat.HasPositions(term))
                {
                    // Coded as the index codes them: read back with the runtime's reader, below each field's span.
                    var bits = VarintWriter.Read(postings, ref offset);
                    var bytes = postings.Slice(offset, (bits + 7) / 8).ToArray();
                    offset += bytes.Length;
                    var reader = new SearchIndexFormat.BitReader(bytes, 0);
                    ReadPositions(ref reader, document.TitleSpan, inTitle, following);
                    ReadPositions(ref reader, document.TextSpan, inText, following);
                }

                terms.Add(term, (inTitle, inText, following));
            }

            Assert.Equal(end, offset);
        }

        return terms;
    }

    /// <summary>One field's positions as the runtime's SearchSegment reads them: one alone below the span, more Rice-coded gaps.</summary>
    private static void ReadPositions(ref SearchIndexFormat.BitReader reader, int span, int count, List<int> into)
    {
        if (count == 1)
        {
            into.Add(reader.Below(span));
            return;
        }

        var k = SearchIndexFormat.PositionRice(span, count);
        var position = -1;
        for (var i = 0; i < count; i++)
        {
            position += reader.Rice(k) + 1;
            into.Add(position);
        }
    }

    /// <summary>
    /// Every token's term, every bigram of two CJK tokens that touch, every CJK token beside a word as its word-neighbour
    /// term, tags; for each its positions in the title and the text and, for a CJK character, how many of its
    /// occurrences no touching CJK token follows.
    /// </summary>
    private static (SortedDictionary<string, (List<int> Title, List<int> Text, int TitleRunEnds, int TextRunEnds)> Terms, List<SearchAnalyzer.Token> Title, List<SearchAnalyzer.Token> Text) Reference(ArticleModel article)
    {
        var title = SearchAnalyzer.Tokenize(RecordEncoder.WellFormed(article.Title));
        var text = SearchAnalyzer.Tokenize(RecordEncoder.WellFormed(article.Text));
        var terms = new SortedDictionary<string, (List<int> Title, List<int> Text, int TitleRunEnds, int TextRunEnds)>(StringComparer.Ordinal);
        (List<int> Title, List<int> Text, int, int) At(string term) =>
            terms.TryGetValue(term, out var lists) ? lists : terms[term] = (new List<int>(), new List<int>(), 0, 0);

        foreach (var (tokens, inTitle) in new[] { (title, true), (text, false) })
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var lists = At(tokens[i].Term);
                (inTitle ? lists.Title : lists.Text).Add(tokens[i].Position);
                var touching = tokens[i].IsCjk && i + 1 < tokens.Count && tokens[i + 1].IsCjk && tokens[i + 1].Position == tokens[i].Position + 1;
                if (tokens[i].IsCjk && !touching)
                {
                    var (t, x, titleRunEnds, textRunEnds) = terms[tokens[i].Term];
                    terms[tokens[i].Term] = inTitle ? (t, x, titleRunEnds + 1, textRunEnds) : (t, x, titleRunEnds, textRunEnds + 1);
                }

                if (touching)
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

        return (terms, title, text);
    }
}
