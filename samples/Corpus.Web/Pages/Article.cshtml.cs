using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary><c>/articles/{id}</c>: one article in full and the five most related; 404 for an id no seed has.</summary>
public sealed class ArticleModel : PageModel
{
    public const int RelatedCount = 5;

    public Article? Article { get; private set; }

    /// <summary>The articles most like this one (by their weighted terms; a rewrite of the same story first).</summary>
    public IReadOnlyList<Article> Related { get; private set; } = [];

    public IActionResult OnGet(string id)
    {
        Article = Articles.FindById(id);
        if (Article is null)
        {
            return NotFound();
        }

        Related = Articles.Related(Article, RelatedCount);
        return Page();
    }
}
