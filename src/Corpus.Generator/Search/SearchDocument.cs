using System;
using System.Collections.Generic;
using System.Linq;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Search;

/// <summary>
/// One seed as the search index sees it, analysed once per seed and cached with it: the lengths and facet values of
/// the article, its tags, and its terms with their positions (<see cref="SearchAnalyzer"/>, the runtime's analysis):
/// words, single CJK characters and the bigrams of CJK characters that touch (<see cref="SearchAnalyzer.Bigram"/>).
/// </summary>
/// <param name="TitleSpan">One past the title's last position (SearchIndexWriter codes positions below it).</param>
/// <param name="TextSpan">One past the text's last position.</param>
/// <param name="Terms">Every distinct term, ordinal order (tags as <see cref="SearchAnalyzer.TagTerm"/>).</param>
/// <param name="Postings">For each term in order: its count in the title, its count in the text, then, for a term whose
/// positions the index keeps (<see cref="SearchIndexFormat.HasPositions"/>), its title positions and its text positions,
/// each list delta-coded from 0, all varints.</param>
internal sealed record SearchDocument(
    SeedKey Key,
    int TitleLength,
    int TextLength,
    int TitleSpan,
    int TextSpan,
    string Outlet,
    string Language,
    long DateCode,
    int Year,
    EquatableArray<string> Terms,
    EquatableArray<byte> Postings)
{
    public static SearchDocument Of(ArticleModel article)
    {
        var title = SearchAnalyzer.Tokenize(RecordEncoder.WellFormed(article.Title));
        var text = SearchAnalyzer.Tokenize(RecordEncoder.WellFormed(article.Text));
        var positions = new Dictionary<string, (List<int> Title, List<int> Text)>(StringComparer.Ordinal);
        Add(positions, title, inTitle: true);
        Add(positions, text, inTitle: false);

        foreach (var tag in article.Tags)
        {
            At(positions, SearchAnalyzer.TagTerm(tag));
        }

        var terms = positions.Keys.OrderBy(t => t, StringComparer.Ordinal).ToArray();
        var bytes = new VarintWriter();
        foreach (var term in terms)
        {
            var (inTitle, inText) = positions[term];
            bytes.Write(inTitle.Count);
            bytes.Write(inText.Count);
            if (SearchIndexFormat.HasPositions(term))
            {
                WriteDeltas(bytes, inTitle);
                WriteDeltas(bytes, inText);
            }
        }

        var published = article.PublishedAt;
        return new SearchDocument(
            article.Key,
            title.Count,
            text.Count,
            Span(title),
            Span(text),
            article.Outlet,
            article.Language,
            SearchIndexFormat.DateCode(published?.UtcTicks),
            published is null ? 0 : published.ToDateTimeOffset().Year,
            terms.ToEquatableArray(),
            bytes.ToArray().ToEquatableArray());
    }

    /// <summary>One past the last token's position: every position of the field is below it (positions skip one between separated CJK characters, so it can pass the count).</summary>
    private static int Span(List<SearchAnalyzer.Token> tokens) => tokens.Count == 0 ? 0 : tokens[tokens.Count - 1].Position + 1;

    /// <summary>Each token at its position, and each bigram of two CJK tokens that touch at the first one's.</summary>
    private static void Add(Dictionary<string, (List<int> Title, List<int> Text)> positions, List<SearchAnalyzer.Token> tokens, bool inTitle)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var lists = At(positions, token.Term);
            (inTitle ? lists.Title : lists.Text).Add(token.Position);
            if (token.IsCjk && i + 1 < tokens.Count && tokens[i + 1].IsCjk && tokens[i + 1].Position == token.Position + 1)
            {
                lists = At(positions, SearchAnalyzer.Bigram(token.Term, tokens[i + 1].Term));
                (inTitle ? lists.Title : lists.Text).Add(token.Position);
            }
        }
    }

    private static (List<int> Title, List<int> Text) At(Dictionary<string, (List<int>, List<int>)> positions, string term)
    {
        if (!positions.TryGetValue(term, out var lists))
        {
            positions[term] = lists = (new List<int>(), new List<int>());
        }

        return lists;
    }

    private static void WriteDeltas(VarintWriter bytes, List<int> positions)
    {
        var previous = 0;
        foreach (var position in positions)
        {
            bytes.Write(position - previous);
            previous = position;
        }
    }
}
