using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Corpus.Generator.Planning;
using Corpus.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Corpus.Generator.Analyzers;

/// <summary>
/// Checks <c>Articles.FindById("…")</c> and <c>Articles.FindByUrl("…")</c> (or <c>FindByUrl(new Uri("…"))</c>) with a
/// compile-time constant against the corpus: CORPUS015 when no article has it, naming the closest; CORPUS016, with a
/// code fix in Corpus.Generator.CodeFixes, when one article has it and the call can be its member.
/// </summary>
/// <remarks>
/// Costs nothing until a constant lookup is written: calls are filtered by name, then by a constant argument, before
/// anything is bound; the generated class is found on the first constant lookup, the Ids come from the seed items' paths
/// (no file is read) on the first constant <c>FindById</c>, and the seeds' title blocks are read on the first constant
/// <c>FindByUrl</c> only; each once per compilation. A lookup never makes the compiler declare the generated class's
/// members (10,000 properties in a 10,000-seed corpus): only the receiver of <c>Articles.FindById(…)</c> is bound, and
/// a member is looked for by name in the compilation's declaration table.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ArticleLookupAnalyzer : DiagnosticAnalyzer
{
    private const string FindById = "FindById";
    private const string FindByUrl = "FindByUrl";
    private const string GeneratorName = "Corpus.Generator";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownLookup, DiagnosticDescriptors.LookupHasMember);

    public override void Initialize(AnalysisContext context)
    {
        // The generated code holds no lookup worth checking, and 10,000 members' worth of it would cost time.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        var globalOptions = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var options = GeneratorOptions.EmitSettingsFrom(globalOptions, string.Empty).Options;
        var projectDirectory = GeneratorOptions.ReadOptionsFrom(globalOptions, analyseAsRead: false).ProjectDirectory;
        var analyzerOptions = context.Options;
        var compilation = context.Compilation;

        // Both found on the first constant lookup only: a build without one looks up nothing and reads nothing.
        var corpus = new Lazy<GeneratedClass?>(() => FindGeneratedClass(compilation, options));
        // An app that references corpus shards finds their articles too (their claims: Id, member, seed path, URL).
        var catalog = new Once<CorpusCatalog>(cancellationToken => CorpusCatalog.Create(
            SeedFiles(analyzerOptions, options.ClassName, projectDirectory, cancellationToken),
            ShardSeeds(compilation, options, cancellationToken)));
        context.RegisterSyntaxNodeAction(c => Analyze(c, corpus, catalog), SyntaxKind.InvocationExpression);
    }

    /// <summary>The articles of the shards an app merges (none for a shard or a single project), read from their claims.</summary>
    private static IEnumerable<CatalogSeed> ShardSeeds(Compilation compilation, EmitOptions options, System.Threading.CancellationToken cancellationToken)
    {
        if (options.IsShard)
        {
            yield break;
        }

        foreach (var shard in ShardDiscovery.Read(compilation, cancellationToken).ReadableShards)
        {
            var member = new ShardMember(shard.AssemblyName, ArticlesClassOf(shard.DataClass));
            foreach (var claim in ShardClaims.Decode(shard.Claims))
            {
                var url = claim.Url;
                yield return new CatalogSeed(new SeedKey(claim.Id, claim.MemberName, ShardClaims.Label(shard.AssemblyName, claim.SeedPath)), _ => url, member);
            }
        }
    }

    /// <summary>A shard's generated class from its data class (<c>global::News2022.ArticlesData</c> → <c>News2022.Articles</c>).</summary>
    private static string ArticlesClassOf(string dataClass)
    {
        const string Global = "global::";
        var name = dataClass.StartsWith(Global, StringComparison.Ordinal) ? dataClass.Substring(Global.Length) : dataClass;
        return name.EndsWith(EmitOptions.DataClassSuffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - EmitOptions.DataClassSuffix.Length) : name;
    }

    /// <summary>
    /// The class this generator emitted for these options, in this compilation's own assembly: a class of the same
    /// name elsewhere, or one the project wrote itself, carries no GeneratedCode attribute of the generator. Its members
    /// are not asked for: that would declare every article's property.
    /// </summary>
    private static GeneratedClass? FindGeneratedClass(Compilation compilation, EmitOptions options)
    {
        var name = string.IsNullOrEmpty(options.Namespace) ? options.ClassName : options.Namespace + "." + options.ClassName;
        var type = compilation.Assembly.GetTypeByMetadataName(name);
        return type is not null && type.GetAttributes().Any(IsGeneratorAttribute) ? new GeneratedClass(type) : null;

        static bool IsGeneratorAttribute(AttributeData attribute) =>
            attribute.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
            && attribute.ConstructorArguments.Length > 0
            && attribute.ConstructorArguments[0].Value is GeneratorName;
    }

    /// <summary>The project's seed items, keyed as the generator keys them (Id from the file name, member name for the class name).</summary>
    private static IEnumerable<CatalogSeed> SeedFiles(AnalyzerOptions options, string className, string? projectDirectory, CancellationToken cancellationToken)
    {
        foreach (var file in options.AdditionalFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!GeneratorOptions.IsSeed(file, options.AnalyzerConfigOptionsProvider))
            {
                continue;
            }

            var id = SeedPaths.IdOf(file.Path);
            var key = new SeedKey(id, MemberNames.FromId(id, className), SeedPaths.Relative(file.Path, projectDirectory));
            yield return new CatalogSeed(key, _ => UrlCache.GetValue(file, ReadUrl).Url);
        }
    }

    /// <summary>
    /// Each seed file's URL, read once: the IDE gives every new compilation the same <see cref="AdditionalText"/> while
    /// its file is unchanged, so typing code reads no seed again (an edited seed is a new object, read anew).
    /// </summary>
    private static readonly ConditionalWeakTable<AdditionalText, SeedUrl> UrlCache = new();

    /// <summary>The URL as the generator reads it: the title block, or the front matter's <c>from</c>.</summary>
    private static SeedUrl ReadUrl(AdditionalText file) =>
        new(file.GetText() is { } text ? SeedUrls.Read(text.ToString()) : null);

    private static void Analyze(SyntaxNodeAnalysisContext context, Lazy<GeneratedClass?> generated, Once<CorpusCatalog> catalog)
    {
        // Cheapest first: the call's name as written, then whether its argument is a string constant, and only then binding.
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is not (FindById or FindByUrl) || invocation.ArgumentList.Arguments.Count != 1)
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        var model = context.SemanticModel;
        var argument = invocation.ArgumentList.Arguments[0].Expression;
        var creation = CreationArgument(argument);
        var constant = creation ?? argument;
        if (model.GetConstantValue(constant, cancellationToken) is not { HasValue: true, Value: string value }
            || generated.Value is not { } corpus)
        {
            return;
        }

        var lookup = LookupOf(model, invocation, name, creation is not null, corpus, cancellationToken);
        if (lookup == Lookup.None || (lookup == Lookup.Uri && !IsUriFromString(model, argument, cancellationToken)))
        {
            return;
        }

        var corpusCatalog = catalog.Get(cancellationToken);
        CatalogSeed? found;
        if (lookup == Lookup.Id)
        {
            found = corpusCatalog.FindId(value);
            if (found is null)
            {
                Report(context, DiagnosticDescriptors.UnknownLookup, constant, null, "Id", value, Suggestions("Id", corpusCatalog.Count, EditDistance.Closest(value, corpusCatalog.Ids)));
                return;
            }
        }
        else
        {
            var match = corpusCatalog.FindUrl(value, cancellationToken);
            if (!match.Found)
            {
                Report(context, DiagnosticDescriptors.UnknownLookup, constant, null, "URL", value, Suggestions("URL", corpusCatalog.Count, EditDistance.Closest(value, corpusCatalog.UrlTexts(cancellationToken))));
                return;
            }

            found = match.Single;
        }

        // Only a member that really exists (a seed that failed to read has none).
        if (found is not null && MemberOf(context.Compilation, corpus, found) is var (shown, memberClass))
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(LookupDiagnostics.MemberNameProperty, found.Key.MemberName);
            if (memberClass is not null)
            {
                properties = properties.Add(LookupDiagnostics.MemberClassProperty, memberClass);
            }

            Report(context, DiagnosticDescriptors.LookupHasMember, invocation, properties, value, shown);
        }
    }

    /// <summary>
    /// Which lookup of the generated class a call is, binding as little as possible: of <c>Articles.FindById(…)</c> only
    /// the receiver, a type name, whose binding does not declare the class's members, as binding the call would. The
    /// generated class has exactly <c>FindById(string)</c>, <c>FindByUrl(string)</c> and <c>FindByUrl(Uri)</c>, so the
    /// name and the argument's shape say which. A bare <c>FindById(…)</c> (<c>using static</c>) is bound whole.
    /// </summary>
    private static Lookup LookupOf(SemanticModel model, InvocationExpressionSyntax invocation, string name, bool fromUri, GeneratedClass corpus, CancellationToken cancellationToken)
    {
        var receiver = invocation.Expression is MemberAccessExpressionSyntax access
            ? model.GetSymbolInfo(access.Expression, cancellationToken).Symbol as INamedTypeSymbol
            : (model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol)?.ContainingType;
        if (!SymbolEqualityComparer.Default.Equals(receiver, corpus.Type))
        {
            return Lookup.None;
        }

        return name == FindById ? (fromUri ? Lookup.None : Lookup.Id) : fromUri ? Lookup.Uri : Lookup.Url;
    }

    /// <summary>
    /// The member that can replace a lookup of <paramref name="found"/>, as the message shows it, and for a shard's article
    /// the class that holds it (for the code fix); null when there is none (a seed that failed to read). The project's
    /// own member is found by name in the compilation's declaration table (the generator names members uniquely), without
    /// declaring the generated class's members; a shard's on its public class in that shard's metadata.
    /// </summary>
    private static (string Shown, string? MemberClass)? MemberOf(Compilation compilation, GeneratedClass corpus, CatalogSeed found)
    {
        var member = found.Key.MemberName;
        if (found.Shard is not { } shard)
        {
            return compilation.ContainsSymbolsWithName(member, SymbolFilter.Member) ? (corpus.Type.Name + "." + member, null) : null;
        }

        var type = compilation.SourceModule.ReferencedAssemblySymbols
            .FirstOrDefault(a => a.Identity.Name == shard.AssemblyName)?.GetTypeByMetadataName(shard.ClassName);
        if (type is not { DeclaredAccessibility: Accessibility.Public } || !type.GetMembers(member).OfType<IPropertySymbol>().Any(p => p.IsStatic))
        {
            return null;
        }

        var className = type.ToDisplayString();
        return (className + "." + member, className);
    }

    /// <summary>The single argument of <c>new X(…)</c> or <c>new(…)</c>: the string of <c>FindByUrl(new Uri("…"))</c>.</summary>
    private static ExpressionSyntax? CreationArgument(ExpressionSyntax argument)
    {
        var arguments = argument switch
        {
            ObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments,
            ImplicitObjectCreationExpressionSyntax creation => creation.ArgumentList.Arguments,
            _ => null,
        };
        return arguments is { Count: 1 } single ? single[0].Expression : null;
    }

    /// <summary>Whether <paramref name="creation"/> calls <c>System.Uri(string)</c>.</summary>
    private static bool IsUriFromString(SemanticModel model, ExpressionSyntax creation, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol
        {
            MethodKind: MethodKind.Constructor,
            ContainingType: { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } },
            Parameters: { Length: 1 } parameters,
        } && parameters[0].Type.SpecialType == SpecialType.System_String;

    private static string Suggestions(string kind, int count, IReadOnlyList<string> closest) =>
        count == 0 ? "; the corpus has no article"
        : closest.Count == 0 ? $"; no {kind} of the corpus's {count} articles is close"
        : "; the closest: " + string.Join(", ", closest.Select(c => "'" + c + "'"));

    private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor descriptor, SyntaxNode node, ImmutableDictionary<string, string?>? properties, params object[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, node.GetLocation(), properties, arguments));

    private enum Lookup
    {
        None,
        Id,
        Url,
        Uri,
    }

    /// <summary>The generated class, found once per compilation.</summary>
    private sealed class GeneratedClass(INamedTypeSymbol type)
    {
        public INamedTypeSymbol Type { get; } = type;
    }

    private sealed class SeedUrl(string? url)
    {
        public string? Url { get; } = url;
    }

    /// <summary>A value computed once, on first need, by whichever action needs it; a cancelled computation is tried again.</summary>
    private sealed class Once<T>(Func<CancellationToken, T> create)
        where T : class
    {
        private readonly object _gate = new();
        private T? _value;

        public T Get(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _value ??= create(cancellationToken);
            }
        }
    }
}
