using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>What the projects of the generator tests compile against: the .NET 8 reference assemblies.</summary>
/// <remarks>The Roslyn 4.8 run of these tests (tests/Corpus.Generator.Roslyn48.Tests) has its own, as this package needs Roslyn 4.11.</remarks>
internal static class TestReferences
{
    public static IEnumerable<MetadataReference> All => Basic.Reference.Assemblies.Net80.References.All;
}
