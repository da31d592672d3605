using System;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Corpus.Generator.Bodies;

/// <summary>A body string parsed into the element that holds it, with one parser per thread.</summary>
internal static class BodyDocument
{
    /// <summary>Without source positions, which cost every parse; only a date element's problem needs one (<see cref="ParseWithPositions"/>).</summary>
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsKeepingSourceReferences = false,
    };

    private static readonly HtmlParserOptions LocatingParserOptions = new()
    {
        IsKeepingSourceReferences = true,
    };

    // Creating a parser (and its browsing context) is the costly part, and the generator may read bodies on several threads.
    [ThreadStatic]
    private static HtmlParser? parser;

    [ThreadStatic]
    private static HtmlParser? locatingParser;

    /// <summary>The body's root element, the head's elements moved into it.</summary>
    public static IElement Parse(string bodyHtml)
    {
        parser ??= new HtmlParser(ParserOptions, BrowsingContext.New(Configuration.Default));
        return Root(parser.ParseDocument(bodyHtml));
    }

    /// <summary>As <see cref="Parse"/>, each element knowing where it starts in <paramref name="bodyHtml"/>.</summary>
    public static IElement ParseWithPositions(string bodyHtml)
    {
        locatingParser ??= new HtmlParser(LocatingParserOptions, BrowsingContext.New(Configuration.Default));
        return Root(locatingParser.ParseDocument(bodyHtml));
    }

    private static IElement Root(IDocument document)
    {
        var root = (IElement?)document.Body ?? document.DocumentElement;
        MoveHeadIntoBody(document, root);
        return root;
    }

    /// <summary>
    /// The HTML parser puts a leading <c>&lt;style&gt;</c>, <c>&lt;title&gt;</c> or <c>&lt;meta&gt;</c> into the head;
    /// the body string has no head, so whatever landed there belongs to the body.
    /// </summary>
    private static void MoveHeadIntoBody(IDocument document, IElement root)
    {
        var head = document.Head;
        if (head is null || head == root || !head.HasChildNodes)
        {
            return;
        }

        var first = root.FirstChild;
        while (head.FirstChild is { } child)
        {
            if (first is null)
            {
                root.AppendChild(child);
            }
            else
            {
                root.InsertBefore(child, first);
            }
        }
    }
}
