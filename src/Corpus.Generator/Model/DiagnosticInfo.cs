using Corpus.Generator.Reading;

namespace Corpus.Generator.Model;

/// <summary>
/// A diagnostic as plain values, so it can sit in a cached pipeline model (a Roslyn <c>Diagnostic</c> or <c>Location</c>
/// must not: they are not equatable by value and hold on to source text).
/// </summary>
/// <param name="FilePath">The file the diagnostic points into; empty for one about the project (its options).</param>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int SpanStart,
    int SpanLength,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    EquatableArray<string> MessageArguments)
{
    /// <summary>A diagnostic on a whole file, placed at its start; with an empty path, one on the project.</summary>
    public static DiagnosticInfo AtFile(string id, string filePath, params string[] arguments) =>
        new(id, filePath, 0, 0, 0, 0, 0, 0, arguments.ToEquatableArray());

    /// <summary>A diagnostic on a span of a file, given both as characters and as lines and columns.</summary>
    public static DiagnosticInfo At(string id, string filePath, int spanStart, int spanLength, TextRange range, EquatableArray<string> arguments) =>
        new(id, filePath, spanStart, spanLength, range.Start.Line, range.Start.Column, range.End.Line, range.End.Column, arguments);
}
