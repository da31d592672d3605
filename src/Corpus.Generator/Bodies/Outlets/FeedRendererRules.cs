using AngleSharp.Dom;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>The full-text feed renderer (feedx.net) that every outlet's body went through: its footer.</summary>
internal sealed class FeedRendererRules : OutletRules
{
    public override string? Outlet => null;

    /// <summary>The footer <c>&lt;br&gt;&lt;hr&gt;&lt;div&gt;获取更多RSS：…&lt;/div&gt;</c>; the hr and br before it go too.</summary>
    public override Boilerplate Classify(IElement element, string? classes)
    {
        if (element.LocalName != "div" || element.FirstChild is not IText first
            || !TextNormalizer.NormalizedStartsWith(first.Data, "获取更多RSS"))
        {
            return Boilerplate.None;
        }

        Dom.RemovePrecedingSeparator(element, "hr");
        Dom.RemovePrecedingSeparator(element, "br");
        return Boilerplate.Removed;
    }
}
