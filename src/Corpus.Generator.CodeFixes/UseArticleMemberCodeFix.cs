using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Corpus.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Corpus.Generator.CodeFixes;

/// <summary>
/// CORPUS016: replaces <c>Articles.FindById("000_153ef59660deb970")</c> (or a constant <c>FindByUrl</c>) with the
/// article's member, <c>Articles.Seed_000_153ef59660deb970</c>, keeping the receiver as written; an article of a
/// referenced shard has its member on the shard's class, which the fix writes with its namespace
/// (<c>News2022.Articles.Seed_…</c>: the app's own <c>Articles</c> would hide the shard's class in the app's namespace,
/// even where a using names the shard's). The analyzer names the member only after finding it, so the fix needs no
/// binding of its own.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseArticleMemberCodeFix))]
[Shared]
public sealed class UseArticleMemberCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(LookupDiagnostics.MemberAvailableId);

    /// <summary>Each fix edits its own call only, so a document's fixes can be applied as one batch.</summary>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(LookupDiagnostics.MemberNameProperty, out var memberName) || memberName is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || Replacement(invocation, memberName, diagnostic.Properties.TryGetValue(LookupDiagnostics.MemberClassProperty, out var memberClass) ? memberClass : null) is not { } replacement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + memberName,
                    cancellationToken => Replace(context.Document, invocation, replacement, cancellationToken),
                    equivalenceKey: nameof(UseArticleMemberCodeFix)),
                diagnostic);
        }
    }

    /// <summary>
    /// <c>X.FindById(…)</c> becomes <c>X.Member</c>; a bare <c>FindById(…)</c> (using static) becomes <c>Member</c>; a shard's
    /// article becomes <c>Shard.Articles.Member</c> (<paramref name="memberClass"/>).
    /// </summary>
    private static ExpressionSyntax? Replacement(InvocationExpressionSyntax invocation, string memberName, string? memberClass)
    {
        var name = SyntaxFactory.IdentifierName(memberName);
        ExpressionSyntax? replacement = memberClass is not null
            ? SyntaxFactory.ParseExpression(memberClass + "." + memberName)
            : invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.WithName(name.WithTriviaFrom(access.Name)),
                IdentifierNameSyntax identifier => name.WithTriviaFrom(identifier),
                _ => null,
            };
        return replacement?.WithTriviaFrom(invocation);
    }

    private static async Task<Document> Replace(Document document, SyntaxNode invocation, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
    }
}
