using System.Collections.Generic;
using System.Linq;

namespace Consumer.Search;

/// <summary>The generated index: <c>Articles.Search</c>, the first ten hits (their snippets made, as a page shows them).</summary>
internal static class IndexEngine
{
    public static (int Total, IReadOnlyList<string> Ids) Search(string query)
    {
        var results = Articles.Search(query, new SearchOptions { Take = 10 });
        return (results.Total, results.Hits.Select(h => h.Article.Id).ToArray());
    }

    /// <summary>Unknown until the engine says (-1).</summary>
    public static long IndexBytes => -1;
}
