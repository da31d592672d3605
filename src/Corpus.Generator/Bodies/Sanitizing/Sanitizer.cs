using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace Corpus.Generator.Bodies;

/// <summary>
/// Applies <see cref="HtmlPolicy"/> to the cleaned body, in place, so that <c>Article.Html</c> is safe to render as
/// markup: only allowed elements in the HTML namespace, only their allowed attributes, only safe URLs, links with
/// <see cref="HtmlPolicy.LinkRel"/>. Runs after the text is read, so it changes nothing but the HTML.
/// </summary>
/// <remarks>
/// What comes out cannot change meaning when a browser parses it again (mutation XSS): no raw-text element (script, style,
/// xmp, iframe, noembed, noframes, plaintext, noscript) and no foreign content (svg, math) is left, comments are gone, and
/// the serialiser escapes every text and attribute value.
/// </remarks>
internal static class Sanitizer
{
    public static void Sanitize(IElement root, Uri? articleUrl)
    {
        var stack = DescendantWalk.StartEditing(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Parent is not { } parent)
            {
                continue;
            }

            if (node is IText)
            {
                continue;
            }

            if (node is not IElement element || !string.Equals(element.NamespaceUri, NamespaceNames.HtmlUri, StringComparison.Ordinal))
            {
                // Comments (the cleaning pass removed them already) and svg or math content outside its root.
                parent.RemoveChild(node);
                continue;
            }

            switch (HtmlPolicy.ActionFor(element.LocalName))
            {
                case ElementAction.Remove:
                    parent.RemoveChild(element);
                    break;
                case ElementAction.Unwrap:
                    DescendantWalk.PushChildren(stack, element);
                    while (element.FirstChild is { } child)
                    {
                        parent.InsertBefore(child, element);
                    }

                    parent.RemoveChild(element);
                    break;
                case ElementAction.Div:
                    var div = element.Owner!.CreateElement("div");
                    while (element.FirstChild is { } child)
                    {
                        div.AppendChild(child);
                    }

                    parent.ReplaceChild(div, element);
                    DescendantWalk.PushChildren(stack, div);
                    break;
                default:
                    if (KeepAttributes(element, articleUrl))
                    {
                        DescendantWalk.PushChildren(stack, element);
                    }
                    else
                    {
                        parent.RemoveChild(element);
                    }

                    break;
            }
        }
    }

    /// <summary>Filters the kept element's attributes; false for an image left with no source, which shows nothing.</summary>
    private static bool KeepAttributes(IElement element, Uri? articleUrl)
    {
        var attributes = element.Attributes;
        var name = element.LocalName;
        if (attributes.Length > 0)
        {
            var allowed = HtmlPolicy.AttributesOf(name);
            string? lazySource = null;
            for (var i = attributes.Length - 1; i >= 0; i--)
            {
                var attribute = attributes[i]!;
                if (!string.IsNullOrEmpty(attribute.NamespaceUri) || !allowed.TryGetValue(attribute.LocalName, out var kind))
                {
                    // A lazy-loading image's address, used below when its src is a placeholder.
                    if (attribute.LocalName == "data-src" && name == "img")
                    {
                        lazySource = attribute.Value;
                    }

                    element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
                    continue;
                }

                if (kind == AttributeKind.Plain)
                {
                    continue;
                }

                var url = SafeUrls.Check(attribute.Value, articleUrl, mailto: kind == AttributeKind.Link);
                if (url is null)
                {
                    element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
                }
                else if (!string.Equals(url, attribute.Value, StringComparison.Ordinal))
                {
                    attribute.Value = url;
                }
            }

            if (name == "img" && !element.HasAttribute("src") && lazySource is not null
                && SafeUrls.Check(lazySource, articleUrl, mailto: false) is { } source)
            {
                element.SetAttribute("src", source);
            }
        }

        switch (name)
        {
            case "img":
                return element.HasAttribute("src");
            case "a" when element.HasAttribute("href"):
                element.SetAttribute("rel", HtmlPolicy.LinkRel);
                break;
        }

        return true;
    }
}
