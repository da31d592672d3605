using System.Collections.Generic;
using System.Linq;

namespace Corpus.Generator.Search;

/// <summary>
/// Where the bytes of the index go, by component and by class of term (<see cref="ClassOf"/>), filled by
/// <see cref="SearchIndexWriter"/> when it is handed one: what Corpus.Bench's <c>search-size</c> command reports.
/// </summary>
internal sealed class SearchIndexSizes
{
    public SortedDictionary<string, long> Bytes { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, long> Terms { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Terms that occur in one document of their segment.</summary>
    public SortedDictionary<string, long> Singletons { get; } = new(System.StringComparer.Ordinal);

    public void Add(string component, long bytes)
    {
        Bytes.TryGetValue(component, out var sum);
        Bytes[component] = sum + bytes;
    }

    /// <summary>Postings (a term in a document) and positions by class of term.</summary>
    public SortedDictionary<string, long> Counts { get; } = new(System.StringComparer.Ordinal);

    public void Count(string what, long count)
    {
        Counts.TryGetValue(what, out var sum);
        Counts[what] = sum + count;
    }

    public void AddTerm(string term, int frequency)
    {
        var kind = ClassOf(term);
        Terms.TryGetValue(kind, out var count);
        Terms[kind] = count + 1;
        if (frequency == 1)
        {
            Singletons.TryGetValue(kind, out var singletons);
            Singletons[kind] = singletons + 1;
        }
    }

    public long Total => Bytes.Values.Sum();

    /// <summary>tag, cjk-word (a CJK character next to a word), cjk1 (one CJK character), cjk2 (a bigram), word (anything else).</summary>
    public static string ClassOf(string term) =>
        term.Length > 0 && term[0] == SearchAnalyzer.TagMark ? "tag"
        : term.Length > 0 && term[0] == SearchAnalyzer.WordNeighbourMark ? "cjk-word"
        : SearchAnalyzer.IsCjkTerm(term) ? "cjk1"
        : term.Length > 0 && (SearchAnalyzer.IsCjk(term[0]) || char.IsHighSurrogate(term[0])) ? "cjk2"
        : "word";
}
