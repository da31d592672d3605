using System;
using System.Collections.Generic;
using System.Threading;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Corpus.Generator.Reading;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator;

/// <summary>
/// The Roslyn side of reading one seed: the compiler's decoding of the file goes to the pure <see cref="ArticleReader"/>,
/// and its findings come back located in the file.
/// </summary>
internal static class SeedFileReader
{
    /// <summary>Reads one seed. Never throws: an unexpected failure becomes CORPUS099 for this seed alone.</summary>
    public static SeedResult Read(AdditionalText file, ReadOptions options, CancellationToken cancellationToken)
    {
        var seedPath = file.Path;
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var id = SeedPaths.IdOf(file.Path);
            var key = new SeedKey(id, MemberNames.FromId(id, MemberNames.DefaultClassName), SeedPaths.Relative(file.Path, options.ProjectDirectory));
            seedPath = key.SeedPath;
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                diagnostics.Add(DiagnosticInfo.AtFile(DiagnosticIds.UnexpectedError, file.Path, key.SeedPath, "the file could not be opened"));
                return new SeedResult(null, diagnostics.ToEquatableArray(), new SeedLocation(file.Path, 0, 0, default));
            }

            var content = text.ToString();
            var (encodingProblem, encodingOffset) = EncodingCheck.Inspect(text, content, file.Path);
            var result = ArticleReader.Read(new SeedInput(file.Path, key, content, encodingProblem, encodingOffset, options.MaxSeedBytes), cancellationToken);
            foreach (var finding in result.Findings)
            {
                diagnostics.Add(DiagnosticFactory.Locate(finding, file.Path, text));
            }

            var urlStart = DiagnosticFactory.Offset(text, result.UrlRange.Start.Line, result.UrlRange.Start.Column);
            var urlEnd = DiagnosticFactory.Offset(text, result.UrlRange.End.Line, result.UrlRange.End.Column);
            return new SeedResult(result.Article, diagnostics.ToEquatableArray(), new SeedLocation(file.Path, urlStart, Math.Max(0, urlEnd - urlStart), result.UrlRange));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(DiagnosticInfo.AtFile(DiagnosticIds.UnexpectedError, file.Path, seedPath, "an unexpected error in Corpus.Generator, " + exception.GetType().Name + ": " + exception.Message));
            return new SeedResult(null, diagnostics.ToEquatableArray(), new SeedLocation(file.Path, 0, 0, default));
        }
    }
}
