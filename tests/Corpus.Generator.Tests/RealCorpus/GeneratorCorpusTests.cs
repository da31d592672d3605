using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>
/// The shared real corpus through the whole generator in one compilation: no errors, the output compiles, every seed
/// is generated and loads. Skipped (returns early) where the shared corpus is not present.
/// </summary>
public sealed class GeneratorCorpusTests(ITestOutputHelper output)
{
    [SharedCorpusTheory]
    [InlineData("real", 934)]
    [InlineData("cdt-legacy", 30)]
    public void Every_seed_is_generated_without_errors(string folder, int expectedFiles)
    {
        var shared = Repository.SharedCorpus!;

        var files = Directory.GetFiles(Path.Combine(shared, folder), "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, files.Count);

        var project = new CorpusProject();
        foreach (var file in files)
        {
            project.WithSeed("seeds/" + Path.GetFileName(file), File.ReadAllBytes(file));
        }

        var result = project.Generate();
        var diagnostics = result.GeneratorDiagnostics;
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Errors:\n" + string.Join("\n", errors.Take(20)));

        var corpus = result.Load();
        Assert.Equal(files.Count, corpus.All.Count);
        Assert.Equal(files.Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(i => i, StringComparer.Ordinal), corpus.All.Select(a => a.Id).OrderBy(i => i, StringComparer.Ordinal));

        // The record stores Text once and the runtime cuts the blocks out of it by their lengths: joined again they
        // must give that Text, and CharacterCount must be the count of the very Text the runtime exposes.
        foreach (var article in corpus.All)
        {
            var rejoined = Model.ArticleText.Join(article.Lead, article.Sections, static s => s.Heading, static s => s.Paragraphs);
            Assert.True(rejoined == article.Text, article.Id + ": the blocks cut out of Text do not join back to it");
            Assert.Equal(article.Sections.SelectMany(s => s.Paragraphs), article.Paragraphs);
            Assert.Equal(Model.ArticleText.CountCharacters(article.Text), article.CharacterCount);
        }

        output.WriteLine($"{folder}: {files.Count} seeds, {corpus.All.Count} loaded, {diagnostics.Length} diagnostics");
        foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2}", group.Key, group.First().Severity, group.Count()));
        }

        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        // Every warning is one of the two that real seeds may deserve, and each is true:
        foreach (var diagnostic in diagnostics)
        {
            Assert.Contains(diagnostic.Id, new[] { "CORPUS008", "CORPUS009" });
            var seedPath = diagnostic.Location.GetLineSpan().Path;
            var id = Path.GetFileNameWithoutExtension(seedPath);
            var article = corpus.FindById(id)!;
            if (diagnostic.Id == "CORPUS008")
            {
                // ...a duplicate URL names another seed whose URL is the same but for the normalisation.
                var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                var otherPath = message.Split('\'')[3];
                var other = corpus.FindById(Path.GetFileNameWithoutExtension(otherPath))!;
                Assert.Equal(Normalised(article.Url.OriginalString), Normalised(other.Url.OriginalString));
            }
            else
            {
                // ...an unreadable date leaves PublishedAt null.
                Assert.Null(article.PublishedAt);
            }
        }
    }

    /// <summary>A second, simpler normalisation for checking duplicates: no scheme, lower-case host, single slashes, upper-case escapes, no trailing slash or fragment.</summary>
    private static string Normalised(string url)
    {
        var uri = new Uri(url);
        var path = uri.AbsolutePath;
        while (path.Contains("//", StringComparison.Ordinal))
        {
            path = path.Replace("//", "/", StringComparison.Ordinal);
        }

        path = System.Text.RegularExpressions.Regex.Replace(path, "%[0-9a-fA-F]{2}", m => m.Value.ToUpperInvariant()).TrimEnd('/');
        return uri.Host.ToLowerInvariant() + path + uri.Query;
    }
}
