using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Diagnostics;

/// <summary>
/// What the diagnostic tests share: seeds as the scraper writes them, a project with one good seed beside the seeds
/// under test, and the checks of a diagnostic's exact location and of the corpus that still loads.
/// </summary>
internal static class DiagnosticFixture
{
    public const string Header = "<!--1641989702000-->";
    public const string GoodUrl = "https://example.com/good";

    /// <summary>A seed as the scraper writes it: header, title block, separator, blank line, one-line body, final LF.</summary>
    public static string Seed(string titleBlock, string body = "<p>Some article text.</p>", string? header = Header) =>
        (header is null ? string.Empty : header + "\n") + titleBlock + "\n------\n\n" + body + "\n";

    public static readonly string GoodSeed = Seed("[A good title](" + GoodUrl + ")");

    /// <summary>A project with one valid seed, <c>seeds/good.txt</c>, beside the seeds under test.</summary>
    public static CorpusProject Project() => new CorpusProject().WithSeed("seeds/good.txt", GoodSeed);

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <param name="text">The seed text the location's span covers; null to skip that check.</param>
    public static void AssertDiagnostic(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string seedPath, (int Line, int Column) start, (int Line, int Column) end, string? text)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(CorpusProject.Directory + seedPath, span.Path);
        Assert.Equal(start, (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal(end, (span.EndLinePosition.Line, span.EndLinePosition.Character));
        Assert.Contains("'" + seedPath + "'", Message(diagnostic));
        if (text is not null)
        {
            Assert.Equal(text.Length, diagnostic.Location.SourceSpan.Length);
        }
    }

    public static LoadedCorpus AssertLoads(GenerationResult result, params string[] ids) => AssertLoadsAs(result, "Articles", ids);

    /// <summary>Compiles and loads the corpus; exactly <paramref name="ids"/> are in it.</summary>
    public static LoadedCorpus AssertLoadsAs(GenerationResult result, string className, params string[] ids)
    {
        var corpus = result.Load(className);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), corpus.All.Select(a => a.Id).OrderBy(i => i, StringComparer.Ordinal));
        return corpus;
    }
}
