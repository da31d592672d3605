using System.Collections.Generic;
using AngleSharp.Dom;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>
/// Removes artifacts, boilerplate, scripts and styles in one pre-order pass, collecting images, media and the
/// agency credit on the way (so nothing inside removed boilerplate is collected).
/// </summary>
internal sealed class Cleaner
{
    public List<BodyImage> Images { get; } = [];

    public List<BodyMedia> Media { get; } = [];

    public string? Credit { get; private set; }

    /// <summary>
    /// <see cref="Captions"/>' answer per container, asked again for each image inside it (each a walk of the container,
    /// which may be the whole body). Asking once is exact: the pass only removes nodes, every image it asks for counts (it
    /// has a URL), and an image it has passed is never removed.
    /// A list, not a dictionary: a body has few containers, and an element's first identity hash code is not cheap.
    /// </summary>
    private readonly List<(IElement Container, bool Several)> severalImages = [];

    public void Clean(IElement root)
    {
        // Pre-order, so images are collected in document order; a removed node is not descended into.
        var stack = DescendantWalk.StartEditing(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Parent is not { } parent)
            {
                continue;
            }

            if (ShouldRemove(node))
            {
                parent.RemoveChild(node);
            }
            else if (node is IElement element)
            {
                switch (element.LocalName)
                {
                    case "img":
                        AddImage(element);
                        break;
                    case "iframe":
                        AddMedia(MediaKind.Iframe, element);
                        break;
                    case "video":
                        AddMedia(MediaKind.Video, element);
                        break;
                    case "audio":
                        AddMedia(MediaKind.Audio, element);
                        break;
                }

                DescendantWalk.PushChildren(stack, element);
            }
        }
    }

    private bool ShouldRemove(INode node)
    {
        switch (node)
        {
            case IComment:
                return true;
            case IText text:
                // The upstream PHP array-to-string artifact stands where an image should be.
                return TextNormalizer.NormalizesTo(text.Data, "Array");
            case IElement element:
                return IsRemovedElement(element);
            default:
                return false;
        }
    }

    private bool IsRemovedElement(IElement element)
    {
        if (HtmlElements.Removed.Contains(element.LocalName))
        {
            return true;
        }

        // Read once here: every outlet's rules look at the class list of every element.
        switch (OutletRules.ClassifyInAnyOutlet(element, element.GetAttribute("class")))
        {
            case Boilerplate.Credit:
                var credit = TextNormalizer.Normalize(element.TextContent);
                if (Credit is null && credit.Length > 0)
                {
                    Credit = credit;
                }

                return true;
            case Boilerplate.Removed:
                return true;
            default:
                return false;
        }
    }

    private void AddImage(IElement image)
    {
        var url = ImageUrls.Resolve(image.GetAttribute("src")) ?? ImageUrls.Resolve(image.GetAttribute("data-src"));
        if (url is null)
        {
            return;
        }

        var alt = TextNormalizer.Normalize(image.GetAttribute("alt") ?? string.Empty);
        var caption = Captions.Of(image, severalImages);
        Images.Add(new BodyImage(url, alt.Length == 0 ? null : alt, caption));
    }

    /// <summary>The element's own <c>src</c>, else its first <c>&lt;source src&gt;</c> (a video or audio with several encodings).</summary>
    private void AddMedia(MediaKind kind, IElement element)
    {
        var url = ImageUrls.Resolve(element.GetAttribute("src"));
        if (url is null)
        {
            // As QuerySelectorAll("source") would find them, without parsing a selector per element.
            foreach (var node in DescendantWalk.Of(element))
            {
                if (node is IElement source && Dom.IsNamed(source, "source")
                    && ImageUrls.Resolve(source.GetAttribute("src")) is { } resolved)
                {
                    url = resolved;
                    break;
                }
            }
        }

        if (url is not null)
        {
            Media.Add(new BodyMedia(kind, url));
        }
    }
}
