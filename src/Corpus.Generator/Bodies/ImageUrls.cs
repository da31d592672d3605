using System;

namespace Corpus.Generator.Bodies;

/// <summary>Makes an image source usable on its own: absolute, https for protocol-relative, and without the feed's image proxy.</summary>
internal static class ImageUrls
{
    /// <summary>
    /// The resolved URL; null when there is none, it is a <c>data:</c> URI (inline bytes, not an address), or it is not an
    /// absolute http or https URL.
    /// </summary>
    /// <remarks>
    /// A relative or malformed source is left out: the body gives no base to resolve it against, and the generated
    /// <c>ArticleImage.Url</c> is an absolute <see cref="Uri"/>, which such a source would make throw at run time.
    /// </remarks>
    public static string? Resolve(string? source)
    {
        var url = (source ?? string.Empty).Trim();
        if (url.Length == 0 || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        url = WithScheme(url);
        url = Unproxy(url) ?? url;
        return IsAbsoluteHttp(url) ? url : null;
    }

    /// <summary>True when <c>new Uri(url, UriKind.Absolute)</c> succeeds with an http or https scheme, as the generated code requires.</summary>
    private static bool IsAbsoluteHttp(string url)
    {
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && uri.Host.Length > 0;
        }
        catch (Exception)
        {
            // Uri has had parser exceptions escape TryCreate on some frameworks; a seed must never crash the build.
            return false;
        }
    }

    private static string WithScheme(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;

    /// <summary>
    /// The feeds route images through <c>images.weserv.nl/?url=host/path</c>; the original is the <c>url</c> parameter,
    /// often written without a scheme (the proxy assumes http, but the outlets all serve https).
    /// </summary>
    private static string? Unproxy(string url)
    {
        var rest = StripPrefix(url, "https://images.weserv.nl") ?? StripPrefix(url, "http://images.weserv.nl");
        if (rest is null)
        {
            return null;
        }

        if (rest.StartsWith("/", StringComparison.Ordinal))
        {
            rest = rest.Substring(1);
        }

        if (!rest.StartsWith("?", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var parameter in rest.Substring(1).Split('&'))
        {
            if (!parameter.StartsWith("url=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var original = Unescape(parameter.Substring(4)).Trim();
            if (original.Length == 0)
            {
                return null;
            }

            if (original.StartsWith("//", StringComparison.Ordinal))
            {
                return "https:" + original;
            }

            var scheme = original.IndexOf("://", StringComparison.Ordinal);
            return scheme > 0 && IsScheme(original.Substring(0, scheme)) ? original : "https://" + original;
        }

        return null;
    }

    private static string? StripPrefix(string url, string prefix) =>
        url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? url.Substring(prefix.Length) : null;

    private static bool IsScheme(string value)
    {
        if (value.Length == 0 || !IsAsciiLetter(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsAsciiLetter(c) && c is not (>= '0' and <= '9') and not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static string Unescape(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
