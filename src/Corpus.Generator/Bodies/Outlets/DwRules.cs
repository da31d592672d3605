using System;
using AngleSharp.Dom;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Bodies;

/// <summary>DW: the legal notice closing its articles.</summary>
internal sealed class DwRules : OutletRules
{
    public override string? Outlet => Outlets.Dw;

    /// <summary>
    /// <c>&lt;p&gt;&lt;em&gt;© 2020年德国之声版权声明：本文所有内容受到著作权法保护…&lt;/em&gt;&lt;/p&gt;</c>: the outlet's terms of
    /// use, not the article's words nor an agency credit.
    /// </summary>
    public override Boilerplate Classify(IElement element, string? classes)
    {
        if (element.LocalName != "p")
        {
            return Boilerplate.None;
        }

        // Every paragraph passes here: look at the first visible character before building the paragraph's text.
        return Dom.FirstVisibleCharacter(element) == '©' && element.TextContent.IndexOf("版权声明", StringComparison.Ordinal) >= 0
            ? Boilerplate.Removed
            : Boilerplate.None;
    }
}
