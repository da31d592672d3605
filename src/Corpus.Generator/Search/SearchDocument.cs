using System;
using System.Collections.Generic;
using System.Linq;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Search;

/// <summary>
/// One seed as the search index sees it, analysed once per seed and cached with it: the lengths and facet values of
/// the article, its tags, and its terms with their positions (<see cref="SearchAnalyzer"/>, the runtime's analysis).
/// </summary>
/// <param name="Terms">Every distinct term, ordinal order (tags as <see cref="SearchAnalyzer.TagTerm"/>).</param>
/// <param name="Postings">For each term in order: its count in the title, its count in the text, then its title positions
/// and its text positions, each list delta-coded from 0, all varints.</param>
internal sealed record SearchDocument(
    SeedKey Key,
    int TitleLength,
    int TextLength,
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
        foreach (var token in title)
        {
            At(positions, token.Term).Title.Add(token.Position);
        }

        foreach (var token in text)
        {
            At(positions, token.Term).Text.Add(token.Position);
        }

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
            WriteDeltas(bytes, inTitle);
            WriteDeltas(bytes, inText);
        }

        var published = article.PublishedAt;
        return new SearchDocument(
            article.Key,
            title.Count,
            text.Count,
            article.Outlet,
            article.Language,
            SearchIndexFormat.DateCode(published?.UtcTicks),
            published is null ? 0 : published.ToDateTimeOffset().Year,
            terms.ToEquatableArray(),
            bytes.ToArray().ToEquatableArray());
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
