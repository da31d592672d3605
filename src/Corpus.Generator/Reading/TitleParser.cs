using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using Corpus.Generator.Text;

namespace Corpus.Generator.Reading;

/// <summary>An article's title as read from its seed.</summary>
/// <param name="Title">The headline alone: <see cref="RawTitle"/> without the outlet's name and the column suffix. Never empty when <see cref="RawTitle"/> is not.</param>
/// <param name="RawTitle">The title as the feed gave it: entities decoded, markup removed, whitespace normalised (one line), suffixes kept.</param>
/// <param name="Column">The column or programme the suffix named (RFI's <c>要闻解说</c>, <c>法国报纸摘要</c>...); null when none.</param>
internal sealed record ArticleTitle(string Title, string RawTitle, string? Column);

/// <summary>Turns the title as written in a seed into <see cref="ArticleTitle"/>.</summary>
/// <remarks>
/// Feeds append their own name and sometimes a column name to the headline: RFI <c>… – 法国国际广播电台 - RFI</c> and
/// <c>… - 要闻解说</c>, Reuters (Jekyll mirror) <c>… | 路透</c>. A suffix after <c> - </c>, <c> – </c> or <c> | </c> is
/// taken off only when it is known to name something other than the headline:
/// <list type="bullet">
/// <item>the outlet's own name, for the outlet of the URL only (see <see cref="OutletNames"/>): removed, not a column;</item>
/// <item>a column: a percent-decoded segment of the URL's path (<c>/cn/专栏检索/要闻解说/…</c>) or one of
/// <see cref="KnownColumns"/>, RFI's programmes, which its 2020 URLs do not carry.</item>
/// </list>
/// Anything else stays in the title: China Digital Times writes <c>source | headline</c>, and real headlines contain dashes
/// (<c>Coronavirus – 印度上亿民众再遭封城</c>).
/// </remarks>
internal static class TitleParser
{
    private static readonly string[] Separators = [" - ", " – ", " | "];

    /// <summary>Outlet names that close a title, longest first so <c>法国国际广播电台 - RFI</c> wins over <c>RFI</c>.</summary>
    private static readonly Dictionary<string, string[]> OutletNames = new(StringComparer.Ordinal)
    {
        [Outlets.Rfi] = ["法国国际广播电台 - RFI", "法国国际广播电台", "RFI"],
        [Outlets.Reuters] = ["路透中文网", "路透"],
        [Outlets.Bbc] = ["BBC News 中文", "BBC中文网"],
        [Outlets.Dw] = ["德国之声"],
        [Outlets.Voa] = ["美国之音"],
        [Outlets.Ft] = ["FT中文网"],
        [Outlets.Nyt] = ["纽约时报中文网"],
        [Outlets.Rfa] = ["自由亚洲电台"],
        [Outlets.ChinaDigitalTimes] = ["中国数字时代"],
    };

    /// <summary>RFI Chinese programme names seen as title suffixes in 2020 seeds, whose URLs name only the section (<c>/cn/中国/</c>).</summary>
    private static readonly HashSet<string> KnownColumns = new(StringComparer.Ordinal)
    {
        "要闻解说", "要闻分析", "法国报纸摘要", "今日经济", "亚洲周刊", "法国世界报", "法国思想长廊", "微言微语",
        "柏林飞鸿", "美国专栏", "曼谷专栏", "东京专栏", "特别节目", "公民论坛", "法国文艺欣赏",
    };

