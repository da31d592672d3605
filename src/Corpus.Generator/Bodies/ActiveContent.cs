using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>Event handlers and <c>javascript:</c> URLs go: the HTML is emitted into the consumer's code and may be shown.</summary>
internal static class ActiveContent
{
    /// <summary>Attributes that hold a URL a browser may navigate to or load.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcdoc",
    };

    /// <summary>Removes the element's event handler attributes and script URLs.</summary>
    public static void Remove(IElement element)
    {
        List<string>? remove = null;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || (UrlAttributes.Contains(attribute.Name) && IsScriptUrl(attribute.Value)))
            {
                (remove ??= []).Add(attribute.Name);
            }
        }

        if (remove is null)
        {
            return;
        }

        foreach (var name in remove)
        {
            element.RemoveAttribute(name);
        }
    }

    /// <summary>True for <c>javascript:</c> (and <c>vbscript:</c>) URLs, however a browser would still read them: with spaces, tabs or controls inside.</summary>
    private static bool IsScriptUrl(string value)
    {
        // Every URL attribute passes here: the scheme is compared as it is read, not collected first.
        var length = 0;
        var javascript = true;
        var vbscript = true;
        foreach (var c in value)
        {
            if (c <= ' ' || TextNormalizer.IsRemoved(c) || TextNormalizer.IsWhitespace(c))
            {
                continue;
            }

            if (c == ':')
            {
                break;
            }

            var lower = char.ToLowerInvariant(c);
            javascript = javascript && length < "javascript".Length && "javascript"[length] == lower;
            vbscript = vbscript && length < "vbscript".Length && "vbscript"[length] == lower;
            if (!javascript && !vbscript)
            {
                return false;
            }

            length++;
        }

        return ((javascript && length == "javascript".Length) || (vbscript && length == "vbscript".Length)) && value.IndexOf(':') >= 0;
    }
}
