using System;
using System.Collections.Generic;

namespace Corpus.Generator.Bodies;

/// <summary>What the sanitizer does with an element of a given name (HTML namespace).</summary>
internal enum ElementAction
{
    /// <summary>Not in the allow-list: the element goes and its children take its place.</summary>
    Unwrap = 0,
    /// <summary>In the allow-list: kept, its attributes filtered.</summary>
    Keep,
    /// <summary>Not in the allow-list and block-level: becomes a bare <c>div</c>, so that its text stays a block of its own.</summary>
    Div,
    /// <summary>Active or embedded content: removed with everything inside it.</summary>
    Remove,
}

/// <summary>What an allowed attribute holds.</summary>
internal enum AttributeKind
{
    Plain = 0,
    /// <summary>A link or citation: http, https, mailto, or relative (made absolute).</summary>
    Link,
    /// <summary>An image source: http, https, or relative (made absolute).</summary>
    ImageSource,
}

/// <summary>
/// The allow-list of <c>Article.Html</c> (the table in docs/article-members.md): the elements an article needs and their
/// safe attributes. Anything else is unwrapped (its text kept) or, when it is active or embedded content, removed.
/// </summary>
internal static class HtmlPolicy
{
    /// <summary>What every kept element may carry.</summary>
    private static readonly string[] GlobalAttributes = ["title", "lang", "dir"];

    /// <summary>The elements kept, with the attributes each may carry besides <see cref="GlobalAttributes"/>.</summary>
    private static readonly (string[] Names, (string Name, AttributeKind Kind)[] Attributes)[] Kept =
    [
        (["p", "div", "span", "section", "article", "header", "footer", "aside", "main", "address", "hgroup",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "wbr"], []),
        (["ul", "dl", "dt", "dd"], []),
        (["ol"], [("start", AttributeKind.Plain), ("reversed", AttributeKind.Plain), ("type", AttributeKind.Plain)]),
        (["li"], [("value", AttributeKind.Plain)]),
        (["blockquote", "q", "del", "ins"], [("cite", AttributeKind.Link)]),
        (["figure", "figcaption"], []),
        (["img"], [("src", AttributeKind.ImageSource), ("alt", AttributeKind.Plain), ("width", AttributeKind.Plain), ("height", AttributeKind.Plain)]),
        (["a"], [("href", AttributeKind.Link)]),
        (["table", "caption", "thead", "tbody", "tfoot", "tr"], []),
        (["th"], [("colspan", AttributeKind.Plain), ("rowspan", AttributeKind.Plain), ("scope", AttributeKind.Plain), ("abbr", AttributeKind.Plain)]),
        (["td"], [("colspan", AttributeKind.Plain), ("rowspan", AttributeKind.Plain)]),
        (["colgroup", "col"], [("span", AttributeKind.Plain)]),
        (["time"], [("datetime", AttributeKind.Plain)]),
        (["b", "strong", "i", "em", "u", "s", "mark", "small", "sub", "sup", "abbr", "cite", "dfn", "kbd", "samp", "var",
          "code", "pre", "bdi", "bdo", "ruby", "rt", "rp"], []),
    ];

    /// <summary>
    /// Removed with their content: scripts, styles, templates, plug-ins and frames (players are in <c>Media</c>), form
    /// controls, document metadata, vector graphics and formulas (the namespaces mutation XSS plays on), media elements.
    /// None of them holds article text (<see cref="HtmlElements"/>' no-text set, or removed by the cleaning pass already).
    /// </summary>
    private static readonly string[] Removed =
    [
        "script", "style", "template", "noscript", "object", "embed", "param", "iframe", "noembed", "noframes", "input",
        "button", "select", "option", "optgroup", "textarea", "datalist", "meta", "base", "link", "title", "head", "svg",
        "math", "canvas", "map", "area", "video", "audio", "source", "track",
    ];

    private static readonly Dictionary<string, ElementAction> Actions = BuildActions();

    private static readonly Dictionary<string, Dictionary<string, AttributeKind>> Attributes = BuildAttributes();

    /// <summary>The attributes of an element that has no rule of its own.</summary>
    private static readonly Dictionary<string, AttributeKind> GlobalOnly = WithGlobals([]);

    public static ElementAction ActionFor(string localName) =>
        Actions.TryGetValue(localName, out var action) ? action
        : HtmlElements.IsBlock(localName, HtmlElements.KindOf(localName)) ? ElementAction.Div
        : ElementAction.Unwrap;

    /// <summary>The attributes a kept element may carry, by name (lower case, no namespace).</summary>
    public static Dictionary<string, AttributeKind> AttributesOf(string localName) =>
        Attributes.TryGetValue(localName, out var attributes) ? attributes : GlobalOnly;

    /// <summary>The <c>rel</c> every kept link gets: no access to this page's window, no referrer, no endorsement.</summary>
    public const string LinkRel = "noopener noreferrer nofollow";

    /// <summary>Every name the allow-list keeps, for the docs' table and the tests.</summary>
    public static IEnumerable<string> KeptElements
    {
        get
        {
            foreach (var (names, _) in Kept)
            {
                foreach (var name in names)
                {
                    yield return name;
                }
            }
        }
    }

    public static IReadOnlyList<string> RemovedElements => Removed;

    private static Dictionary<string, ElementAction> BuildActions()
    {
        var actions = new Dictionary<string, ElementAction>(StringComparer.Ordinal);
        foreach (var name in KeptElements)
        {
            actions.Add(name, ElementAction.Keep);
        }

        foreach (var name in Removed)
        {
            actions.Add(name, ElementAction.Remove);
        }

        return actions;
    }

    private static Dictionary<string, Dictionary<string, AttributeKind>> BuildAttributes()
    {
        var byElement = new Dictionary<string, Dictionary<string, AttributeKind>>(StringComparer.Ordinal);
        foreach (var (names, attributes) in Kept)
        {
            var allowed = WithGlobals(attributes);
            foreach (var name in names)
            {
                byElement.Add(name, allowed);
            }
        }

        return byElement;
    }

    private static Dictionary<string, AttributeKind> WithGlobals((string Name, AttributeKind Kind)[] attributes)
    {
        var allowed = new Dictionary<string, AttributeKind>(StringComparer.Ordinal);
        foreach (var name in GlobalAttributes)
        {
            allowed.Add(name, AttributeKind.Plain);
        }

        foreach (var (name, kind) in attributes)
        {
            allowed.Add(name, kind);
        }

        return allowed;
    }
}
