using Corpus.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary><c>/search?q=</c>: articles whose title or text contains every term, the first match shown in context.</summary>
public sealed class SearchModel : PageModel
{
    public TextSearchResults Results { get; private set; } = TextSearchResults.Empty(string.Empty);

    public void OnGet(string? q) => Results = ArticleSearch.Search(q);
}
