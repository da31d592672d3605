using System;
using System.Collections.Generic;

namespace Corpus.Generator.Bodies;

/// <summary>A block of the article: an optional heading and the paragraphs under it.</summary>
internal sealed record BodySection(string? Heading, IReadOnlyList<string> Paragraphs);

/// <summary>An image of the article: absolute URL when it can be made absolute, its alt text and its caption (null when none).</summary>
internal sealed record BodyImage(string Url, string? Alt, string? Caption = null);

/// <summary>What kind of embedded media a <see cref="BodyMedia"/> is: the element it came from.</summary>
internal enum MediaKind
{
    Iframe = 0,
    Video = 1,
    Audio = 2,
}

/// <summary>An embedded player or frame of the article (<c>iframe</c>, <c>video</c>, <c>audio</c>), with its address.</summary>
internal sealed record BodyMedia(MediaKind Kind, string Url);

/// <summary>How precise a published date is. A date-only value is midnight of that day in the outlet's zone.</summary>
internal enum DatePrecision
{
    Day,
    Minute,
    Second,
}

/// <summary>The article's own publication time, read from the body's leading date element (or the <c>日期：</c> line).</summary>
/// <param name="Value">The instant, with the offset of the outlet's local time.</param>
/// <param name="Precision">What the source gave: a day, minutes or seconds.</param>
/// <param name="Raw">The text it was read from.</param>
internal sealed record PublishedDate(DateTimeOffset Value, DatePrecision Precision, string Raw);

/// <summary>Everything read from a body. All strings are whitespace-normalised (see <see cref="TextNormalizer"/>).</summary>
/// <param name="Lead">The marked lead paragraph (RFI's strong first paragraph, FT's <c>story-lead</c>); null when none.</param>
/// <param name="Sections">The sections in order; the first has a null heading when text comes before any heading.</param>
/// <param name="Text">Lead, headings and paragraphs, a blank line (<c>"\n\n"</c>) between blocks.</param>
/// <param name="Html">The body HTML, safe to render: date element, artifacts and boilerplate removed, then the allow-list of <see cref="HtmlPolicy"/> applied.</param>
/// <param name="Images">The images in order.</param>
/// <param name="Media">The embedded frames, videos and audio in order.</param>
/// <param name="Published">The body's date; null when there is no date element or it could not be read.</param>
/// <param name="Author">The author named by the date element (DW, NYT); null when none.</param>
/// <param name="Credit">An agency credit line such as <c>© 2020 AFP</c>, taken out of the text; null when none.</param>
internal sealed record BodyContent(
    string? Lead,
    IReadOnlyList<BodySection> Sections,
    string Text,
    string Html,
    IReadOnlyList<BodyImage> Images,
    PublishedDate? Published,
    string? Author,
    string? Credit,
    IReadOnlyList<BodyMedia> Media);

internal enum BodyProblemKind
{
    /// <summary>No article text is left after removing markup, artifacts and boilerplate.</summary>
    NoText,
    /// <summary>A leading date element is present but its text is not a date form we know.</summary>
    UnreadableDate,
    /// <summary>Elements are nested deeper than <see cref="NestingLimit.MaxDepth"/>: the body is not parsed.</summary>
    TooDeeplyNested,
    /// <summary>Reading the body threw (a bug, or the HTML parser failing on broken markup): nothing of it is kept.</summary>
    Unreadable,
}

/// <summary>A problem in a body, located by UTF-16 offset and length in the body string.</summary>
internal sealed record BodyProblem(BodyProblemKind Kind, int Offset, int Length, string Detail);

internal sealed record BodyReadResult(BodyContent Body, IReadOnlyList<BodyProblem> Problems);
