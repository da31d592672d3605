using System;
using System.Collections.Generic;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Search;

/// <summary>
/// One seed as the search index sees it, analysed once per seed and cached with it: the lengths and facet values of
/// the article, its tags, and its terms with their positions (<see cref="SearchAnalyzer"/>, the runtime's analysis):
/// words, single CJK characters and the bigrams of CJK characters that touch (<see cref="SearchAnalyzer.Bigram"/>).
/// Two objects hold the terms, whatever their number (the cached models of 10,000 seeds stay small).
/// </summary>
/// <param name="TitleSpan">One past the title's last position (SearchIndexWriter codes positions below it).</param>
/// <param name="TextSpan">One past the text's last position.</param>
/// <param name="TermCount">How many distinct terms (the writer sizes its arrays by it).</param>
/// <param name="Terms">Every distinct term, ordinal order (tags as <see cref="SearchAnalyzer.TagTerm"/>), one after the
/// other with nothing between: <paramref name="Postings"/> gives their lengths.</param>
/// <param name="Postings">For each term in order: its length in <paramref name="Terms"/>, its count in the title, its
/// count in the text, then, for a term whose positions the index keeps (<see cref="SearchIndexFormat.HasPositions"/>),
/// its title positions and its text positions, each list delta-coded from 0, all varints.</param>
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
    int TermCount,
    string Terms,
    EquatableArray<byte> Postings)
{
    // One per thread: the generator analyses seeds in parallel, and each analysis reuses its tables.
    [ThreadStatic]
    private static SearchDocumentAnalysis? _analysis;

    public static SearchDocument Of(ArticleModel article)
    {
        var analysis = _analysis ??= new SearchDocumentAnalysis();
        var (titleLength, titleSpan) = analysis.Field(RecordEncoder.WellFormed(article.Title), inTitle: true);
        var (textLength, textSpan) = analysis.Field(RecordEncoder.WellFormed(article.Text), inTitle: false);
        foreach (var tag in article.Tags)
        {
            analysis.Tag(SearchAnalyzer.TagTerm(tag));
        }

        var (count, terms, postings) = analysis.Finish();
        var published = article.PublishedAt;
        return new SearchDocument(
            article.Key,
            titleLength,
            textLength,
            titleSpan,
            textSpan,
            article.Outlet,
            article.Language,
            SearchIndexFormat.DateCode(published?.UtcTicks),
            published is null ? 0 : published.ToDateTimeOffset().Year,
            count,
            terms,
            new EquatableArray<byte>(postings));
    }

    /// <summary>The distinct terms in order, as strings (for reports and tests; the writer reads <see cref="Terms"/> in place).</summary>
    public IEnumerable<string> TermList()
    {
        var offset = 0;
        var at = 0;
        while (offset < Postings.Count)
        {
            var postings = Postings.AsImmutableArray().AsSpan();
            var length = VarintWriter.Read(postings, ref offset);
            var inTitle = VarintWriter.Read(postings, ref offset);
            var inText = VarintWriter.Read(postings, ref offset);
            var term = Terms.Substring(at, length);
            at += length;
            var positions = SearchTermKind.HasPositions(term.AsSpan()) ? inTitle + inText : 0;
            for (var i = 0; i < positions; i++)
            {
                VarintWriter.Read(postings, ref offset);
            }

            yield return term;
        }
    }
}
