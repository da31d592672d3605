using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>
/// What the projects of the generator tests compile against in the Roslyn 4.8 run: the reference assemblies of the SDK's
/// net10.0 targeting pack, as this test project resolved them (the .NET 8 ones of the main run come in a package that
/// needs Roslyn 4.11).
/// </summary>
internal static class TestReferences
{
    public static IEnumerable<MetadataReference> All { get; } =
        typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TargetingPackReferences").Value!
            .Split(';')
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
}
