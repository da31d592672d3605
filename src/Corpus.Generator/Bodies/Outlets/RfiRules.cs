using System;
using AngleSharp.Dom;
using Corpus.Generator.Reading;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>RFI: its ad blocks and share block, the agency credit line, and the strong first paragraph as the lead.</summary>
/// <remarks>Its date element (<c>12/01/2022 - 12:44</c>, Paris time) is read by its shape: see <see cref="PublishedDates"/>.</remarks>
internal sealed class RfiRules : OutletRules
{
    public override string? Outlet => Outlets.Rfi;

    public override Boilerplate Classify(IElement element, string? classes)
    {
        if (element.LocalName == "p" && Dom.HasToken(classes, "t-copyright"))
        {
            return Boilerplate.Credit;
        }

        return IsAdvertisement(element, classes) || IsShareBlock(element) ? Boilerplate.Removed : Boilerplate.None;
    }

    /// <summary>A <c>p</c> whose whole content is one <c>strong</c> (a heading elsewhere) is the lead when it comes first.</summary>
    public override bool IsLead(IElement element) => element.LocalName == "p" && BlockWalker.IsStrongOnly(element);

    private static bool IsAdvertisement(IElement element, string? classes)
    {
        // RFI writes "<divclass=..." for its ad blocks: the parser makes that an element named divclass="m-block-ad.
        if (element.LocalName.IndexOf("m-block-ad", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i]!.Name.StartsWith("data-selfpromo", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (Dom.HasClassPart(classes, "m-interstitial__ad") || Dom.HasClassPart(classes, "m-block-ad"))
        {
            return true;
        }

        // The ad label alone, when its block is broken beyond recognition.
        return element.ChildNodes.Length == 1
            && element.FirstChild is IText label
            && TextNormalizer.NormalizesTo(label.Data, "广告");
    }

    /// <summary>RFI's 2023 share block <c>&lt;div&gt;&lt;div&gt;分享 :&lt;/div&gt;…facebook…&lt;/div&gt;</c>.</summary>
    private static bool IsShareBlock(IElement element)
    {
        if (element.LocalName != "div" || Dom.FirstSignificantChild(element) is not IElement { LocalName: "div" } label
            || label.ChildNodes.Length != 1 || label.FirstChild is not IText text)
        {
            return false;
        }

        var value = TextNormalizer.Normalize(text.Data).Replace(" ", string.Empty);
        return value is "分享:" or "分享：" or "分享";
    }
}
