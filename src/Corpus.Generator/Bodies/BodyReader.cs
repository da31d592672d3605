using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using AngleSharp;
using AngleSharp.Dom;

namespace Corpus.Generator.Bodies;

/// <summary>
/// Reads a seed's body HTML into an <see cref="BodyContent"/>: its date element, its text in sections, sanitized HTML and images.
/// </summary>
/// <remarks>
/// One parse per body, one cleaning pass (<see cref="Cleaner"/>: boilerplate by each outlet's <see cref="OutletRules"/>,
/// artifacts, scripts, styles; images are collected on the way), one pass for the text blocks
/// (<see cref="BlockWalker"/>), one pass for the allow-list (<see cref="Sanitizer"/>, after the text is read so that it
/// changes the HTML alone) and one serialisation. The passes are iterative, not recursive: a body may nest
/// thousands of unclosed elements and a stack overflow would take the compiler down with it.
/// </remarks>
internal static class BodyReader
{
    /// <summary>How much of the body a problem about the whole body covers: enough to point at, short enough not to paint a whole one-line body.</summary>
    internal const int WholeBodySpan = 100;

    /// <param name="articleUrl">The seed's URL, which relative links and image sources are resolved against; without one they are dropped.</param>
    public static BodyReadResult Read(string bodyHtml, string outlet, string? articleUrl = null, CancellationToken cancellationToken = default)
    {
        bodyHtml ??= string.Empty;
        outlet ??= string.Empty;
        try
        {
            return ReadCore(bodyHtml, outlet, articleUrl, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug here, or the parser throwing on broken markup (AngleSharp 1.10.3: NullReferenceException), must not stop the build.
            var problem = new BodyProblem(
                BodyProblemKind.Unreadable,
                0,
                Math.Min(bodyHtml.Length, WholeBodySpan),
                "an unexpected error while reading its HTML body, " + exception.GetType().Name + ": " + exception.Message);
            return new BodyReadResult(Empty(), [problem]);
        }
    }

    /// <summary>What <c>root.InnerHtml</c> gives: the child nodes through AngleSharp's HTML formatter, tags written by <see cref="TagCachingFormatter"/>.</summary>
    internal static string Serialize(IElement root) => root.ChildNodes.ToHtml(TagCachingFormatter.Instance);

    private static BodyReadResult ReadCore(string bodyHtml, string outlet, string? articleUrl, CancellationToken cancellationToken)
    {
        var tooDeep = NestingLimit.FirstOffsetBeyond(bodyHtml, NestingLimit.MaxDepth);
        if (tooDeep >= 0)
        {
            var problem = new BodyProblem(
                BodyProblemKind.TooDeeplyNested,
                tooDeep,
                1,
                "elements are nested more than " + NestingLimit.MaxDepth.ToString(CultureInfo.InvariantCulture) + " deep");
            return new BodyReadResult(Empty(), [problem]);
        }

        var root = BodyDocument.Parse(bodyHtml);
        cancellationToken.ThrowIfCancellationRequested();

        var problems = new List<BodyProblem>();
        var date = DateElement.Read(root, bodyHtml, outlet, problems);

        var cleaner = new Cleaner();
        cleaner.Clean(root);
        cancellationToken.ThrowIfCancellationRequested();

        var blocks = new BlockWalker(outlet);
        blocks.Walk(root);

        Sanitizer.Sanitize(root, SafeUrls.Base(articleUrl));
        var html = Serialize(root);
        var text = blocks.JoinText();
        if (blocks.Lead is null && blocks.ParagraphCount == 0)
        {
            problems.Add(new BodyProblem(
                BodyProblemKind.NoText,
                0,
                Math.Min(bodyHtml.Length, WholeBodySpan),
                "the body has no article text once markup, artifacts and boilerplate are removed"));
        }

        var body = new BodyContent(
            Lead: blocks.Lead,
            Sections: blocks.Sections,
            Text: text,
            Html: html,
            Images: cleaner.Images,
            Published: date.Published,
            Author: date.Author,
            Credit: cleaner.Credit,
            Media: cleaner.Media);
        return new BodyReadResult(body, problems);
    }

    private static BodyContent Empty() =>
        new(Lead: null, Sections: [], Text: string.Empty, Html: string.Empty, Images: [], Published: null, Author: null, Credit: null, Media: []);
}
