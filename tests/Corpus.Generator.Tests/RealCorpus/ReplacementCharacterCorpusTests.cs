using System;
using System.IO;
using System.Linq;
using Corpus.Generator.Tests.Diagnostics;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>The real seeds that hold a correctly encoded U+FFFD: text, not a CORPUS001, under either compiler fallback.</summary>
public sealed class ReplacementCharacterCorpusTests
{
    [SharedCorpusTheory]
    [InlineData(CompilerHost.DotnetOffWindows)]
    [InlineData(CompilerHost.Windows1252)]
    public void The_real_seeds_that_hold_a_U_FFFD_have_no_error(CompilerHost host)
    {
        // The files that hold the bytes EF BF BD (also found with grep): seven files of real/, for example 446_77131b5fc578f752.txt ("沈�s榕", line 5).
        var files = Directory.GetFiles(Path.Combine(Repository.SharedCorpus!, "real"), "*.txt")
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf([(byte)0xEF, (byte)0xBF, (byte)0xBD]) >= 0)
            .Order(StringComparer.Ordinal)
            .ToList();
        var project = EncodingTests.Project(host);
        foreach (var file in files)
        {
            project.WithSeed("seeds/" + Path.GetFileName(file), File.ReadAllBytes(file));
        }

        var result = project.Generate();

        Assert.Equal(7, files.Count);
        Assert.Empty(result.GeneratorDiagnostics);
        var article = result.Load().FindById("446_77131b5fc578f752")!;
        Assert.Contains("沈\uFFFDs榕", article.Text, StringComparison.Ordinal);
    }
}
