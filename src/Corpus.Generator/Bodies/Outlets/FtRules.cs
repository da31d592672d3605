using AngleSharp.Dom;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Bodies;

/// <summary>FT: the <c>story-lead</c> div as the lead (its empty date element is removed like any other).</summary>
internal sealed class FtRules : OutletRules
{
    public override string? Outlet => Outlets.Ft;

    public override bool IsLead(IElement element) => element.LocalName == "div" && Dom.HasClass(element, "story-lead");

    /// <summary>The story-lead is the lead even after loose text: the div marks it, not its place.</summary>
    public override bool LeadMayFollowLooseText => true;
}
