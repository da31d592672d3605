using System;

namespace Corpus.Generator.Bodies;

/// <summary>
/// The URLs <c>Article.Html</c> keeps: <c>http</c>, <c>https</c>, <c>mailto</c> for links, and relative ones made
/// absolute against the article's URL. The value is read as a browser's URL parser reads it, after the HTML parser has
/// decoded its character references (<c>jav&amp;#x09;ascript:</c> reaches here as <c>jav\tascript:</c>).
/// </summary>
internal static class SafeUrls
{
    /// <summary>The URL to write back, or null when the attribute must go.</summary>
    public static string? Check(string value, Uri? articleUrl, bool mailto)
    {
        var url = Strip(value);
        if (url.Length == 0)
        {
            return null;
        }

        var colon = SchemeEnd(url);
        if (colon < 0)
        {
            return Resolve(url, articleUrl);
        }

        var scheme = url.Substring(0, colon);
        return IsScheme(scheme, "http") || IsScheme(scheme, "https") || (mailto && IsScheme(scheme, "mailto")) ? url : null;
    }

    /// <summary>
    /// As the URL parser begins: leading and trailing C0 controls and spaces go, and so does every tab and newline, wherever
    /// it is; nothing else is skipped, so a scheme with any other character in it is no scheme and the URL is relative.
    /// </summary>
    private static string Strip(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && value[start] <= ' ')
        {
            start++;
        }

        while (end > start && value[end - 1] <= ' ')
        {
            end--;
        }

        var url = value.Substring(start, end - start);
        return url.IndexOfAny(TabAndNewlines) < 0 ? url : url.Replace("\t", string.Empty).Replace("\n", string.Empty).Replace("\r", string.Empty);
    }

    private static readonly char[] TabAndNewlines = ['\t', '\n', '\r'];

    /// <summary>The index of the colon that ends the URL's scheme (an ASCII letter, then letters, digits, <c>+ - .</c>); -1 when it has none.</summary>
    private static int SchemeEnd(string url)
    {
        if (!IsAsciiLetter(url[0]))
        {
            return -1;
        }

        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return i;
            }

            if (!IsAsciiLetter(c) && c is not (>= '0' and <= '9') and not '+' and not '-' and not '.')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>A relative URL made absolute against the article's; null without a base, or if it does not come out as http(s).</summary>
    private static string? Resolve(string url, Uri? articleUrl)
    {
        if (articleUrl is null)
        {
            return null;
        }

        try
        {
            return Uri.TryCreate(articleUrl, url, out var absolute)
                && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
                ? absolute.AbsoluteUri
                : null;
        }
        catch (Exception)
        {
            // Uri has had parser exceptions escape TryCreate on some frameworks; a seed must never crash the build.
            return null;
        }
    }

    /// <summary>The article's URL as a base for relative ones; null when it is not an absolute http(s) URL.</summary>
    public static Uri? Base(string? articleUrl)
    {
        try
        {
            return articleUrl is not null && Uri.TryCreate(articleUrl.Trim(), UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static bool IsScheme(string scheme, string expected) => string.Equals(scheme, expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
}
