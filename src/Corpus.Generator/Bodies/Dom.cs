using System;
using AngleSharp.Dom;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>Questions the body passes ask of nodes, answered in place: no selector, no <c>TextContent</c>, no split.</summary>
internal static class Dom
{
    private static readonly char[] ClassSeparators = [' ', '\t', '\n', '\f', '\r'];

    /// <summary>The first child that is not a comment or blank text.</summary>
    public static INode? FirstSignificantChild(INode parent)
    {
        var node = parent.FirstChild;
        while (node is not null && !IsSignificant(node))
        {
            node = node.NextSibling;
        }

        return node;
    }

    /// <summary>The next sibling that is not a comment or blank text.</summary>
    public static INode? NextSignificantSibling(INode node)
    {
        var next = node.NextSibling;
        while (next is not null && !IsSignificant(next))
        {
            next = next.NextSibling;
        }

        return next;
    }

    private static bool IsSignificant(INode node) => node switch
    {
        IComment => false,
        IText text => !IsBlank(text.Data),
        _ => true,
    };

    /// <summary>True when normalisation leaves nothing of <paramref name="value"/>.</summary>
    public static bool IsBlank(string value)
    {
        foreach (var c in value)
        {
            if (!TextNormalizer.IsWhitespace(c) && !TextNormalizer.IsRemoved(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first character of the node's text that normalisation keeps, or <c>'\0'</c> when there is none.</summary>
    public static char FirstVisibleCharacter(INode root)
    {
        foreach (var node in DescendantWalk.Of(root))
        {
            if (node is IText text)
            {
                foreach (var c in text.Data)
                {
                    if (!TextNormalizer.IsWhitespace(c) && !TextNormalizer.IsRemoved(c))
                    {
                        return c;
                    }
                }
            }
        }

        return '\0';
    }

    /// <summary>How a CSS type selector (<c>QuerySelectorAll("img")</c>) matches an element: its local name, ignoring case.</summary>
    public static bool IsNamed(IElement element, string name) => string.Equals(element.LocalName, name, StringComparison.OrdinalIgnoreCase);

    public static bool HasClass(IElement element, string token) => HasToken(element.GetAttribute("class"), token);

    /// <summary>True when <paramref name="token"/> is one of the whitespace-separated tokens of <paramref name="classes"/>.</summary>
    public static bool HasToken(string? classes, string token)
    {
        if (classes is null)
        {
            return false;
        }

        for (var start = classes.IndexOf(token, StringComparison.Ordinal); start >= 0; start = classes.IndexOf(token, start + 1, StringComparison.Ordinal))
        {
            var end = start + token.Length;
            if ((start == 0 || IsClassSeparator(classes[start - 1])) && (end == classes.Length || IsClassSeparator(classes[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="part"/> occurs anywhere in <paramref name="classes"/>, inside a token or across tokens.</summary>
    public static bool HasClassPart(string? classes, string part) =>
        classes is not null && classes.IndexOf(part, StringComparison.Ordinal) >= 0;

    /// <summary>The class attribute's tokens, for the rare question no single token answers.</summary>
    public static string[] ClassTokens(IElement element) =>
        (element.GetAttribute("class") ?? string.Empty).Split(ClassSeparators, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsClassSeparator(char c) => Array.IndexOf(ClassSeparators, c) >= 0;

    /// <summary>Removes the <paramref name="name"/> element just before <paramref name="element"/>, blank text between them aside.</summary>
    public static void RemovePrecedingSeparator(IElement element, string name)
    {
        var previous = element.PreviousSibling;
        while (previous is IText text && IsBlank(text.Data))
        {
            previous = previous.PreviousSibling;
        }

        if (previous is IElement separator && separator.LocalName == name)
        {
            separator.Remove();
        }
    }
}
