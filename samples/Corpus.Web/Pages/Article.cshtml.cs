using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary><c>/articles/{id}</c>: one article in full; 404 for an id no seed has.</summary>
public sealed class ArticleModel : PageModel
{
    public Article? Article { get; private set; }

    public IActionResult OnGet(string id)
    {
        Article = Articles.FindById(id);
        return Article is null ? NotFound() : Page();
    }
}
