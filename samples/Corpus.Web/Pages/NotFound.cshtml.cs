using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Web.Pages;

/// <summary>The 404 page: rendered for any response that ends as 404 without a body (and when asked for directly).</summary>
public sealed class NotFoundModel : PageModel
{
    public string RequestedPath { get; private set; } = string.Empty;

    public bool IsArticle { get; private set; }

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        RequestedPath = original is null ? Request.Path.Value ?? "/" : original.OriginalPathBase + original.OriginalPath;
        IsArticle = RequestedPath.StartsWith("/articles/", System.StringComparison.Ordinal);
    }
}
