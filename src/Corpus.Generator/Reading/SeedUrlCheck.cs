using System;
using Corpus.Generator.Text;

namespace Corpus.Generator.Reading;

/// <summary>The check of a seed's URL, from its title block or its front matter's <c>from</c>: an absolute http or https URL with a host.</summary>
internal static class SeedUrlCheck
{
    /// <returns>Null when <paramref name="url"/> is an absolute http or https URL; otherwise why not.</returns>
    public static string? Problem(string url)
    {
        if (url.Length == 0)
        {
            return "the URL between ( and ) is empty";
        }

        foreach (var c in url)
        {
            if (TextNormalizer.IsWhitespace(c) || char.IsControl(c))
            {
                return "the URL '" + Excerpt.Of(url) + "' contains whitespace or a control character";
            }
        }

        Uri? uri;
        try
        {
            // Raw non-ASCII paths (China Digital Times) are valid IRIs and parse here.
            if (!Uri.TryCreate(url, UriKind.Absolute, out uri))
            {
                uri = null;
            }
        }
        catch (Exception)
        {
            // Uri has had parser exceptions escape TryCreate on some frameworks; a seed must never crash the build.
            uri = null;
        }

        if (uri is null)
        {
            return "'" + Excerpt.Of(url) + "' is not an absolute URL";
        }

        // Ordinal on the URL as written: on Unix, Uri also takes "/path" as an absolute file URI.
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return "'" + Excerpt.Of(url) + "' is not an http or https URL";
        }

        if (!string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal)
            && !string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal))
        {
            return "'" + Excerpt.Of(url) + "' is not an http or https URL";
        }

        return uri.Host.Length == 0 ? "'" + Excerpt.Of(url) + "' has no host" : null;
    }
}
