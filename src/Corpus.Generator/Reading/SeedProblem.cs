namespace Corpus.Generator.Reading;

/// <summary>What can be wrong with the text of a seed. Each kind maps to one diagnostic (see <c>Diagnostics/</c>).</summary>
internal enum SeedProblemKind
{
    /// <summary>No line is exactly <c>------</c> (a CRLF's CR aside). Range: the first line. The seed is unusable.</summary>
    MissingSeparator,
    /// <summary>
    /// A further line that is exactly <c>------</c>, after the separator. Range: that line. The seed stays usable.
    /// </summary>
    /// <remarks>
    /// The first such line is the separator by definition, so a second one can only come after it: in a hand-edited
    /// multi-line body, or where two seeds were pasted into one file. The body keeps the line as text (nothing is dropped),
    /// and each extra line is reported once, at its own line, so the user can find and remove it.
    /// </remarks>
    RepeatedSeparator,
    /// <summary>
    /// The lines before the separator (after the header) are not <c>[title](url)</c>, blank lines and spaces around it aside.
    /// Range: those lines; an empty range at the separator when there are none. The seed is unusable.
    /// </summary>
    MalformedTitleBlock,
    /// <summary>The title between the brackets is empty or only whitespace (after normalisation). Range: <c>[…]</c>. The seed is unusable.</summary>
    EmptyTitle,
    /// <summary>The URL is not an absolute http or https URL. Range: the URL (empty between <c>(</c> and <c>)</c> when it is empty). The seed is unusable.</summary>
    InvalidUrl,
    /// <summary>
    /// The first line starts with <c>&lt;!--</c> but is neither <c>&lt;!--digits--&gt;</c> (milliseconds within the range of
    /// <c>DateTimeOffset</c>) nor <c>&lt;!--NaN--&gt;</c>; trailing blanks are allowed. Range: that line. The seed stays usable,
    /// with no epoch, so the problems after it are reported too.
    /// </summary>
    MalformedHeader,
    /// <summary>
    /// The seed starts with Jekyll front matter (<c>---</c> … <c>---</c>) whose YAML cannot be read. Range: where the YAML
    /// parser stopped. The seed stays usable when it has a title block; the front matter's values are then all ignored.
    /// </summary>
    InvalidFrontMatter,
}

/// <summary>One problem found in a seed, with the exact range it concerns and a short detail for the message.</summary>
internal sealed record SeedProblem(SeedProblemKind Kind, TextRange Range, string Detail);
