using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Corpus.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator;

/// <summary>
/// Finds, among a compilation's references, the Corpus.Runtime library and the corpus shards (assemblies marked with
/// <c>Corpus.CorpusShardAttribute</c>), as plain values. It runs on every compilation, so it is cheap: only assemblies
/// that reference Corpus.Runtime are looked at, and their attributes and constants come from symbols the compiler
/// keeps while a reference is unchanged; what it returns is equal then, so an app code edit re-reads no shard.
/// </summary>
internal static class ShardDiscovery
{
    public const string RuntimeAssemblyName = "Corpus.Runtime";

    /// <summary>The namespace of Corpus.Runtime's types (<c>Corpus.Article</c>).</summary>
    public const string RuntimeNamespace = "Corpus";
    private const string ShardAttributeName = "Corpus.CorpusShardAttribute";
    private const string ReadableFormatName = "ReadableFormat";
    /// <summary>The constant of a shard's data class that holds its claims (<see cref="Planning.ShardClaims"/>).</summary>
    internal const string ClaimsName = "Claims";
    /// <summary>The constant of a shard's data class that holds its articles' order keys (<see cref="Planning.ShardOrder"/>).</summary>
    internal const string OrderName = "Order";
    /// <summary>The constant of a shard's data class that holds the size of its data (<see cref="Planning.NativeAotCheck"/>).</summary>
    internal const string ConstantsKibibytesName = "ConstantsKibibytes";

    public static CorpusReferences Read(Compilation compilation, CancellationToken cancellationToken)
    {
        if (!compilation.ReferencedAssemblyNames.Any(static a => a.Name == RuntimeAssemblyName))
        {
            return CorpusReferences.None;
        }

        int? runtimeFormat = null;
        var shards = new List<ShardReference>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Identity.Name == RuntimeAssemblyName)
            {
                runtimeFormat = ReadableFormat(assembly);
            }
            else if (ReferencesRuntime(assembly) && ShardOf(assembly) is { } shard)
            {
                shards.Add(shard);
            }
        }

        // A referenced Corpus.Runtime without the attribute is not ours: read as format 0, a mismatch (CORPUS018).
        return new CorpusReferences(
            runtimeFormat ?? 0,
            shards.OrderBy(s => s.AssemblyName, StringComparer.Ordinal).ToEquatableArray());
    }

    private static bool ReferencesRuntime(IAssemblySymbol assembly) =>
        assembly.Modules.Any(static m => m.ReferencedAssemblies.Any(static a => a.Name == RuntimeAssemblyName));

    private static int? ReadableFormat(IAssemblySymbol runtime) =>
        runtime.GetTypeByMetadataName(ShardAttributeName)?.GetMembers(ReadableFormatName).OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue as int?;

    private static ShardReference? ShardOf(IAssemblySymbol assembly)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != ShardAttributeName || attribute.ConstructorArguments.Length != 3)
            {
                continue;
            }

            if (attribute.ConstructorArguments[0].Value is INamedTypeSymbol dataClass
                && attribute.ConstructorArguments[1].Value is int format
                && attribute.ConstructorArguments[2].Value is int count)
            {
                return new ShardReference(assembly.Identity.Name, dataClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), format, count, Constant(dataClass, ClaimsName), Constant(dataClass, OrderName),
                    dataClass.GetMembers(ConstantsKibibytesName).OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue as int? ?? 0);
            }
        }

        return null;
    }

    private static string Constant(INamedTypeSymbol dataClass, string name) =>
        dataClass.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue as string ?? string.Empty;
}
