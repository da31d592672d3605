using System.Collections.Generic;

namespace Corpus.Generator.Reading;

/// <summary>
/// The blocks of one seed, as written: nothing decoded or cleaned yet. Produced by <see cref="SeedReader"/>.
/// </summary>
/// <param name="FeedEpochMilliseconds">The header's Unix epoch in milliseconds; null when the header is absent or <c>NaN</c>.</param>
/// <param name="RawTitle">The text between <c>[</c> and the last <c>](</c>, exactly as written (may span lines, hold brackets and entities).</param>
/// <param name="TitleRange">Where the title text is.</param>
/// <param name="Url">The URL between <c>](</c> and the final <c>)</c>, exactly as written.</param>
/// <param name="UrlRange">Where the URL is.</param>
/// <param name="DateLine">The value of the optional <c>日期：</c> line (China Digital Times renderer; <c>日期:</c> accepted), trimmed; null when absent or empty.</param>
/// <param name="DateLineRange">Where that value is; default when absent.</param>
/// <param name="Body">
/// The body HTML: everything after the separator block (blank line or <c>日期：</c> line and blank line; the body starts at once when
/// the line after the separator is neither), without the file's single final newline. Normally one line; a hand-edited body of
/// several lines keeps them, with CRLF written as LF. Lone CR, U+0085, U+2028 and U+2029 stay as content.
/// </param>
/// <param name="BodyStart">Where the body starts; a body column maps to a seed column by adding <c>BodyStart.Column</c> on that line.</param>
/// <param name="FrontMatter">The Jekyll front matter before the seed; null when there is none.</param>
internal sealed record Seed(
    long? FeedEpochMilliseconds,
    string RawTitle,
    TextRange TitleRange,
    string Url,
    TextRange UrlRange,
    string? DateLine,
    TextRange DateLineRange,
    string Body,
    TextPoint BodyStart,
    FrontMatter? FrontMatter = null);

/// <summary>The outcome of reading one seed: the seed when its blocks could be found, and every problem met.</summary>
/// <remarks>
/// <see cref="Seed"/> is null exactly when a problem makes the seed unusable: <see cref="SeedProblemKind.MissingSeparator"/>,
/// <see cref="SeedProblemKind.MalformedTitleBlock"/>, <see cref="SeedProblemKind.EmptyTitle"/> or <see cref="SeedProblemKind.InvalidUrl"/>.
/// <see cref="SeedProblemKind.MalformedHeader"/> and <see cref="SeedProblemKind.RepeatedSeparator"/> leave it usable. Problems are in text order.
/// </remarks>
internal sealed record SeedReadResult(Seed? Seed, IReadOnlyList<SeedProblem> Problems);
