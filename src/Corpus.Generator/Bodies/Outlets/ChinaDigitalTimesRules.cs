using System;
using AngleSharp.Dom;
using Corpus.Generator.Reading;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>China Digital Times: its WordPress "Better Feed" footer.</summary>
/// <remarks>Its <c>日期：</c> line, outside the body, is read by <see cref="PublishedDates.TryParseDateLine"/>.</remarks>
internal sealed class ChinaDigitalTimesRules : OutletRules
{
    public override string? Outlet => Outlets.ChinaDigitalTimes;

    /// <summary>
    /// <c>&lt;hr /&gt;&lt;p&gt;&lt;small&gt;© … |Permalink … Post tags: …&lt;/small&gt;&lt;/p&gt;</c> (the hr goes too) and
    /// <c>&lt;p&gt;&lt;small&gt;Feed enhanced by Better Feed…&lt;/small&gt;&lt;/p&gt;</c>.
    /// </summary>
    public override Boilerplate Classify(IElement element, string? classes)
    {
        if (element.LocalName != "p" || Dom.FirstSignificantChild(element) is not IElement { LocalName: "small" } small
            || Dom.NextSignificantSibling(small) is not null)
        {
            return Boilerplate.None;
        }

        // Most p > small are not the footer: its text starts "Feed enhanced by" or "©", so look at that character first.
        var first = Dom.FirstVisibleCharacter(small);
        if (first is not ('F' or '©'))
        {
            return Boilerplate.None;
        }

        var text = TextNormalizer.Normalize(small.TextContent);
        if (text.StartsWith("Feed enhanced by", StringComparison.Ordinal))
        {
            return Boilerplate.Removed;
        }

        if (text.StartsWith("©", StringComparison.Ordinal) && text.IndexOf("Permalink", StringComparison.Ordinal) >= 0)
        {
            Dom.RemovePrecedingSeparator(element, "hr");
            return Boilerplate.Removed;
        }

        return Boilerplate.None;
    }
}
