using System;
using System.Collections.Generic;

namespace Corpus.Generator.Reading;

/// <summary>The news outlet of an article, named from its URL's host.</summary>
/// <remarks>
/// The nine outlets the scraper follows have a fixed short name (the constants below), so the body reader can switch on
/// them; any other host is named by the host itself. Subdomains count (<c>cn.reuters.com</c> is Reuters), look-alikes do
/// not (<c>notreuters.com</c> is not).
/// </remarks>
internal static class Outlets
{
    public const string Rfi = "RFI";
    public const string Bbc = "BBC";
    public const string Dw = "DW";
    public const string Voa = "VOA";
    public const string Reuters = "Reuters";
    public const string Ft = "FT";
    public const string Nyt = "NYT";
    public const string Rfa = "RFA";
    public const string ChinaDigitalTimes = "China Digital Times";

    /// <summary>The nine known outlet names.</summary>
    public static IReadOnlyList<string> Known { get; } = [Rfi, Bbc, Dw, Voa, Reuters, Ft, Nyt, Rfa, ChinaDigitalTimes];

    private static readonly (string Domain, string Outlet)[] Domains =
    [
        ("rfi.fr", Rfi),
        ("bbc.com", Bbc),
        ("bbc.co.uk", Bbc),
        ("dw.com", Dw),
        ("dw.de", Dw),
        ("voachinese.com", Voa),
        ("voanews.com", Voa),
        ("voacantonese.com", Voa),
        ("reuters.com", Reuters),
        ("ft.com", Ft),
        ("ftchinese.com", Ft),
        ("nytimes.com", Nyt),
        ("nytimes.cn", Nyt),
        ("rfa.org", Rfa),
        ("chinadigitaltimes.net", ChinaDigitalTimes),
    ];

    /// <summary>The outlet's short name; for an unknown host, the host in lower case without <c>www.</c>; empty when the URL has no host.</summary>
    public static string FromUrl(string url)
    {
        var host = Host(url);
        if (host.Length == 0)
        {
            return string.Empty;
        }

        foreach (var (domain, outlet) in Domains)
        {
            if (string.Equals(host, domain, StringComparison.Ordinal)
                || (host.Length > domain.Length
                    && host[host.Length - domain.Length - 1] == '.'
                    && host.EndsWith(domain, StringComparison.Ordinal)))
            {
                return outlet;
            }
        }

        return host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4 ? host.Substring(4) : host;
    }

    /// <summary>The host of an absolute URL as written, lower case (invariant), without user info, port or final dot.</summary>
    /// <remarks>Read by hand rather than with <see cref="Uri"/>, whose IDN and IRI handling differs between the frameworks a compiler runs on.</remarks>
    internal static string Host(string? url)
    {
        if (url is null)
        {
            return string.Empty;
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return string.Empty;
        }

        var start = scheme + 3;
        var end = start;
        while (end < url.Length && url[end] is not ('/' or '\\' or '?' or '#'))
        {
            end++;
        }

        var at = url.LastIndexOf('@', end - 1, end - start);
        if (at >= 0)
        {
            start = at + 1;
        }

        var hostEnd = end;
        if (start < end && url[start] == '[')
        {
            // An IPv6 literal: its colons are not a port.
            var close = url.IndexOf(']', start, end - start);
            hostEnd = close >= 0 ? close + 1 : end;
        }
        else
        {
            var colon = url.IndexOf(':', start, end - start);
            if (colon >= 0)
            {
                hostEnd = colon;
            }
        }

        while (hostEnd > start && url[hostEnd - 1] == '.')
        {
            hostEnd--;
        }

        return url.Substring(start, hostEnd - start).ToLowerInvariant();
    }
}
