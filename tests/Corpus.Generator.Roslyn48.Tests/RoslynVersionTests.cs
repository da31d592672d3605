using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Corpus.Generator.Tests;

/// <summary>This run is on Roslyn 4.8, not a newer one lifted in by a package.</summary>
public sealed class RoslynVersionTests
{
    [Fact]
    public void The_tests_run_the_generator_on_Roslyn_4_8()
    {
        Assert.Equal(new Version(4, 8, 0, 0), typeof(Compilation).Assembly.GetName().Version);
        Assert.Equal(new Version(4, 8, 0, 0), typeof(CSharpGeneratorDriver).Assembly.GetName().Version);
        Assert.Equal(LanguageVersion.CSharp12, LanguageVersion.Latest.MapSpecifiedToEffectiveVersion());
    }
}
