using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Search;

/// <summary>The search members of the generated <c>Articles</c> class: <c>Search</c> and <c>Related</c>, calling the store's.</summary>
internal static class SearchEmitter
{
    public static void WriteSearchMembers(IndentedWriter writer, EmitOptions options, string lookups)
    {
        var article = CorpusEmitter.Qualified(options.TypesNamespace, "Article");
        var results = CorpusEmitter.Qualified(options.TypesNamespace, "SearchResults");
        var searchOptions = CorpusEmitter.Qualified(options.TypesNamespace, "SearchOptions");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The articles where every term of <paramref name=\"query\"/> occurs in the title or the text, best first (BM25, the title");
        writer.Line("/// weighted more; equal scores newest first): the first 10 hits, the total and the facets. Terms are split at white");
        writer.Line("/// space; Chinese, Japanese and Korean match as substrings, other words whole (case, full-width forms and diacritics");
        writer.Line("/// ignored), the last term also as the start of a word; <c>\"…\"</c> is a phrase. Never throws on any text.");
        writer.Line("/// </summary>");
        writer.Line($"public static {results} Search(string query) => {lookups}.Search(query, null);");
        writer.Line();
        writer.Line("/// <summary>The articles matching <paramref name=\"query\"/> (as <see cref=\"Search(string)\"/>) and the filters of <paramref name=\"options\"/>, in its order and page.</summary>");
        writer.Line($"public static {results} Search(string query, {searchOptions} options) => {lookups}.Search(query, options);");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The <paramref name=\"count\"/> articles most like <paramref name=\"article\"/> by their weighted terms (title and lead count");
        writer.Line("/// more), never the article itself; a rewritten version of the same story (same address, or nearly the same title) first.");
        writer.Line("/// </summary>");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{article}> Related({article} article, int count = 5) => {lookups}.Related(article, count);");
    }
}
