using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace Corpus.Generator.Bodies;

/// <summary>
/// A node's descendants in document order, as AngleSharp's <c>Descendants()</c> gives them, without an iterator per level
/// and without allocating: the walk runs on this thread's <see cref="Scratch.Descendants"/> stack, so walks do not nest
/// (a nested one throws).
/// </summary>
internal readonly struct DescendantWalk(INode root, Scratch scratch)
{
    public static DescendantWalk Of(INode root) => new(root, Scratch.Current);

    public Enumerator GetEnumerator()
    {
        if (scratch.DescendantsInUse)
        {
            throw new InvalidOperationException("descendant walks are not nested: they share one stack");
        }

        var pending = scratch.Descendants;
        pending.Clear();
        PushChildren(pending, root);
        scratch.DescendantsInUse = true;
        return new Enumerator(scratch);
    }

    /// <summary>
    /// The stack of a pass that removes or moves nodes as it walks (<see cref="Cleaner"/>, then <see cref="Sanitizer"/>):
    /// this thread's, cleared, with the children of <paramref name="root"/> pushed. The passes run one after the other.
    /// </summary>
    public static Stack<INode> StartEditing(INode root)
    {
        var stack = Scratch.Current.Editing;
        stack.Clear();
        PushChildren(stack, root);
        return stack;
    }

    /// <summary>Pushes the children of <paramref name="parent"/> so that the first is popped first.</summary>
    public static void PushChildren(Stack<INode> stack, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push(children[i]);
        }
    }

    public struct Enumerator(Scratch scratch) : IDisposable
    {
        public INode Current { get; private set; } = null!;

        public bool MoveNext()
        {
            var pending = scratch.Descendants;
            if (pending.Count == 0)
            {
                return false;
            }

            var node = pending.Pop();
            if (node.HasChildNodes)
            {
                PushChildren(pending, node);
            }

            Current = node;
            return true;
        }

        // A walk that stopped early would otherwise keep the whole document alive on this thread until the next body.
        public readonly void Dispose()
        {
            scratch.Descendants.Clear();
            scratch.DescendantsInUse = false;
        }
    }
}
