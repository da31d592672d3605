using System.Collections.Generic;
using AngleSharp.Dom;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Bodies;

/// <summary>BBC: its ad slots, and the screen-reader labels and image credits that are not article text.</summary>
internal sealed class BbcRules : OutletRules
{
    public override string? Outlet => Outlets.Bbc;

    public override Boilerplate Classify(IElement element, string? classes) =>
        Dom.HasClassPart(classes, "bbccom_advert") || Dom.HasClassPart(classes, "bbccom_slot") ? Boilerplate.Removed : Boilerplate.None;

    /// <summary>Screen-reader-only labels ("图片版权", "Image caption", "跳过 Youtube 帖子"), the image copyright holder, the embed warning.</summary>
    protected override IReadOnlyList<string> ScreenChrome { get; } = ["off-screen", "story-image-copyright", "embed-youtube-warning"];
}
