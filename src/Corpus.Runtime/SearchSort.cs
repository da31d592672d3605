// An enum cannot be partial: its visibility comes from the CORPUS_PUBLIC symbol the generator defines in this file.
/// <summary>The order of <see cref="SearchResults.Hits"/>.</summary>
#if CORPUS_PUBLIC
public
#else
internal
#endif
enum SearchSort
{
    /// <summary>Best first (BM25 over the title and the text, the title weighted more); equal scores newest first.</summary>
    Relevance = 0,

    /// <summary>Newest first, as <c>Articles.All</c> is ordered (undated last, then by Id).</summary>
    Newest = 1,
}
