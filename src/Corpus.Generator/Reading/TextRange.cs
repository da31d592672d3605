namespace Corpus.Generator.Reading;

/// <summary>A zero-based line and column (UTF-16 code units) in a seed, as Roslyn's <c>LinePosition</c> counts them.</summary>
internal readonly record struct TextPoint(int Line, int Column);

/// <summary>A span of a seed from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
internal readonly record struct TextRange(TextPoint Start, TextPoint End)
{
    public static TextRange At(int line, int column, int length) => new(new TextPoint(line, column), new TextPoint(line, column + length));
}
