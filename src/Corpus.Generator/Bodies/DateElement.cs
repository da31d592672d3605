using System;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>The body's leading date element, as read: its date and the author it names.</summary>
internal readonly record struct DateElement(PublishedDate? Published, string? Author)
{
    /// <summary>Longest text of a plain <c>&lt;div&gt;</c> that is still taken for a date element (RFI's is 18 characters).</summary>
    private const int PlainDateMaxLength = 40;

    /// <summary>Longest text of a <c>&lt;div&gt;&lt;i&gt;</c> date element, author included.</summary>
    private const int ItalicDateMaxLength = 160;

    /// <summary>
    /// Finds the outlet's leading date element (see <see cref="PublishedDates"/>), removes it when it is read (or
    /// empty, as FT's), and reports it when it has a date element's shape but not a known date.
    /// </summary>
    /// <remarks>An unreadable element stays in the text: it may be article text after all, and losing text is worse.</remarks>
    public static DateElement Read(IElement root, string bodyHtml, string outlet, List<BodyProblem> problems)
    {
        if (Candidate(root) is not { } div)
        {
            return default;
        }

        string dateText;
        string? author = null;
        bool italic;
        var inner = Dom.FirstSignificantChild(div);
        if (inner is IElement { LocalName: "i" } i && Dom.NextSignificantSibling(i) is null && HasOnlyTextAndBreaks(i))
        {
            italic = true;
            var lines = SplitAtBreaks(i);
            dateText = TextNormalizer.Normalize(lines[lines.Count - 1]);
            var authorText = TextNormalizer.Normalize(string.Join(" ", lines.GetRange(0, lines.Count - 1)));
            if (dateText.Length + authorText.Length > ItalicDateMaxLength)
            {
                return default;
            }

            author = authorText.Length == 0 ? null : WithoutRepeats(authorText);
        }
        else if (inner is null || (inner is IText && HasOnlyText(div)))
        {
            italic = false;
            dateText = TextNormalizer.Normalize(div.TextContent);
            if (dateText.Length > PlainDateMaxLength || (dateText.Length > 0 && !LooksLikeDate(dateText)))
            {
                return default;
            }
        }
        else
        {
            return default;
        }

        if (dateText.Length == 0 && author is null)
        {
            div.Remove();
            return default;
        }

        if (PublishedDates.TryParseDateElement(dateText, outlet, out var published))
        {
            div.Remove();
            return new DateElement(published, author);
        }

        var (offset, length) = Locate(bodyHtml);
        var shape = italic ? "<div><i>" : "<div>";
        problems.Add(new BodyProblem(
            BodyProblemKind.UnreadableDate,
            offset,
            length,
            "the leading " + shape + " date element holds '" + dateText + "', which is not a date form known for " + (outlet.Length == 0 ? "any outlet" : outlet)));
        return default;
    }

    /// <summary>The leading attribute-less <c>&lt;div&gt;</c> that may be the date element, before its content is looked at.</summary>
    private static IElement? Candidate(IElement root)
    {
        var first = Dom.FirstSignificantChild(root);
        if (first is not IElement div || div.LocalName != "div" || div.Attributes.Length != 0)
        {
            return null;
        }

        // The Jekyll-wrapped variant puts the whole feed body in one more <div>: its first child is the date element.
        if (Dom.FirstSignificantChild(div) is IElement { LocalName: "div", Attributes.Length: 0 } wrapped)
        {
            div = wrapped;
        }

        return div;
    }

    /// <summary>
    /// The date element's extent in the body string, from a second parse that keeps source positions: the same HTML
    /// gives the same tree, so the same candidate, now with its position.
    /// </summary>
    private static (int Offset, int Length) Locate(string bodyHtml)
    {
        var root = BodyDocument.ParseWithPositions(bodyHtml);
        return Candidate(root) is { } div ? LocateStartDiv(div, bodyHtml) : (0, Math.Min(bodyHtml.Length, BodyReader.WholeBodySpan));
    }

    /// <summary>NYT's feed sometimes names one author twice (<c>SAMMI ZHENG,SAMMI ZHENG</c>): a byline lists each person once.</summary>
    private static string WithoutRepeats(string authors)
    {
        if (authors.IndexOf(',') < 0)
        {
            return authors;
        }

        var names = new List<string>();
        foreach (var part in authors.Split(','))
        {
            var name = TextNormalizer.Normalize(part);
            if (name.Length > 0 && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.Count == 1 ? names[0] : authors;
    }

    /// <summary>The element's extent in the body string, from its start tag to its first <c>&lt;/div&gt;</c> (a date element nests no div).</summary>
    private static (int Offset, int Length) LocateStartDiv(IElement div, string bodyHtml)
    {
        var offset = div.SourceReference?.Position.Index ?? -1;
        if (offset < 0 || offset >= bodyHtml.Length || bodyHtml[offset] != '<')
        {
            // Source positions are kept by the parser; this only guards against a parser change.
            offset = bodyHtml.IndexOf("<div", StringComparison.OrdinalIgnoreCase);
            if (offset < 0)
            {
                return (0, Math.Min(bodyHtml.Length, BodyReader.WholeBodySpan));
            }
        }

        var end = bodyHtml.IndexOf("</div>", offset, StringComparison.OrdinalIgnoreCase);
        if (end >= 0)
        {
            return (offset, end + "</div>".Length - offset);
        }

        var close = bodyHtml.IndexOf('>', offset);
        return (offset, close >= 0 ? close + 1 - offset : bodyHtml.Length - offset);
    }

    /// <summary>
    /// Digits with only what date forms write around them (separators, Latin month and zone names, 年月日): a short
    /// <c>&lt;div&gt;</c> of text such as <c>3D心脏全息图助外科医生手术</c> (a whole Jekyll-wrapped body) is text, not a date.
    /// </summary>
    private static bool LooksLikeDate(string text)
    {
        if (!HasAsciiDigit(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or ' ' or '/' or '-' or ':' or '.' or ',' or '+'
                or '年' or '月' or '日'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasOnlyText(IElement element)
    {
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IElement)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasOnlyTextAndBreaks(IElement element)
    {
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IElement child && child.LocalName != "br")
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> SplitAtBreaks(IElement element)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IText text)
            {
                current.Append(text.Data);
            }
            else if (node is IElement)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
        }

        lines.Add(current.ToString());
        return lines;
    }

    private static bool HasAsciiDigit(string value)
    {
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                return true;
            }
        }

        return false;
    }
}
