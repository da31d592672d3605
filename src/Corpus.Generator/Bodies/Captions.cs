using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>Finds the caption an image is shown with; its text stays in the article text as well.</summary>
internal static class Captions
{
    /// <summary>How far up a caption's container may be: BBC's is the image's grandparent.</summary>
    private const int MaxLevels = 3;

    /// <remarks>
    /// Two shapes: a caption element beside the image in its figure or container (<c>figcaption</c>, or a class named
    /// <c>…-caption</c>/<c>…_caption</c>: BBC <c>media-caption</c>, RFA <c>image-caption</c>, WordPress
    /// <c>wp-caption-text</c>), only when that container holds no other image; and the feed renderer's
    /// <c>&lt;img&gt;&lt;div&gt;&lt;small&gt;caption&lt;/small&gt;&lt;/div&gt;</c> (DW, NYT, VOA). Screen-reader labels and
    /// photo credits (<c>copyright</c> classes) are not part of a caption.
    /// </remarks>
    public static string? Of(IElement image, List<(IElement Container, bool Several)> severalImages)
    {
        var inner = image;
        var container = image.ParentElement;
        for (var level = 0; level < MaxLevels && container is not null && container.LocalName is not ("body" or "html"); level++)
        {
            if (SeveralImages(container, severalImages))
            {
                break;
            }

            foreach (var child in container.Children)
            {
                if (child != inner && IsCaption(child))
                {
                    return NullIfEmpty(Text(child));
                }
            }

            inner = container;
            container = container.ParentElement;
        }

        if (Dom.NextSignificantSibling(image) is IElement { LocalName: "div", Attributes.Length: 0 } div
            && Dom.FirstSignificantChild(div) is IElement { LocalName: "small" } small
            && Dom.NextSignificantSibling(small) is null)
        {
            return NullIfEmpty(Text(small));
        }

        return null;
    }

    private static bool SeveralImages(IElement container, List<(IElement Container, bool Several)> known)
    {
        foreach (var (element, several) in known)
        {
            if (ReferenceEquals(element, container))
            {
                return several;
            }
        }

        var answer = HasSeveralImages(container);
        known.Add((container, answer));
        return answer;
    }

    /// <summary>
    /// More than one image of the article: RFA's zoom icon (a relative source) is not one, so it does not hide the
    /// caption. Stops at the second (each level of each image asks).
    /// </summary>
    private static bool HasSeveralImages(IElement container)
    {
        var count = 0;
        foreach (var node in DescendantWalk.Of(container))
        {
            if (node is IElement image && Dom.IsNamed(image, "img")
                && (ImageUrls.Resolve(image.GetAttribute("src")) is not null || ImageUrls.Resolve(image.GetAttribute("data-src")) is not null)
                && ++count > 1)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCaption(IElement element)
    {
        if (element.LocalName == "figcaption")
        {
            return true;
        }

        foreach (var token in Dom.ClassTokens(element))
        {
            // "has-caption" and "no-caption" describe a container, not a caption.
            if (token.StartsWith("has-", StringComparison.Ordinal) || token.StartsWith("no-", StringComparison.Ordinal))
            {
                continue;
            }

            if (token == "caption" || token == "wp-caption-text"
                || token.EndsWith("-caption", StringComparison.Ordinal) || token.EndsWith("_caption", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(IElement caption)
    {
        var builder = Scratch.Current.Text.Clear();
        foreach (var node in DescendantWalk.Of(caption))
        {
            if (node is IText text && !IsCredit(text, caption))
            {
                builder.Append(text.Data).Append(' ');
            }
        }

        return TextNormalizer.Normalize(builder);
    }

    private static bool IsCredit(INode node, IElement caption)
    {
        for (var element = node.ParentElement; element is not null && element != caption; element = element.ParentElement)
        {
            var classes = element.GetAttribute("class");
            if (HtmlElements.HoldsNoText(element.LocalName) || OutletRules.IsScreenChrome(element)
                || (classes is not null && classes.IndexOf("copyright", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
