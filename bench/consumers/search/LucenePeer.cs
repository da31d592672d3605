using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Consumer.Search;

/// <summary>
/// The peer a .NET user would pick: Lucene.NET over the same articles' Title and Text, analysed with <c>CJKAnalyzer</c>
/// (CJK bigrams, other text as lower-cased words without English stop words), indexed with positions into a
/// <c>RAMDirectory</c> when the process starts, ranked by <c>BM25Similarity</c> (k1 1.2, b 0.75). A query is cut as the
/// scan cuts it; every term (or quoted phrase) must match the title or the text, a term analysed into several tokens (a CJK
/// word into its bigrams) as a phrase of them, the title boosted as the index weights it.
/// </summary>
internal sealed partial class LucenePeer : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The title's weight against the text's: the generated index weights a title match 3 times (BM25F; Lucene sums per-field BM25).</summary>
    public const float TitleBoost = 3f;

    private readonly RAMDirectory directory = new();
    private readonly Analyzer analyzer = new CJKAnalyzer(Version);
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public LucenePeer(IEnumerable<Article> articles)
    {
        var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var article in articles)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", article.Id, Field.Store.YES),
                    // TextField: indexed with frequencies and positions (phrases), not stored.
                    new TextField("title", article.Title, Field.Store.NO),
                    new TextField("text", article.Text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The index's files in memory (bytes).</summary>
    public long IndexBytes => directory.GetSizeInBytes();

    public (int Total, IReadOnlyList<string> Ids) Search(string query, int take)
    {
        var terms = QueryTerms(query);
        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            var title = Clause("title", term, TitleBoost);
            var text = Clause("text", term, 1f);
            if (title is null || text is null)
            {
                continue; // nothing left after analysis (punctuation, a stop word): ignored, as Lucene's query parser does
            }

            all.Add(new BooleanQuery { { title, Occur.SHOULD }, { text, Occur.SHOULD } }, Occur.MUST);
        }

        if (all.Clauses.Count == 0)
        {
            return (0, []);
        }

        var top = searcher.Search(all, take);
        return (top.TotalHits, top.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToArray());
    }

    /// <summary>The scan's cut (200 characters, 8 terms); a quoted stretch is one term, a phrase.</summary>
    internal static IReadOnlyList<string> QueryTerms(string query)
    {
        var cleaned = query.Trim();
        if (cleaned.Length > LinearScan.MaxQueryLength)
        {
            cleaned = cleaned[..LinearScan.MaxQueryLength];
        }

        return Terms().Matches(cleaned).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(LinearScan.MaxTerms).ToArray();
    }

    private Query? Clause(string field, string term, float boost)
    {
        var tokens = new List<(string Text, int Position)>();
        using (var stream = analyzer.GetTokenStream(field, term))
        {
            var text = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                tokens.Add((text.ToString(), position));
            }

            stream.End();
        }

        Query? query = tokens.Count switch
        {
            0 => null,
            1 => new TermQuery(new Term(field, tokens[0].Text)),
            _ => Phrase(field, tokens),
        };
        if (query is not null)
        {
            query.Boost = boost;
        }

        return query;
    }

    private static PhraseQuery Phrase(string field, List<(string Text, int Position)> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var (text, position) in tokens)
        {
            phrase.Add(new Term(field, text), position);
        }

        return phrase;
    }

    public void Dispose()
    {
        reader.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }

    [GeneratedRegex("\"([^\"]*)\"|[^\\s\"]+")]
    private static partial Regex Terms();
}
