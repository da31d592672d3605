using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>
/// Reads a seed's body HTML into an <see cref="ArticleBody"/>: its date element, its text in sections, cleaned HTML and images.
/// </summary>
/// <remarks>
/// One parse per body, one cleaning pass (boilerplate, artifacts, scripts, event handlers; images are collected on the
/// way), one pass for the text blocks and one serialisation. The passes are iterative, not recursive: a body may nest
/// thousands of unclosed elements and a stack overflow would take the compiler down with it.
/// </remarks>
internal static class BodyReader
{
    /// <summary>How much of the body a <see cref="BodyProblemKind.NoText"/> problem covers: enough to point at, short enough not to paint a whole one-line body.</summary>
    private const int NoTextSpan = 100;

    /// <summary>Longest text of a plain <c>&lt;div&gt;</c> that is still taken for a date element (RFI's is 18 characters).</summary>
    private const int PlainDateMaxLength = 40;

    /// <summary>Longest text of a <c>&lt;div&gt;&lt;i&gt;</c> date element, author included.</summary>
    private const int ItalicDateMaxLength = 160;

    /// <summary>
    /// Without source positions: keeping them costs every parse (a fifth of its allocations) and only the rare
    /// <see cref="BodyProblemKind.UnreadableDate"/> problem needs one, which a second parse with
    /// <see cref="LocatingParserOptions"/> finds (<see cref="LocateDateElement"/>).
    /// </summary>
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsKeepingSourceReferences = false,
    };

    private static readonly HtmlParserOptions LocatingParserOptions = new()
    {
        IsKeepingSourceReferences = true,
    };

    // A parser (and its browsing context) per thread: creating one is the costly part, and the generator may read
    // bodies on several threads at once.
    [ThreadStatic]
    private static HtmlParser? parser;

    [ThreadStatic]
    private static HtmlParser? locatingParser;

    private static readonly HashSet<string> RemovedElements = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template",
    };

    /// <summary>Elements whose content is never article text (media, embedded documents, form controls, vector graphics).</summary>
    private static readonly HashSet<string> NoTextElements = new(StringComparer.Ordinal)
    {
        "img", "picture", "source", "track", "video", "audio", "iframe", "object", "embed", "param", "canvas", "svg",
        "math", "map", "area", "select", "option", "optgroup", "datalist", "textarea", "input", "button", "noembed",
        "noframes", "title", "meta", "link", "base", "head",
    };

    /// <summary>Elements that end the running paragraph before and after them.</summary>
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "pre", "td", "th", "tr", "table", "thead", "tbody", "tfoot", "caption", "colgroup", "section",
        "article", "aside", "header", "footer", "nav", "main", "address", "hr", "center", "details", "summary", "form",
        "fieldset", "legend", "body", "html", "dialog", "hgroup", "menu", "listing", "xmp", "plaintext",
    };

    private static readonly HashSet<string> HeadingElements = new(StringComparer.Ordinal)
    {
        "h1", "h2", "h3", "h4", "h5", "h6",
    };

    [Flags]
    private enum ElementKinds
    {
        None = 0,
        NoText = 1,
        Block = 2,
        Heading = 4,
    }

    /// <summary>The three sets above in one table: the block pass asks all three of every element.</summary>
    private static readonly Dictionary<string, ElementKinds> Kinds = BuildKinds();

    private static Dictionary<string, ElementKinds> BuildKinds()
    {
        var kinds = new Dictionary<string, ElementKinds>(StringComparer.Ordinal);
        foreach (var (names, kind) in new[] { (NoTextElements, ElementKinds.NoText), (BlockElements, ElementKinds.Block), (HeadingElements, ElementKinds.Heading) })
        {
            foreach (var name in names)
            {
                kinds[name] = (kinds.TryGetValue(name, out var known) ? known : ElementKinds.None) | kind;
            }
        }

        return kinds;
    }

    private static ElementKinds KindOf(string name) => Kinds.TryGetValue(name, out var kind) ? kind : ElementKinds.None;

    /// <summary>Attributes that hold a URL a browser may navigate to or load.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcdoc",
    };

    public static BodyReadResult Read(string bodyHtml, string outlet, CancellationToken cancellationToken = default)
    {
        bodyHtml ??= string.Empty;
        outlet ??= string.Empty;
        try
        {
            return ReadCore(bodyHtml, outlet, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug here, or in the HTML parser (AngleSharp 1.10.3 throws NullReferenceException on some broken markup),
            // must not stop the compilation: the seed gets a diagnostic that says what happened instead of an exception.
            var empty = new ArticleBody(null, [], string.Empty, string.Empty, [], null, null, null, []);
            var problem = new BodyProblem(
                BodyProblemKind.Unreadable,
                0,
                Math.Min(bodyHtml.Length, NoTextSpan),
                "an unexpected error while reading its HTML body, " + exception.GetType().Name + ": " + exception.Message);
            return new BodyReadResult(empty, [problem]);
        }
    }

    /// <summary>
    /// The deepest element nesting a body may have. The HTML tree builder's cost grows with the square of the depth
    /// (100,000 nested elements took about 30 s), so a broken or hostile seed could stall every build; real bodies
    /// nest 15 deep at most (all 1,374 files of the shared corpus).
    /// </summary>
    internal const int MaxNesting = 1000;

    /// <summary>
    /// The offset of the first start tag that opens element number <paramref name="limit"/> + 1 on the stack, or -1.
    /// A linear scan of the tags as written (void elements and self-closed tags do not nest; a stray end tag never
    /// takes the depth below zero): it over-counts implicitly closed elements such as <c>p</c> and <c>li</c>, which is
    /// safe for a limit far above real depths.
    /// </summary>
    internal static int FirstOffsetBeyondNesting(string html, int limit)
    {
        // Each start tag the scan counts takes at least three characters ("<a>"): a shorter body cannot go deeper.
        if (html.Length < 3 * (limit + 1))
        {
            return -1;
        }

        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0 || open + 1 >= html.Length)
            {
                return -1;
            }

            var next = html[open + 1];
            if (next == '!' && string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var endOfComment = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                if (endOfComment < 0)
                {
                    return -1;
                }

                i = endOfComment + 3;
                continue;
            }

            var close = html.IndexOf('>', open + 1);
            if (close < 0)
            {
                return -1;
            }

            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (IsAsciiLetter(next) && html[close - 1] != '/' && !IsVoidElement(html, open + 1, close))
            {
                depth++;
                if (depth > limit)
                {
                    return open;
                }
            }

            i = close + 1;
        }

        return -1;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsVoidElement(string html, int nameStart, int tagEnd)
    {
        var nameEnd = nameStart;
        while (nameEnd < tagEnd && (IsAsciiLetter(html[nameEnd]) || (html[nameEnd] >= '0' && html[nameEnd] <= '9')))
        {
            nameEnd++;
        }

        // Compared in place (a substring per start tag was most of this scan's cost), and only with the names of the
        // same length and first letter; the name starts with an ASCII letter, which | 0x20 lowercases.
        var length = nameEnd - nameStart;
        var first = (char)(html[nameStart] | 0x20);
        foreach (var name in VoidElements)
        {
            if (name.Length == length && name[0] == first
                && string.Compare(html, nameStart, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] VoidElements =
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];

    private static BodyReadResult ReadCore(string bodyHtml, string outlet, CancellationToken cancellationToken)
    {
        var tooDeep = FirstOffsetBeyondNesting(bodyHtml, MaxNesting);
        if (tooDeep >= 0)
        {
            var empty = new ArticleBody(null, [], string.Empty, string.Empty, [], null, null, null, []);
            var problem = new BodyProblem(
                BodyProblemKind.TooDeeplyNested,
                tooDeep,
                1,
                "elements are nested more than " + MaxNesting.ToString(CultureInfo.InvariantCulture) + " deep");
            return new BodyReadResult(empty, [problem]);
        }

        parser ??= new HtmlParser(ParserOptions, BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocument(bodyHtml);
        cancellationToken.ThrowIfCancellationRequested();

        var root = Root(document);
        MoveHeadIntoBody(document, root);

        var problems = new List<BodyProblem>();
        var date = ReadDateElement(root, bodyHtml, outlet, problems);

        var cleaner = new Cleaner();
        cleaner.Clean(root);
        cancellationToken.ThrowIfCancellationRequested();

        var blocks = new BlockWalker(outlet);
        blocks.Walk(root);

        var html = Serialize(root);
        var text = blocks.JoinText();
        if (blocks.Lead is null && blocks.ParagraphCount == 0)
        {
            problems.Add(new BodyProblem(
                BodyProblemKind.NoText,
                0,
                Math.Min(bodyHtml.Length, NoTextSpan),
                "the body has no article text once markup, artifacts and boilerplate are removed"));
        }

        var body = new ArticleBody(blocks.Lead, blocks.Sections, text, html, cleaner.Images, date.Published, date.Author, cleaner.Credit, cleaner.Media);
        return new BodyReadResult(body, problems);
    }

    /// <summary>What <c>root.InnerHtml</c> gives: the child nodes through AngleSharp's HTML formatter, tags written by <see cref="TagCachingFormatter"/>.</summary>
    internal static string Serialize(IElement root) => root.ChildNodes.ToHtml(TagCachingFormatter.Instance);

    private static IElement Root(AngleSharp.Dom.IDocument document) => (IElement?)document.Body ?? document.DocumentElement;

    /// <summary>
    /// The HTML parser puts a leading <c>&lt;style&gt;</c>, <c>&lt;title&gt;</c> or <c>&lt;meta&gt;</c> into the head;
    /// the body string has no head, so whatever landed there belongs to the body.
    /// </summary>
    private static void MoveHeadIntoBody(AngleSharp.Dom.IDocument document, IElement root)
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

    private readonly record struct DateElement(PublishedDate? Published, string? Author);

    /// <summary>
    /// Finds the outlet's leading date element (see <see cref="PublishedDates"/>), removes it when it is read (or
    /// empty, as FT's), and reports it when it has a date element's shape but not a known date.
    /// </summary>
    /// <remarks>An unreadable element stays in the text: it may be article text after all, and losing text is worse.</remarks>
    private static DateElement ReadDateElement(IElement root, string bodyHtml, string outlet, List<BodyProblem> problems)
    {
        if (DateElementCandidate(root) is not { } div)
        {
            return default;
        }

        string dateText;
        string? author = null;
        bool italic;
        var inner = FirstSignificantChild(div);
        if (inner is IElement { LocalName: "i" } i && NextSignificantSibling(i) is null && HasOnlyTextAndBreaks(i))
        {
            italic = true;
            var lines = SplitAtBreaks(i);
            dateText = TextNormalizer.Normalize(lines[lines.Count - 1]);
            var authorText = TextNormalizer.Normalize(string.Join(" ", lines.GetRange(0, lines.Count - 1)));
            if (dateText.Length + authorText.Length > ItalicDateMaxLength)
            {
                return default;
            }

            author = authorText.Length == 0 ? null : WithoutRepeats(authorText);
        }
        else if (inner is null || (inner is IText && HasOnlyText(div)))
        {
            italic = false;
            dateText = TextNormalizer.Normalize(div.TextContent);
            if (dateText.Length > PlainDateMaxLength || (dateText.Length > 0 && !LooksLikeDate(dateText)))
            {
                return default;
            }
        }
        else
        {
            return default;
        }

        if (dateText.Length == 0 && author is null)
        {
            div.Remove();
            return default;
        }

        if (PublishedDates.TryParseDateElement(dateText, outlet, out var published))
        {
            div.Remove();
            return new DateElement(published, author);
        }

        var (offset, length) = LocateDateElement(bodyHtml);
        var shape = italic ? "<div><i>" : "<div>";
        problems.Add(new BodyProblem(
            BodyProblemKind.UnreadableDate,
            offset,
            length,
            "the leading " + shape + " date element holds '" + dateText + "', which is not a date form known for " + (outlet.Length == 0 ? "any outlet" : outlet)));
        return default;
    }

    /// <summary>The leading attribute-less <c>&lt;div&gt;</c> that may be the date element, before its content is looked at.</summary>
    private static IElement? DateElementCandidate(IElement root)
    {
        var first = FirstSignificantChild(root);
        if (first is not IElement div || div.LocalName != "div" || div.Attributes.Length != 0)
        {
            return null;
        }

        // The Jekyll-wrapped variant puts the whole feed body in one more <div>: its first child is the date element.
        if (FirstSignificantChild(div) is IElement { LocalName: "div", Attributes.Length: 0 } wrapped)
        {
            div = wrapped;
        }

        return div;
    }

    /// <summary>
    /// The date element's extent in the body string, from a second parse that keeps source positions: the same HTML
    /// gives the same tree, so the same candidate, now with its position.
    /// </summary>
    private static (int Offset, int Length) LocateDateElement(string bodyHtml)
    {
        locatingParser ??= new HtmlParser(LocatingParserOptions, BrowsingContext.New(Configuration.Default));
        var document = locatingParser.ParseDocument(bodyHtml);
        var root = Root(document);
        MoveHeadIntoBody(document, root);
        return DateElementCandidate(root) is { } div ? LocateStartDiv(div, bodyHtml) : (0, Math.Min(bodyHtml.Length, NoTextSpan));
    }

    /// <summary>NYT's feed sometimes names one author twice (<c>SAMMI ZHENG,SAMMI ZHENG</c>): a byline lists each person once.</summary>
    private static string WithoutRepeats(string authors)
    {
        if (authors.IndexOf(',') < 0)
        {
            return authors;
        }

        var names = new List<string>();
        foreach (var part in authors.Split(','))
        {
            var name = TextNormalizer.Normalize(part);
            if (name.Length > 0 && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.Count == 1 ? names[0] : authors;
    }

    /// <summary>The element's extent in the body string, from its start tag to its first <c>&lt;/div&gt;</c> (a date element nests no div).</summary>
    private static (int Offset, int Length) LocateStartDiv(IElement div, string bodyHtml)
    {
        var offset = div.SourceReference?.Position.Index ?? -1;
        if (offset < 0 || offset >= bodyHtml.Length || bodyHtml[offset] != '<')
        {
            // Source positions are kept by the parser; this only guards against a parser change.
            offset = bodyHtml.IndexOf("<div", StringComparison.OrdinalIgnoreCase);
            if (offset < 0)
            {
                return (0, Math.Min(bodyHtml.Length, NoTextSpan));
            }
        }

        var end = bodyHtml.IndexOf("</div>", offset, StringComparison.OrdinalIgnoreCase);
        if (end >= 0)
        {
            return (offset, end + "</div>".Length - offset);
        }

        var close = bodyHtml.IndexOf('>', offset);
        return (offset, close >= 0 ? close + 1 - offset : bodyHtml.Length - offset);
    }

    /// <summary>
    /// Digits with only what date forms write around them (separators, Latin month and zone names, 年月日): a short
    /// <c>&lt;div&gt;</c> of text such as <c>3D心脏全息图助外科医生手术</c> (a whole Jekyll-wrapped body) is text, not a date.
    /// </summary>
    private static bool LooksLikeDate(string text)
    {
        if (!HasAsciiDigit(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or ' ' or '/' or '-' or ':' or '.' or ',' or '+'
                or '年' or '月' or '日'))
            {
                return false;
            }
        }

        return true;
    }

    private static INode? FirstSignificantChild(INode parent)
    {
        var node = parent.FirstChild;
        while (node is not null && !IsSignificant(node))
        {
            node = node.NextSibling;
        }

        return node;
    }

    private static INode? NextSignificantSibling(INode node)
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

    private static bool HasOnlyText(IElement element)
    {
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IElement)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasOnlyTextAndBreaks(IElement element)
    {
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IElement child && child.LocalName != "br")
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> SplitAtBreaks(IElement element)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
        {
            if (node is IText text)
            {
                current.Append(text.Data);
            }
            else if (node is IElement)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
        }

        lines.Add(current.ToString());
        return lines;
    }

    private static bool HasAsciiDigit(string value)
    {
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsBlank(string value)
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

    private static bool HasClass(IElement element, string token) => HasToken(element.GetAttribute("class"), token);

    /// <summary>True when <paramref name="token"/> is one of the whitespace-separated tokens of <paramref name="classes"/>; no split, it runs for most elements.</summary>
    private static bool HasToken(string? classes, string token)
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

    private static bool IsClassSeparator(char c) => Array.IndexOf(ClassSeparators, c) >= 0;

    /// <summary>
    /// The node's descendants in document order, as AngleSharp's <c>Descendants()</c> gives them, without its recursive
    /// iterator per level and without allocating: the walk runs on this thread's <see cref="Scratch.Descendants"/>
    /// stack, so it must not be nested in another (it throws if it is).
    /// </summary>
    private static DescendantWalk Descendants(INode root) => new(root, Scratch.Current);

    private readonly struct DescendantWalk(INode root, Scratch scratch)
    {
        public Enumerator GetEnumerator()
        {
            if (scratch.DescendantsInUse)
            {
                throw new InvalidOperationException("descendant walks are not nested: they share one stack");
            }

            var pending = scratch.Descendants;
            pending.Clear();
            PushChildNodes(pending, root);
            scratch.DescendantsInUse = true;
            return new Enumerator(scratch);
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
                    PushChildNodes(pending, node);
                }

                Current = node;
                return true;
            }

            // A walk that stopped early leaves nodes on the stack: they would keep the whole document alive on this
            // thread (in a compiler server, for hours) until the next body.
            public readonly void Dispose()
            {
                scratch.Descendants.Clear();
                scratch.DescendantsInUse = false;
            }
        }
    }

    /// <summary>
    /// This thread's work space, reused from body to body: the walks' stacks and text builders used to be allocated (and
    /// grown) for every body, element and paragraph, and the collections those allocations set off while a parsed
    /// document is alive were a large part of reading. Each use clears what it takes, so a body that threw leaves nothing.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? current;

        public static Scratch Current => current ??= new Scratch();

        /// <summary>The cleaning pass's nodes to visit.</summary>
        public Stack<INode> Cleaning { get; } = new();

        /// <summary>The short walks below a node (<see cref="BodyReader.Descendants"/>), which never nest.</summary>
        public Stack<INode> Descendants { get; } = new();

        public bool DescendantsInUse { get; set; }

        /// <summary>The block pass's nodes and block ends.</summary>
        public Stack<(INode Node, bool End)> Blocks { get; } = new();

        /// <summary>One heading's or lead's nodes (<see cref="BlockWalker.CollectText"/>, called from within the block pass).</summary>
        public Stack<(INode Node, bool End)> BlockText { get; } = new();

        public StringBuilder Inline { get; } = new();

        public StringBuilder Text { get; } = new();
    }

    private static void PushChildNodes(Stack<INode> stack, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push(children[i]);
        }
    }

    /// <summary>How a CSS type selector (<c>QuerySelectorAll("img")</c>) matches an element: its local name, ignoring case.</summary>
    private static bool IsNamed(IElement element, string name) => string.Equals(element.LocalName, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first character of the element's text that normalisation keeps, or <c>'\0'</c> when there is none.</summary>
    private static char FirstVisibleCharacter(INode root)
    {
        foreach (var node in Descendants(root))
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

    private static readonly char[] ClassSeparators = [' ', '\t', '\n', '\f', '\r'];

    /// <summary>
    /// Removes artifacts, boilerplate, scripts and active content in one pre-order pass, collecting images and the
    /// agency credit on the way (so nothing inside removed boilerplate is collected).
    /// </summary>
    private sealed class Cleaner
    {
        public List<BodyImage> Images { get; } = [];

        public List<BodyMedia> Media { get; } = [];

        public string? Credit { get; private set; }

        /// <summary>
        /// <see cref="Captions"/>' answer per container, asked again for each image inside it (each a walk of the whole
        /// container, which may be the whole body). Asking once is exact: the pass only removes nodes, every image it
        /// asks for counts (it has a URL), and an image it has passed is never removed; so a container with one image
        /// when first asked has no other when asked again, and one with several still has them. A list, not a dictionary:
        /// a body has few containers, and an element's first identity hash code is not cheap.
        /// </summary>
        private readonly List<(IElement Container, bool Several)> severalImages = [];

        public void Clean(IElement root)
        {
            // Pre-order, so images are collected in document order; a removed node is not descended into.
            var stack = Scratch.Current.Cleaning;
            stack.Clear();
            PushChildNodes(stack, root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node.Parent is not { } parent)
                {
                    continue;
                }

                if (ShouldRemove(node))
                {
                    parent.RemoveChild(node);
                }
                else if (node is IElement element)
                {
                    Sanitize(element);
                    switch (element.LocalName)
                    {
                        case "img":
                            AddImage(element);
                            break;
                        case "iframe":
                            AddMedia(MediaKind.Iframe, element);
                            break;
                        case "video":
                            AddMedia(MediaKind.Video, element);
                            break;
                        case "audio":
                            AddMedia(MediaKind.Audio, element);
                            break;
                    }

                    PushChildNodes(stack, element);
                }
            }
        }

        private bool ShouldRemove(INode node)
        {
            switch (node)
            {
                case IComment:
                    return true;
                case IText text:
                    // The upstream PHP array-to-string artifact stands where an image should be.
                    return TextNormalizer.NormalizesTo(text.Data, "Array");
                case IElement element:
                    return IsRemovedElement(element);
                default:
                    return false;
            }
        }

        private bool IsRemovedElement(IElement element)
        {
            var name = element.LocalName;
            if (RemovedElements.Contains(name))
            {
                return true;
            }

            // Read once here: several checks below look at the class list of every element.
            var classes = element.GetAttribute("class");
            if (name == "p" && HasToken(classes, "t-copyright"))
            {
                var credit = TextNormalizer.Normalize(element.TextContent);
                if (Credit is null && credit.Length > 0)
                {
                    Credit = credit;
                }

                return true;
            }

            if (IsAdvertisement(element, classes) || IsFeedFooter(element) || IsShareBlock(element) || IsBetterFeedFooter(element)
                || IsTrustBadge(classes) || IsCopyrightNotice(element))
            {
                return true;
            }

            return false;
        }

        private static bool IsAdvertisement(IElement element, string? classes)
        {
            // RFI writes "<divclass=..." for its ad blocks: the parser makes that an element named divclass="m-block-ad.
            if (element.LocalName.IndexOf("m-block-ad", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            var attributes = element.Attributes;
            for (var i = 0; i < attributes.Length; i++)
            {
                if (attributes[i]!.Name.StartsWith("data-selfpromo", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            if (classes is not null
                && (classes.IndexOf("m-interstitial__ad", StringComparison.Ordinal) >= 0
                    || classes.IndexOf("m-block-ad", StringComparison.Ordinal) >= 0
                    || classes.IndexOf("bbccom_advert", StringComparison.Ordinal) >= 0
                    || classes.IndexOf("bbccom_slot", StringComparison.Ordinal) >= 0))
            {
                return true;
            }

            // The ad label alone, when its block is broken beyond recognition.
            return element.ChildNodes.Length == 1
                && element.FirstChild is IText label
                && TextNormalizer.NormalizesTo(label.Data, "广告");
        }

        /// <summary>The feed footer <c>&lt;br&gt;&lt;hr&gt;&lt;div&gt;获取更多RSS：…&lt;/div&gt;</c>; the hr and br before it go too.</summary>
        private static bool IsFeedFooter(IElement element)
        {
            if (element.LocalName != "div" || element.FirstChild is not IText first
                || !TextNormalizer.NormalizedStartsWith(first.Data, "获取更多RSS"))
            {
                return false;
            }

            RemovePrecedingSeparator(element, "hr");
            RemovePrecedingSeparator(element, "br");
            return true;
        }

        private static void RemovePrecedingSeparator(IElement element, string name)
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

        /// <summary>
        /// China Digital Times' WordPress "Better Feed" footer: <c>&lt;hr /&gt;&lt;p&gt;&lt;small&gt;© … |Permalink … Post tags: …&lt;/small&gt;&lt;/p&gt;</c>
        /// and <c>&lt;p&gt;&lt;small&gt;Feed enhanced by Better Feed…&lt;/small&gt;&lt;/p&gt;</c> (83 of 94 real CDT bodies).
        /// </summary>
        private static bool IsBetterFeedFooter(IElement element)
        {
            if (element.LocalName != "p" || FirstSignificantChild(element) is not IElement { LocalName: "small" } small
                || NextSignificantSibling(small) is not null)
            {
                return false;
            }

            // Most p > small are not the footer: its text starts "Feed enhanced by" or "©", so look at that character first.
            var first = FirstVisibleCharacter(small);
            if (first is not ('F' or '©'))
            {
                return false;
            }

            var text = TextNormalizer.Normalize(small.TextContent);
            if (text.StartsWith("Feed enhanced by", StringComparison.Ordinal))
            {
                return true;
            }

            if (text.StartsWith("©", StringComparison.Ordinal) && text.IndexOf("Permalink", StringComparison.Ordinal) >= 0)
            {
                RemovePrecedingSeparator(element, "hr");
                return true;
            }

            return false;
        }

        /// <summary>Reuters' link to its editorial principles, <c>我们的标准：汤森路透“信任原则”</c>, under every article.</summary>
        private static bool IsTrustBadge(string? classes) =>
            classes is not null && classes.IndexOf("trustBadgeContainer", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// DW's legal notice closing an article, <c>&lt;p&gt;&lt;em&gt;© 2020年德国之声版权声明：本文所有内容受到著作权法保护…&lt;/em&gt;&lt;/p&gt;</c>:
        /// the outlet's terms of use, not the article's words nor an agency credit.
        /// </summary>
        private static bool IsCopyrightNotice(IElement element)
        {
            if (element.LocalName != "p")
            {
                return false;
            }

            // Every paragraph passes here: look at the first visible character before building the paragraph's text.
            return FirstVisibleCharacter(element) == '©' && element.TextContent.IndexOf("版权声明", StringComparison.Ordinal) >= 0;
        }

        /// <summary>RFI's 2023 share block <c>&lt;div&gt;&lt;div&gt;分享 :&lt;/div&gt;…facebook…&lt;/div&gt;</c>.</summary>
        private static bool IsShareBlock(IElement element)
        {
            if (element.LocalName != "div" || FirstSignificantChild(element) is not IElement { LocalName: "div" } label
                || label.ChildNodes.Length != 1 || label.FirstChild is not IText text)
            {
                return false;
            }

            var value = TextNormalizer.Normalize(text.Data).Replace(" ", string.Empty);
            return value is "分享:" or "分享：" or "分享";
        }

        /// <summary>Event handlers and <c>javascript:</c> URLs go: the HTML is emitted into the consumer's code and may be shown.</summary>
        private static void Sanitize(IElement element)
        {
            List<string>? remove = null;
            var attributes = element.Attributes;
            for (var i = 0; i < attributes.Length; i++)
            {
                var attribute = attributes[i]!;
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || (UrlAttributes.Contains(attribute.Name) && IsScriptUrl(attribute.Value)))
                {
                    (remove ??= []).Add(attribute.Name);
                }
            }

            if (remove is null)
            {
                return;
            }

            foreach (var name in remove)
            {
                element.RemoveAttribute(name);
            }
        }

        /// <summary>True for <c>javascript:</c> (and <c>vbscript:</c>) URLs, however a browser would still read them: with spaces, tabs or controls inside.</summary>
        private static bool IsScriptUrl(string value)
        {
            // Every URL attribute passes here: the scheme is compared as it is read, not collected first.
            var length = 0;
            var javascript = true;
            var vbscript = true;
            foreach (var c in value)
            {
                if (c <= ' ' || TextNormalizer.IsRemoved(c) || TextNormalizer.IsWhitespace(c))
                {
                    continue;
                }

                if (c == ':')
                {
                    break;
                }

                var lower = char.ToLowerInvariant(c);
                javascript = javascript && length < "javascript".Length && "javascript"[length] == lower;
                vbscript = vbscript && length < "vbscript".Length && "vbscript"[length] == lower;
                if (!javascript && !vbscript)
                {
                    return false;
                }

                length++;
            }

            return ((javascript && length == "javascript".Length) || (vbscript && length == "vbscript".Length)) && value.IndexOf(':') >= 0;
        }

        private void AddImage(IElement image)
        {
            var url = ImageUrls.Resolve(image.GetAttribute("src")) ?? ImageUrls.Resolve(image.GetAttribute("data-src"));
            if (url is null)
            {
                return;
            }

            var alt = TextNormalizer.Normalize(image.GetAttribute("alt") ?? string.Empty);
            var caption = Captions.Of(image, severalImages);
            Images.Add(new BodyImage(url, alt.Length == 0 ? null : alt, caption));
        }

        /// <summary>The element's own <c>src</c>, else its first <c>&lt;source src&gt;</c> (a video or audio with several encodings).</summary>
        private void AddMedia(MediaKind kind, IElement element)
        {
            var url = ImageUrls.Resolve(element.GetAttribute("src"));
            if (url is null)
            {
                // As QuerySelectorAll("source") would find them, without parsing a selector per element.
                foreach (var node in Descendants(element))
                {
                    if (node is IElement source && IsNamed(source, "source")
                        && ImageUrls.Resolve(source.GetAttribute("src")) is { } resolved)
                    {
                        url = resolved;
                        break;
                    }
                }
            }

            if (url is not null)
            {
                Media.Add(new BodyMedia(kind, url));
            }
        }
    }

    /// <summary>Finds the caption an image is shown with; its text stays in the article text as well.</summary>
    private static class Captions
    {
        /// <summary>How far up a caption's container may be: BBC's is the image's grandparent.</summary>
        private const int MaxLevels = 3;

        /// <remarks>
        /// Two shapes: a caption element beside the image in its figure or container (<c>figcaption</c>, or a class named
        /// <c>…-caption</c>/<c>…_caption</c>: BBC <c>media-caption</c>, RFA <c>image-caption</c>, WordPress
        /// <c>wp-caption-text</c>), only when that container holds no other image; and the feed renderer's
        /// <c>&lt;img&gt;&lt;div&gt;&lt;small&gt;caption&lt;/small&gt;&lt;/div&gt;</c> (DW, NYT, VOA). Screen-reader labels and
        /// photo credits (<c>copyright</c> classes) are not part of a caption.
        /// </remarks>
        public static string? Of(IElement image, List<(IElement Container, bool Several)> severalImages)
        {
            var inner = image;
            var container = image.ParentElement;
            for (var level = 0; level < MaxLevels && container is not null && container.LocalName is not ("body" or "html"); level++)
            {
                if (SeveralImages(container, severalImages))
                {
                    break;
                }

                foreach (var child in container.Children)
                {
                    if (child != inner && IsCaption(child))
                    {
                        return NullIfEmpty(Text(child));
                    }
                }

                inner = container;
                container = container.ParentElement;
            }

            if (NextSignificantSibling(image) is IElement { LocalName: "div", Attributes.Length: 0 } div
                && FirstSignificantChild(div) is IElement { LocalName: "small" } small
                && NextSignificantSibling(small) is null)
            {
                return NullIfEmpty(Text(small));
            }

            return null;
        }

        private static bool SeveralImages(IElement container, List<(IElement Container, bool Several)> known)
        {
            foreach (var (element, several) in known)
            {
                if (ReferenceEquals(element, container))
                {
                    return several;
                }
            }

            var answer = HasSeveralImages(container);
            known.Add((container, answer));
            return answer;
        }

        /// <summary>
        /// More than one image of the article: RFA's zoom icon (a relative source) is not one, so it does not hide the
        /// caption. Stops at the second (each level of each image asks).
        /// </summary>
        private static bool HasSeveralImages(IElement container)
        {
            var count = 0;
            foreach (var node in Descendants(container))
            {
                if (node is IElement image && IsNamed(image, "img")
                    && (ImageUrls.Resolve(image.GetAttribute("src")) is not null || ImageUrls.Resolve(image.GetAttribute("data-src")) is not null)
                    && ++count > 1)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsCaption(IElement element)
        {
            if (element.LocalName == "figcaption")
            {
                return true;
            }

            foreach (var token in (element.GetAttribute("class") ?? string.Empty).Split(ClassSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                // "has-caption" and "no-caption" describe a container, not a caption.
                if (token.StartsWith("has-", StringComparison.Ordinal) || token.StartsWith("no-", StringComparison.Ordinal))
                {
                    continue;
                }

                if (token == "caption" || token == "wp-caption-text"
                    || token.EndsWith("-caption", StringComparison.Ordinal) || token.EndsWith("_caption", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Text(IElement caption)
        {
            var builder = Scratch.Current.Text.Clear();
            foreach (var node in Descendants(caption))
            {
                if (node is IText text && !IsCredit(text, caption))
                {
                    builder.Append(text.Data).Append(' ');
                }
            }

            return TextNormalizer.Normalize(builder);
        }

        private static bool IsCredit(INode node, IElement caption)
        {
            for (var element = node.ParentElement; element is not null && element != caption; element = element.ParentElement)
            {
                var classes = element.GetAttribute("class");
                if (NoTextElements.Contains(element.LocalName) || BlockWalker.IsScreenChrome(element)
                    || (classes is not null && classes.IndexOf("copyright", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
    }

    /// <summary>
    /// AngleSharp's HTML formatter with its start and end tags written here, byte for byte as its own (see
    /// <c>TagCachingFormatterTests</c>): it obtained a builder from a locked pool for every start tag and every attribute
    /// and concatenated every end tag, several strings per element of every body. A tag without prefix or attributes is
    /// the same every time and is built once per thread and name; other start tags are written into one builder.
    /// </summary>
    /// <remarks>
    /// As AngleSharp 1.10's <c>HtmlMarkupFormatter</c> writes them: <c>&lt;</c>, <c>prefix:</c> if any, the local name;
    /// each attribute as a space, its name (<c>xml:</c>, <c>xlink:</c> or <c>xmlns:</c> by namespace, else its qualified
    /// name) and, unless its value is null, <c>="value"</c> with <c>&amp; &lt; &gt; " U+00A0</c> escaped; <c>&gt;</c>. End
    /// tags: <c>&lt;/</c>, <c>prefix:</c>, name, <c>&gt;</c>, nothing when self-closing. The base also writes an
    /// <c>is="…"</c> value for an element created by script with one and no <c>is</c> attribute, which a parsed
    /// body cannot hold. Text, comments and the walk are the base's.
    /// </remarks>
    internal sealed class TagCachingFormatter : HtmlMarkupFormatter
    {
        public static readonly new TagCachingFormatter Instance = new();

        /// <summary>Names beyond this many (a malformed tag makes a name of its attributes) are not kept.</summary>
        private const int MaxNames = 256;

        /// <summary>A builder that grew past this (a huge attribute) is not kept.</summary>
        private const int MaxRetainedCapacity = 1 << 16;

        private static readonly char[] EscapedInAttributes = ['&', '<', '>', '"', '\u00A0'];

        [ThreadStatic]
        private static Dictionary<string, string>? startTags;

        [ThreadStatic]
        private static Dictionary<string, string>? endTags;

        [ThreadStatic]
        private static StringBuilder? tagBuilder;

        public override string OpenTag(IElement element, bool selfClosing)
        {
            var prefix = element.Prefix;
            var attributes = element.Attributes;
            if (attributes.Length == 0 && string.IsNullOrEmpty(prefix))
            {
                return Cached(startTags ??= new(StringComparer.Ordinal), element.LocalName, "<", ">");
            }

            var builder = (tagBuilder ??= new StringBuilder()).Clear();
            builder.Append('<');
            if (!string.IsNullOrEmpty(prefix))
            {
                builder.Append(prefix).Append(':');
            }

            builder.Append(element.LocalName);
            for (var i = 0; i < attributes.Length; i++)
            {
                var attribute = attributes[i]!;
                builder.Append(' ');
                AppendName(builder, attribute);
                if (attribute.Value is { } value)
                {
                    builder.Append('=').Append('"');
                    AppendEscaped(builder, value);
                    builder.Append('"');
                }
            }

            var tag = builder.Append('>').ToString();
            if (builder.Capacity > MaxRetainedCapacity)
            {
                tagBuilder = null;
            }

            return tag;
        }

        public override string CloseTag(IElement element, bool selfClosing) =>
            !selfClosing && string.IsNullOrEmpty(element.Prefix)
                ? Cached(endTags ??= new(StringComparer.Ordinal), element.LocalName, "</", ">")
                : base.CloseTag(element, selfClosing);

        private static void AppendName(StringBuilder builder, IAttr attribute)
        {
            var namespaceUri = attribute.NamespaceUri;
            var localName = attribute.LocalName;
            if (string.IsNullOrEmpty(namespaceUri))
            {
                builder.Append(localName);
            }
            else if (string.Equals(namespaceUri, NamespaceNames.XmlUri, StringComparison.Ordinal))
            {
                builder.Append(NamespaceNames.XmlPrefix).Append(':').Append(localName);
            }
            else if (string.Equals(namespaceUri, NamespaceNames.XLinkUri, StringComparison.Ordinal))
            {
                builder.Append(NamespaceNames.XLinkPrefix).Append(':').Append(localName);
            }
            else if (string.Equals(namespaceUri, NamespaceNames.XmlNsUri, StringComparison.Ordinal))
            {
                if (!string.Equals(localName, NamespaceNames.XmlNsPrefix, StringComparison.Ordinal))
                {
                    builder.Append(NamespaceNames.XmlNsPrefix).Append(':');
                }

                builder.Append(localName);
            }
            else
            {
                builder.Append(attribute.Name);
            }
        }

        private static void AppendEscaped(StringBuilder builder, string value)
        {
            if (value.IndexOfAny(EscapedInAttributes) < 0)
            {
                builder.Append(value);
                return;
            }

            foreach (var c in value)
            {
                var entity = c switch
                {
                    '&' => "&amp;",
                    '\u00A0' => "&nbsp;",
                    '"' => "&quot;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    _ => null,
                };

                if (entity is null)
                {
                    builder.Append(c);
                }
                else
                {
                    builder.Append(entity);
                }
            }
        }

        private static string Cached(Dictionary<string, string> tags, string name, string open, string close)
        {
            if (!tags.TryGetValue(name, out var tag))
            {
                tag = open + name + close;
                if (tags.Count < MaxNames)
                {
                    tags.Add(name, tag);
                }
            }

            return tag;
        }
    }

    private enum BlockKind
    {
        Paragraph,
        Heading,
    }

    /// <summary>Turns the cleaned DOM into lead, headings and paragraphs, in document order.</summary>
    private sealed class BlockWalker(string outlet)
    {
        private readonly StringBuilder inline = Scratch.Current.Inline.Clear();
        private readonly List<BodySection> sections = [];
        private string? heading;
        private List<string>? paragraphs;
        private bool anyBlock;

        private readonly bool strongLead = string.Equals(outlet, "RFI", StringComparison.Ordinal);
        private readonly bool storyLead = string.Equals(outlet, "FT", StringComparison.Ordinal);

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
                var kind = KindOf(name);
                if ((kind & ElementKinds.NoText) != 0 || IsScreenChrome(element))
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

                if (name == "p" && IsStrongOnly(element))
                {
                    Flush();
                    var value = CollectText(element);
                    if (strongLead && Lead is null && !anyBlock && value.Length > 0)
                    {
                        Lead = value;
                        anyBlock = true;
                    }
                    else
                    {
                        Add(BlockKind.Heading, value);
                    }

                    continue;
                }

                if (storyLead && name == "div" && Lead is null && !anyBlock && HasClass(element, "story-lead"))
                {
                    Flush();
                    var value = CollectText(element);
                    if (value.Length > 0)
                    {
                        Lead = value;
                        anyBlock = true;
                    }

                    continue;
                }

                if (IsBlock(name, kind))
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

        /// <summary>
        /// BBC text that is not the article's: screen-reader-only labels (<c>off-screen</c>: "图片版权", "Image caption",
        /// "跳过 Youtube 帖子"), the image copyright holder, and the embed warning. It stays in the HTML.
        /// </summary>
        internal static bool IsScreenChrome(IElement element)
        {
            var classes = element.GetAttribute("class");
            return classes is not null
                && (HasToken(classes, "off-screen") || HasToken(classes, "story-image-copyright") || HasToken(classes, "embed-youtube-warning"));
        }

        /// <summary>Block-level, including an element the tokenizer named from a malformed <c>&lt;divclass=…</c> tag.</summary>
        private static bool IsBlock(string name, ElementKinds kind) =>
            (kind & ElementKinds.Block) != 0 || name.StartsWith("div", StringComparison.Ordinal);

        /// <summary>A <c>p</c> whose whole content is one <c>strong</c> or <c>b</c> (line breaks and blanks aside).</summary>
        private static bool IsStrongOnly(IElement paragraph)
        {
            IElement? strong = null;
            for (var node = paragraph.FirstChild; node is not null; node = node.NextSibling)
            {
                switch (node)
                {
                    case IText text when IsBlank(text.Data):
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
                    var kind = KindOf(name);
                    if ((kind & ElementKinds.NoText) != 0 || IsScreenChrome(child))
                    {
                        continue;
                    }

                    if (name == "br" || IsBlock(name, kind))
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
}
