/// <summary>One article that matched a search, with its score and the text around its first match.</summary>
sealed partial class SearchHit
{
    internal SearchHit(Article article, double score, SearchSnippet snippet)
    {
        Article = article;
        Score = score;
        Snippet = snippet;
    }

    /// <summary>The article.</summary>
    public Article Article { get; }

    /// <summary>Its BM25 score for the query (higher is better); the same whether the corpus is one project or split over shards.</summary>
    public double Score { get; }

    /// <summary>A stretch of <see cref="Article.Text"/> around the first match, with where the terms matched in it.</summary>
    public SearchSnippet Snippet { get; }
}
