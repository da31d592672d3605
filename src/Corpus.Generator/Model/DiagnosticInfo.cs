namespace Corpus.Generator.Model;

/// <summary>
/// A diagnostic as plain values, so it can sit in a cached pipeline model (a Roslyn <c>Diagnostic</c> or <c>Location</c>
/// must not: they are not equatable by value and hold on to source text).
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int SpanStart,
    int SpanLength,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    EquatableArray<string> MessageArguments);
