using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>Checks on the incremental pipeline, in the manner of NetEscapades.EnumGenerators' test helpers.</summary>
internal static class PipelineAssert
{
    /// <summary>The tracked steps of the generator's last run, by tracking name.</summary>
    public static IReadOnlyDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> Steps(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps;

    /// <summary>Every output of every named step was served from the cache or found equal to the last one.</summary>
    public static void AllCachedOrUnchanged(GeneratorDriver driver, IEnumerable<string> trackingNames)
    {
        var steps = Steps(driver);
        foreach (var name in trackingNames)
        {
            Assert.True(steps.ContainsKey(name), $"Step {name} was not tracked.");
            foreach (var step in steps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step {name} produced {reason}.");
                }
            }
        }

        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps;
        foreach (var output in outputs.SelectMany(o => o.Value))
        {
            foreach (var (_, reason) in output.Outputs)
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"An output step produced {reason}.");
            }
        }
    }

    /// <summary>The reasons of one step's outputs, flattened.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string trackingName) =>
        Steps(driver)[trackingName].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>
    /// Walks every value a tracked step produced and fails on anything that would keep a compilation alive or break
    /// caching: symbols, compilations, syntax, additional texts, source texts, and collections compared by reference.
    /// </summary>
    /// <remarks>The generator's own steps are checked, except the first: it filters additional texts by design.</remarks>
    public static void HoldsNoRoslynObjectsOrReferenceCollections(GeneratorDriver driver, IEnumerable<string> trackingNames)
    {
        var steps = Steps(driver);
        foreach (var name in trackingNames)
        {
            Assert.True(steps.ContainsKey(name), $"Step {name} was not tracked.");
            foreach (var step in steps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    Visit(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    /// <summary>Fails when <paramref name="value"/> holds anything <see cref="HoldsNoRoslynObjectsOrReferenceCollections"/> rejects.</summary>
    public static void IsPlainValue(object? value) => Visit(value, "value", new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static void Visit(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum || value is decimal)
        {
            return;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is ISymbol, $"{path} holds a symbol ({type}).");
        Assert.False(value is Compilation, $"{path} holds a compilation.");
        Assert.False(value is SyntaxNode or SyntaxTree, $"{path} holds syntax ({type}).");
        Assert.False(value is AdditionalText, $"{path} holds an additional text.");
        Assert.False(value is SourceText, $"{path} holds a source text.");

        if (value is IEnumerable sequence)
        {
            var isImmutableArray = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>);
            var isEquatableArray = type.IsGenericType && type.GetGenericTypeDefinition().Name == "EquatableArray`1";
            Assert.True(
                isImmutableArray || isEquatableArray,
                $"{path} holds a {type.Name}, a collection compared by reference: use EquatableArray<T>.");
            var index = 0;
            foreach (var item in sequence)
            {
                Visit(item, $"{path}[{index++}]", seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
