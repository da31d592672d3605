namespace Corpus.Generator.Reading;

/// <summary>What can be wrong with the text of a seed. Each kind maps to one diagnostic (see <c>Diagnostics/</c>).</summary>
internal enum SeedProblemKind
{
    /// <summary>No line is exactly <c>------</c>.</summary>
    MissingSeparator,
    /// <summary>More than one line is exactly <c>------</c> before the body.</summary>
    RepeatedSeparator,
    /// <summary>The lines before the separator are not <c>[title](url)</c>.</summary>
    MalformedTitleBlock,
    /// <summary>The title between the brackets is empty or only whitespace.</summary>
    EmptyTitle,
    /// <summary>The URL is not an absolute http or https URL.</summary>
    InvalidUrl,
    /// <summary>A first line that looks like a header comment but is neither <c>&lt;!--13 digits--&gt;</c> nor <c>&lt;!--NaN--&gt;</c>.</summary>
    MalformedHeader,
}

/// <summary>One problem found in a seed, with the exact range it concerns and a short detail for the message.</summary>
internal sealed record SeedProblem(SeedProblemKind Kind, TextRange Range, string Detail);
