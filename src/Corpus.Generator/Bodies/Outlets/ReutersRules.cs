using AngleSharp.Dom;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Bodies;

/// <summary>Reuters: the link to its editorial principles under every article.</summary>
/// <remarks>Its zone-less date element (<c>2020-07-20T10:20:18</c>) is UTC, the default of <see cref="OutletRules.ZonelessTimeOffset"/>.</remarks>
internal sealed class ReutersRules : OutletRules
{
    public override string? Outlet => Outlets.Reuters;

    /// <summary><c>我们的标准：汤森路透“信任原则”</c>.</summary>
    public override Boilerplate Classify(IElement element, string? classes) =>
        Dom.HasClassPart(classes, "trustBadgeContainer") ? Boilerplate.Removed : Boilerplate.None;
}
