using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

internal enum BlockKind
{
    Paragraph,
    Heading,
}

/// <summary>Turns the cleaned DOM into lead, headings and paragraphs, in document order.</summary>
internal sealed class BlockWalker(string outlet)
{
    private readonly StringBuilder inline = Scratch.Current.Inline.Clear();
    private readonly List<BodySection> sections = [];
    private string? heading;
    private List<string>? paragraphs;
    private bool anyBlock;

    private readonly OutletRules rules = OutletRules.For(outlet);

    public string? Lead { get; private set; }

    public int ParagraphCount { get; private set; }

    public IReadOnlyList<BodySection> Sections
    {
        get
        {
            CloseSection();
            return sections;
        }
    }

    public void Walk(IElement root)
    {
        // (node, true) marks the end of a block: the running paragraph ends there.
        var stack = Scratch.Current.Blocks;
        stack.Clear();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var (node, end) = stack.Pop();
            if (end)
            {
                Flush();
                continue;
            }

            if (node is IText text)
            {
                inline.Append(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            var kind = HtmlElements.KindOf(name);
            if ((kind & ElementKinds.NoText) != 0 || OutletRules.IsScreenChrome(element))
            {
                continue;
            }

            if (name == "br")
            {
                Flush();
                continue;
            }

            if ((kind & ElementKinds.Heading) != 0)
            {
                Flush();
                Add(BlockKind.Heading, CollectText(element));
                continue;
            }

            if (Lead is null && !anyBlock && rules.IsLead(element))
            {
                // Loose text before the element is a paragraph once flushed: it comes first unless the outlet says otherwise.
                Flush();
                if (!anyBlock || rules.LeadMayFollowLooseText)
                {
                    var lead = CollectText(element);
                    if (lead.Length > 0)
                    {
                        Lead = lead;
                        anyBlock = true;
                    }

                    continue;
                }
            }

            if (name == "p" && IsStrongOnly(element))
            {
                Flush();
                Add(BlockKind.Heading, CollectText(element));
                continue;
            }

            if (HtmlElements.IsBlock(name, kind))
            {
                Flush();
                stack.Push((element, true));
            }

            PushChildren(stack, element);
        }

        Flush();
    }

    // The record stores this text and cuts the blocks back out of it by ArticleText.Join's rule: it must be that join.
    public string JoinText() => Model.ArticleText.Join(Lead, Sections, static s => s.Heading, static s => s.Paragraphs);

    private static void PushChildren(Stack<(INode Node, bool End)> stack, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], false));
        }
    }

    /// <summary>A <c>p</c> whose whole content is one <c>strong</c> or <c>b</c> (line breaks and blanks aside).</summary>
    internal static bool IsStrongOnly(IElement paragraph)
    {
        IElement? strong = null;
        for (var node = paragraph.FirstChild; node is not null; node = node.NextSibling)
        {
            switch (node)
            {
                case IText text when Dom.IsBlank(text.Data):
                case IElement { LocalName: "br" }:
                    continue;
                case IElement { LocalName: "strong" or "b" } element when strong is null:
                    strong = element;
                    continue;
                default:
                    return false;
            }
        }

        return strong is not null;
    }

    /// <summary>The text of one element as a single block: line breaks and inner blocks become spaces.</summary>
    internal static string CollectText(IElement element)
    {
        var scratch = Scratch.Current;
        var builder = scratch.Text.Clear();
        var stack = scratch.BlockText;
        stack.Clear();
        PushChildren(stack, element);
        while (stack.Count > 0)
        {
            var (node, end) = stack.Pop();
            if (end)
            {
                builder.Append(' ');
            }
            else if (node is IText text)
            {
                builder.Append(text.Data);
            }
            else if (node is IElement child)
            {
                var name = child.LocalName;
                var kind = HtmlElements.KindOf(name);
                if ((kind & ElementKinds.NoText) != 0 || OutletRules.IsScreenChrome(child))
                {
                    continue;
                }

                if (name == "br" || HtmlElements.IsBlock(name, kind))
                {
                    builder.Append(' ');
                    stack.Push((child, true));
                }

                PushChildren(stack, child);
            }
        }

        return TextNormalizer.Normalize(builder);
    }

    private void Flush()
    {
        if (inline.Length == 0)
        {
            return;
        }

        var value = TextNormalizer.Normalize(inline);
        inline.Clear();
        Add(BlockKind.Paragraph, value);
    }

    private void Add(BlockKind kind, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        anyBlock = true;
        if (kind == BlockKind.Heading)
        {
            CloseSection();
            heading = value;
            paragraphs = [];
            return;
        }

        (paragraphs ??= []).Add(value);
        ParagraphCount++;
    }

    private void CloseSection()
    {
        if (paragraphs is null)
        {
            return;
        }

        sections.Add(new BodySection(heading, paragraphs));
        heading = null;
        paragraphs = null;
    }
}
