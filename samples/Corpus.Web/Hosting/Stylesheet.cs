using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Corpus.Web.Hosting;

/// <summary>Serves the site's one stylesheet, embedded in the assembly, at <c>/site.css</c>.</summary>
public static class Stylesheet
{
    public const string Path = "/site.css";

    private static readonly byte[] s_content = Load();

    public static IEndpointRouteBuilder MapStylesheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Bytes(s_content, "text/css; charset=utf-8");
        });
        return endpoints;
    }

    private static byte[] Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Corpus.Web.site.css")
            ?? throw new InvalidDataException("The embedded stylesheet Corpus.Web.site.css is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
