using System.Collections.Generic;
using Corpus.Generator.Model;
using Corpus.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Diagnostics;

/// <summary>Turns the plain <see cref="DiagnosticInfo"/> kept in pipeline models into Roslyn diagnostics located in seed files.</summary>
internal static class DiagnosticFactory
{
    public static void Report(SourceProductionContext context, IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(Create(diagnostic));
        }
    }

    public static Diagnostic Create(DiagnosticInfo info)
    {
        var location = string.IsNullOrEmpty(info.FilePath)
            ? Location.None
            : Location.Create(
                info.FilePath,
                new TextSpan(info.SpanStart, info.SpanLength),
                new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.EndLine, info.EndColumn)));
        var arguments = new object[info.MessageArguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = info.MessageArguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, arguments);
    }

    /// <summary>Locates a finding in the seed's text: line and column as given, and the matching character span.</summary>
    public static DiagnosticInfo Locate(Finding finding, string filePath, SourceText text)
    {
        var start = Offset(text, finding.Range.Start.Line, finding.Range.Start.Column);
        var end = Offset(text, finding.Range.End.Line, finding.Range.End.Column);
        return DiagnosticInfo.At(finding.DiagnosticId, filePath, start, System.Math.Max(0, end - start), finding.Range, finding.Arguments);
    }

    /// <summary>
    /// The character offset of a seed line and column. Seeds split lines at LF only while <see cref="SourceText"/> also
    /// splits at CR, U+2028 and others; walking the text keeps both counts the same as the seed reader's.
    /// </summary>
    public static int Offset(SourceText text, int line, int column)
    {
        var currentLine = 0;
        var position = 0;
        var length = text.Length;
        while (currentLine < line && position < length)
        {
            if (text[position] == '\n')
            {
                currentLine++;
            }

            position++;
        }

        return System.Math.Min(length, position + column);
    }
}
