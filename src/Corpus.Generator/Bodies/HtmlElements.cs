using System;
using System.Collections.Generic;

namespace Corpus.Generator.Bodies;

/// <summary>What the body passes ask of an element name; the block pass asks all of it of every element.</summary>
[Flags]
internal enum ElementKinds
{
    None = 0,
    NoText = 1,
    Block = 2,
    Heading = 4,
}

/// <summary>The HTML element tables: what the cleaning pass removes, what holds no text, what ends a paragraph.</summary>
internal static class HtmlElements
{
    /// <summary>Elements the cleaning pass removes with their content.</summary>
    public static readonly HashSet<string> Removed = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template",
    };

    /// <summary>Elements whose content is never article text (media, embedded documents, form controls, vector graphics).</summary>
    private static readonly HashSet<string> NoText = new(StringComparer.Ordinal)
    {
        "img", "picture", "source", "track", "video", "audio", "iframe", "object", "embed", "param", "canvas", "svg",
        "math", "map", "area", "select", "option", "optgroup", "datalist", "textarea", "input", "button", "noembed",
        "noframes", "title", "meta", "link", "base", "head",
    };

    /// <summary>Elements that end the running paragraph before and after them.</summary>
    private static readonly HashSet<string> Block = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "pre", "td", "th", "tr", "table", "thead", "tbody", "tfoot", "caption", "colgroup", "section",
        "article", "aside", "header", "footer", "nav", "main", "address", "hr", "center", "details", "summary", "form",
        "fieldset", "legend", "body", "html", "dialog", "hgroup", "menu", "listing", "xmp", "plaintext",
    };

    private static readonly HashSet<string> Heading = new(StringComparer.Ordinal)
    {
        "h1", "h2", "h3", "h4", "h5", "h6",
    };

    /// <summary>The three sets above in one table: one lookup per element instead of three.</summary>
    private static readonly Dictionary<string, ElementKinds> Kinds = BuildKinds();

    private static Dictionary<string, ElementKinds> BuildKinds()
    {
        var kinds = new Dictionary<string, ElementKinds>(StringComparer.Ordinal);
        foreach (var (names, kind) in new[] { (NoText, ElementKinds.NoText), (Block, ElementKinds.Block), (Heading, ElementKinds.Heading) })
        {
            foreach (var name in names)
            {
                kinds[name] = (kinds.TryGetValue(name, out var known) ? known : ElementKinds.None) | kind;
            }
        }

        return kinds;
    }

    public static ElementKinds KindOf(string name) => Kinds.TryGetValue(name, out var kind) ? kind : ElementKinds.None;

    public static bool HoldsNoText(string name) => (KindOf(name) & ElementKinds.NoText) != 0;

    /// <summary>Block-level, including an element the tokenizer named from a malformed <c>&lt;divclass=…</c> tag.</summary>
    public static bool IsBlock(string name, ElementKinds kind) =>
        (kind & ElementKinds.Block) != 0 || name.StartsWith("div", StringComparison.Ordinal);
}
