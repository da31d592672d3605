using Microsoft.AspNetCore.Builder;

namespace Corpus.Web.Hosting;

/// <summary>Response headers that keep seed content inert even if some of it slipped through unencoded.</summary>
public static class SiteHeaders
{
    /// <summary>
    /// No script runs and no frame loads (the site has neither); styles only from the site; images may come from the
    /// outlets (articles show theirs), nothing else.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' https: http:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSiteHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    });
}
