using Corpus.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary>
/// <c>/search?q=</c>: the articles with every term, best first (or newest first), a page at a time, with the matches in
/// their snippets highlighted and the counts by outlet, language and year to narrow the search by. With filters and no
/// query (<c>/search?outlet=RFI&amp;year=2022</c>, a facet's link from an empty search): every article they let through,
/// newest first.
/// </summary>
public sealed class SearchModel : PageModel
{
    public SearchRequest Criteria { get; private set; } = SearchRequest.None;

    /// <summary>Null until a query is typed or a filter chosen.</summary>
    public SearchResults? Results { get; private set; }

    public int TotalPages => Results is null ? 1 : SearchRequest.TotalPages(Results.Total, Criteria.PageSize);

    // "page" is a route value of Razor Pages: the query parameter is bound by name from the query string only.
    public IActionResult OnGet(string? q, string? outlet, string? language, string? year, string? sort, [FromQuery(Name = "page")] int pageNumber = 1, int pageSize = SearchRequest.DefaultPageSize)
    {
        Criteria = SearchRequest.From(q, outlet, language, year, sort, pageNumber, pageSize);
        if (!Criteria.IsValidPage)
        {
            return NotFound();
        }

        Results = Criteria.IsEmpty && !Criteria.IsFiltered ? null : Articles.Search(Criteria.Query, Criteria.Options());
        return Page();
    }
}
