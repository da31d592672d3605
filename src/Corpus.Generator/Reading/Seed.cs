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
/// <param name="DateLine">The value of the optional <c>日期：</c> line (China Digital Times renderer), trimmed; null when absent.</param>
/// <param name="DateLineRange">Where that value is; default when absent.</param>
/// <param name="Body">The body HTML: everything after the separator block, without the final newline. Lone CR and U+2028 stay as content.</param>
/// <param name="BodyStart">Where the body starts; a body column maps to a seed column by adding <c>BodyStart.Column</c> on that line.</param>
internal sealed record Seed(
    long? FeedEpochMilliseconds,
    string RawTitle,
    TextRange TitleRange,
    string Url,
    TextRange UrlRange,
    string? DateLine,
    TextRange DateLineRange,
    string Body,
    TextPoint BodyStart);

/// <summary>The outcome of reading one seed: the seed when its blocks could be found, and every problem met.</summary>
/// <remarks><see cref="Seed"/> is null exactly when a problem makes the seed unusable (no separator, no title block, bad URL...).</remarks>
internal sealed record SeedReadResult(Seed? Seed, IReadOnlyList<SeedProblem> Problems);
