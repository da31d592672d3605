/// <summary>
/// The filters of <see cref="SearchOptions"/> (outlet, language, tag, year, dates), and a search of no terms with
/// filters: every article they let through, newest first (browsing an outlet, a year or a tag).
/// </summary>
static partial class SearchEngine
{
    /// <summary>Every document of every source that the filters let through, scored 0: the order is then newest first, by Id on equal dates.</summary>
    private static SearchResults Browse(SearchSource[] sources, SearchQuery parsed, string[] terms, SearchOptions options)
    {
        var tag = Filters.TagTerm(options);
        var matches = new Matches(sources, options);
        for (var s = 0; s < sources.Length; s++)
        {
            var source = sources[s];
            var tagged = tag is null ? null : source.FindTag(tag);
            var filters = new Filters(source, tagged, options);
            if (tagged is not null)
            {
                // A tag's documents are few: walk them, not every document.
                for (var i = 0; i < tagged.Count; i++)
                {
                    if (filters.Admits(tagged.Documents[i]))
                    {
                        matches.Add(s, tagged.Documents[i], 0);
                    }
                }

                continue;
            }

            for (var document = 0; document < source.Count; document++)
            {
                if (filters.Admits(document))
                {
                    matches.Add(s, document, 0);
                }
            }
        }

        return new SearchResults(parsed.Text, terms, matches.Count, Hits(sources, matches.Page(options), parsed.Clauses), matches.Facets(), true);
    }

    /// <summary>The filters of one search for one source: whether a document passes them, asked in ascending order of documents.</summary>
    private sealed class Filters
    {
        private readonly SearchSource _source;
        private readonly SearchSource.Postings? _tag;
        private readonly bool[]? _outlets;
        private readonly bool[]? _languages;
        private readonly int? _year;
        private readonly long? _from;
        private readonly long? _to;
        private int _tagCursor;

        /// <param name="source">The source whose documents are asked about.</param>
        /// <param name="tag">The source's documents with the tag asked for; null when no tag is.</param>
        /// <param name="options">The search's options, whose filters these are.</param>
        public Filters(SearchSource source, SearchSource.Postings? tag, SearchOptions options)
        {
            _source = source;
            _tag = tag;
            _outlets = Allowed(source.OutletNames, options.Outlet, exact: true);
            _languages = Allowed(source.LanguageNames, options.Language, exact: false);
            _year = options.Year;
            _from = options.From?.UtcTicks;
            _to = options.To?.UtcTicks;
        }

        /// <summary>The index term of the tag asked for (<see cref="SearchAnalyzer.TagTerm"/>); null when none is.</summary>
        public static string? TagTerm(SearchOptions options) =>
            string.IsNullOrWhiteSpace(options.Tag) ? null : SearchAnalyzer.TagTerm(options.Tag!);

        /// <summary>Whether <paramref name="options"/> filters at all: a search of no terms then lists what they let through.</summary>
        public static bool Any(SearchOptions options) =>
            !string.IsNullOrWhiteSpace(options.Outlet) || !string.IsNullOrWhiteSpace(options.Language) || !string.IsNullOrWhiteSpace(options.Tag)
            || options.Year.HasValue || options.From.HasValue || options.To.HasValue;

        public bool Admits(int document)
        {
            if (_tag is not null)
            {
                _tagCursor = Seek(_tag.Documents, _tag.Count, _tagCursor, document);
                if (_tagCursor >= _tag.Count || _tag.Documents[_tagCursor] != document)
                {
                    return false;
                }
            }

            if ((_outlets is not null && !_outlets[_source.OutletCode(document)])
                || (_languages is not null && !_languages[_source.LanguageCode(document)]))
            {
                return false;
            }

            if (_year.HasValue && _source.Year(document) != _year.Value)
            {
                return false;
            }

            if (_from.HasValue || _to.HasValue)
            {
                var ticks = _source.Ticks(document);
                if (ticks == long.MinValue || (_from.HasValue && ticks < _from.Value) || (_to.HasValue && ticks >= _to.Value))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Which facet codes a filter lets through (null: no filter): an outlet ignoring case; a language ignoring case, or
    /// as a prefix before '-' (<c>zh</c> lets <c>zh-Hant</c> through).
    /// </summary>
    private static bool[]? Allowed(string[] names, string? filter, bool exact)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var wanted = filter!.Trim();
        var allowed = new bool[names.Length];
        for (var code = 0; code < names.Length; code++)
        {
            var name = names[code];
            allowed[code] = string.Equals(name, wanted, global::System.StringComparison.OrdinalIgnoreCase)
                || (!exact && name.Length > wanted.Length && name[wanted.Length] == '-'
                    && name.StartsWith(wanted, global::System.StringComparison.OrdinalIgnoreCase));
        }

        return allowed;
    }
}
