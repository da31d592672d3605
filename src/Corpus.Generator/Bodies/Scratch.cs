using System;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;

namespace Corpus.Generator.Bodies;

/// <summary>
/// This thread's work space, reused from body to body so that the passes allocate no stack or builder per body, element
/// or paragraph. Each use clears what it takes, so a body that threw leaves nothing behind.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? current;

    public static Scratch Current => current ??= new Scratch();

    /// <summary>The nodes left to visit by a pass that edits the tree as it walks it (<see cref="DescendantWalk.StartEditing"/>).</summary>
    public Stack<INode> Editing { get; } = new();

    /// <summary>The short walks below a node (<see cref="DescendantWalk"/>), which never nest.</summary>
    public Stack<INode> Descendants { get; } = new();

    public bool DescendantsInUse { get; set; }

    /// <summary>The block pass's nodes and block ends.</summary>
    public Stack<(INode Node, bool End)> Blocks { get; } = new();

    /// <summary>One heading's or lead's nodes (<see cref="BlockWalker.CollectText"/>, called from within the block pass).</summary>
    public Stack<(INode Node, bool End)> BlockText { get; } = new();

    /// <summary>The block pass's running paragraph.</summary>
    public StringBuilder Inline { get; } = new();

    /// <summary>One heading's, lead's or caption's text.</summary>
    public StringBuilder Text { get; } = new();
}
