using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Corpus.Web.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary><c>/</c>: every article, newest first, a page at a time, filtered by outlet, language and tag.</summary>
public sealed class IndexModel : PageModel
{
    public ArticleFilter Filter { get; private set; } = ArticleFilter.None;

    public ArticlePage<Article>? Listing { get; private set; }

    // "page" is a route value of Razor Pages: the query parameter is bound by name from the query string only.
    public IActionResult OnGet(string? outlet, string? language, string? tag, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        Filter = ArticleFilter.From(outlet, language, tag);
        Listing = pageNumber < 1 ? null : ArticleCatalog.Page(Filter, pageNumber);
        return Listing is null ? NotFound() : Page();
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageLink(int number)
    {
        KeyValuePair<string, string?>[] parameters =
        [
            new("outlet", Filter.Outlet),
            new("language", Filter.Language),
            new("tag", Filter.Tag),
            new("page", number == 1 ? null : number.ToString(CultureInfo.InvariantCulture)),
        ];
        return "/" + QueryString.Create(parameters.Where(p => p.Value is not null));
    }
}