    /// <summary>Only elements that can carry inline text: a title like <c>a&lt;b</c> must not lose its text to a guessed tag.</summary>
    private static readonly HashSet<string> MarkupTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "big", "br", "cite", "code", "del", "div", "em", "font", "i", "ins", "mark", "p", "q", "s",
        "small", "span", "strong", "sub", "sup", "u", "wbr",
    };

    public static ArticleTitle Parse(string titleAsWritten, string url)
    {
        // Tags first, entities second: an encoded "&lt;b&gt;" is text the author meant to show.
        var raw = TextNormalizer.Normalize(WebUtility.HtmlDecode(RemoveTags(titleAsWritten ?? string.Empty)) ?? string.Empty);
        url ??= string.Empty;

        var title = raw;
        var outlet = Outlets.FromUrl(url);
        if (OutletNames.TryGetValue(outlet, out var names))
        {
            foreach (var name in names)
            {
                if (TryStripSuffix(title, name, out var rest))
                {
                    title = rest;
                    break;
                }
            }
        }

        string? column = null;
        var last = LastSeparator(title, out var separatorLength);
        if (last > 0)
        {
            var candidate = title.Substring(last + separatorLength);
            if (IsColumn(candidate, url))
            {
                column = candidate;
                title = title.Substring(0, last).TrimEnd();
            }
        }

        if (title.Length == 0)
        {
            return new ArticleTitle(raw, raw, null);
        }

        return new ArticleTitle(title, raw, column);
    }

    private static bool TryStripSuffix(string title, string name, out string rest)
    {
        foreach (var separator in Separators)
        {
            var suffixLength = separator.Length + name.Length;
            if (title.Length > suffixLength
                && title.EndsWith(name, StringComparison.Ordinal)
                && string.CompareOrdinal(title, title.Length - suffixLength, separator, 0, separator.Length) == 0)
            {
                rest = title.Substring(0, title.Length - suffixLength).TrimEnd();
                return rest.Length > 0;
            }
        }

        rest = title;
        return false;
    }

    private static int LastSeparator(string title, out int length)
    {
        var last = -1;
        length = 0;
        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > last)
            {
                last = at;
                length = separator.Length;
            }
        }

        return last;
    }

    private static bool IsColumn(string candidate, string url)
    {
        if (candidate.Length == 0 || !HasLetter(candidate))
        {
            return false;
        }

        if (KnownColumns.Contains(candidate))
        {
            return true;
        }

        foreach (var segment in PathSegments(url))
        {
            if (string.Equals(segment, candidate, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A number or date after a dash ("… - 2020") is part of the headline even when the path has the same segment.
    private static bool HasLetter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> PathSegments(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            yield break;
        }

        var pathStart = url.IndexOf('/', scheme + 3);
        if (pathStart < 0)
        {
            yield break;
        }

        var pathEnd = url.IndexOfAny(['?', '#'], pathStart);
        if (pathEnd < 0)
        {
            pathEnd = url.Length;
        }

        foreach (var segment in url.Substring(pathStart, pathEnd - pathStart).Split('/'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(segment);
            }
            catch (Exception)
            {
                // Malformed escapes: compare the segment as written rather than fail.
                decoded = segment;
            }

            yield return TextNormalizer.Normalize(decoded);
        }
    }

    private static string RemoveTags(string value)
    {
        if (value.IndexOf('<') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var tagEnd = value[i] == '<' ? TagEnd(value, i) : -1;
            if (tagEnd < 0)
            {
                builder.Append(value[i]);
                i++;
            }
            else
            {
                i = tagEnd;
            }
        }

        return builder.ToString();
    }

    /// <returns>The offset after the tag starting at <paramref name="start"/>, or -1 when it is not a known tag.</returns>
    private static int TagEnd(string value, int start)
    {
        var nameStart = start + 1;
        if (nameStart < value.Length && value[nameStart] == '/')
        {
            nameStart++;
        }

        var nameEnd = nameStart;
        while (nameEnd < value.Length && IsAsciiLetterOrDigit(value[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart || nameEnd >= value.Length || !MarkupTags.Contains(value.Substring(nameStart, nameEnd - nameStart)))
        {
            return -1;
        }

        var next = value[nameEnd];
        if (next != '>' && next != '/' && !char.IsWhiteSpace(next))
        {
            return -1;
        }

        var close = value.IndexOf('>', nameEnd);
        return close < 0 ? -1 : close + 1;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
