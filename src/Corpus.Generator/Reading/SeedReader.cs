using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Corpus.Generator.Text;

namespace Corpus.Generator.Reading;

/// <summary>Splits the text of one seed into its blocks (header, title, URL, optional date line, body) and reports what is wrong.</summary>
/// <remarks>
/// <para>
/// Lines are split on <c>\n</c> only; a <c>\r</c> right before a <c>\n</c> is part of that line end (files saved on Windows),
/// while a lone <c>\r</c>, U+0085, U+2028 and U+2029 are content. Positions are zero-based lines counted that way and
/// UTF-16 columns within the text as given: a leading U+FEFF, when the string still holds it, is column 0 of line 0 and is
/// otherwise ignored. Roslyn's own line table also breaks at a lone <c>\r</c>, U+0085, U+2028 and U+2029, so a
/// <see cref="TextPoint"/> equals Roslyn's <c>LinePosition</c> only while no such character comes before it (the scraper never
/// writes one before the body).
/// </para>
/// <para>
/// The reader never throws on any text (only <see cref="OperationCanceledException"/> when cancelled); every defect is a
/// <see cref="SeedProblem"/>. It is lenient where the corpus or hand edits vary harmlessly (no header, <c>NaN</c> header,
/// blank lines or spaces around the title block, no blank line after the separator, CRLF, BOM) and strict where a guess
/// could produce a wrong article (separator, title shape, URL).
/// </para>
/// <para>
/// The Jekyll-wrapped variant is accepted: YAML front matter (<c>---</c> … <c>---</c>) may come first, then the usual
/// blocks, or the body HTML at once. The title block wins over the front matter's <c>title</c> and <c>from</c>, which stand
/// in for it only when it is absent. YAML that cannot be read is a usable problem (<see cref="SeedProblemKind.InvalidFrontMatter"/>).
/// </para>
/// </remarks>
internal static class SeedReader
{
    private const string SeparatorText = "------";
    private const string HeaderOpen = "<!--";
    private const string HeaderClose = "-->";
    private const string DateLabel = "日期";
    private const string FrontMatterFence = "---";
    
    // DateTimeOffset.FromUnixTimeMilliseconds accepts exactly this range (0001-01-01 to 9999-12-31T23:59:59.999Z).
    private const long MinEpochMilliseconds = -62_135_596_800_000;
    private const long MaxEpochMilliseconds = 253_402_300_799_999;

    public static SeedReadResult Read(string text, CancellationToken cancellationToken = default)
    {
        text ??= string.Empty;
        cancellationToken.ThrowIfCancellationRequested();

        var problems = new List<SeedProblem>();
        var lines = new LineTable(text);

        var frontMatter = ReadFrontMatter(text, lines, problems, cancellationToken, out var firstLine);
        lines.TryGet(firstLine, out var first);
        long? epoch = null;
        var titleFirstLine = firstLine;
        if (StartsWith(text, first.ContentStart, first.ContentEnd, HeaderOpen))
        {
            titleFirstLine = firstLine + 1;
            epoch = ReadHeader(text, first, problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        TitleBlock? titleBlock;
        int bodyStart;
        string? dateLine = null;
        TextRange dateLineRange = default;
        bool bodyHasCrlf;
        if (TryFindSeparator(text, lines, titleFirstLine, cancellationToken, out var separator))
        {
            cancellationToken.ThrowIfCancellationRequested();
            titleBlock = titleFirstLine >= separator.Index && HasTitleAndUrl(frontMatter)
                ? FrontMatterTitleBlock(frontMatter!, problems)
                : ReadTitleBlock(text, lines, titleFirstLine, separator, problems);

            cancellationToken.ThrowIfCancellationRequested();
            bodyStart = ReadAfterSeparator(text, lines, separator, out dateLine, out dateLineRange);

            cancellationToken.ThrowIfCancellationRequested();
            bodyHasCrlf = ReportRepeatedSeparators(text, lines, Math.Max(lines.LineOf(bodyStart), separator.Index + 1), cancellationToken, problems);
        }
        else if (HasTitleAndUrl(frontMatter))
        {
            // The wrapped variant's other form: front matter, then the HTML at once. The front matter is the title block.
            titleBlock = FrontMatterTitleBlock(frontMatter!, problems);
            bodyStart = lines.TryGet(titleFirstLine, out var bodyLine) ? bodyLine.Start : text.Length;
            bodyHasCrlf = ReportRepeatedSeparators(text, lines, titleFirstLine, cancellationToken, problems);
        }
        else
        {
            problems.Add(new SeedProblem(
                SeedProblemKind.MissingSeparator,
                first.ContentRange,
                "no line is exactly '------'"));
            return new SeedReadResult(null, problems);
        }

        if (titleBlock is null)
        {
            return new SeedReadResult(null, problems);
        }

        var bodyEnd = EndBeforeFinalLineEnd(text, bodyStart);
        var body = text.Substring(bodyStart, bodyEnd - bodyStart);
        if (bodyHasCrlf)
        {
            // A hand-edited multi-line body saved on Windows: CR before LF is a line end, not content.
            body = body.Replace("\r\n", "\n");
        }

        var seed = new Seed(
            epoch,
            titleBlock.Value.Title,
            titleBlock.Value.TitleRange,
            titleBlock.Value.Url,
            titleBlock.Value.UrlRange,
            dateLine,
            dateLineRange,
            body,
            lines.PointAt(bodyStart),
            frontMatter);
        return new SeedReadResult(seed, problems);
    }

    /// <summary>
    /// Reads Jekyll front matter: a first line <c>---</c> and the next line that is <c>---</c> (or <c>...</c>), YAML between.
    /// </summary>
    /// <param name="next">The first line after the front matter and the blank lines after it; 0 when there is none.</param>
    /// <returns>Null when the seed has no front matter. YAML that cannot be read is a usable problem: the title block still counts.</returns>
    private static FrontMatter? ReadFrontMatter(string text, LineTable lines, List<SeedProblem> problems, CancellationToken cancellationToken, out int next)
    {
        next = 0;
        if (!lines.TryGet(0, out var open) || !IsFence(text, open, FrontMatterFence))
        {
            return null;
        }

        var close = default(SeedLine);
        var found = false;
        for (var index = 1; lines.TryGet(index, out var line); index++)
        {
            if ((index & 0xFFF) == 0xFFF)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (IsFence(text, line, FrontMatterFence) || IsFence(text, line, "..."))
            {
                close = line;
                found = true;
                break;
            }
        }

        if (!found)
        {
            // An opening fence alone is not front matter; the title block check reports what is there instead.
            return null;
        }

        next = close.Index + 1;
        while (lines.TryGet(next, out var blank) && blank.Next >= 0 && IsBlank(text, blank))
        {
            next++;
        }

        var range = new TextRange(new TextPoint(0, open.ContentStart), new TextPoint(close.Index, close.ContentEnd - close.Start));
        var yamlStart = open.Next;
        var yaml = text.Substring(yamlStart, close.Start - yamlStart);
        var (values, error) = FrontMatterParser.Parse(yaml);
        if (values is null)
        {
            var failure = error ?? new FrontMatterParser.YamlError(0, yaml.Length, "unknown error");
            var start = yamlStart + failure.Start;
            var end = Math.Max(start, yamlStart + failure.End);
            problems.Add(new SeedProblem(
                SeedProblemKind.InvalidFrontMatter,
                new TextRange(lines.PointAt(start), lines.PointAt(end)),
                failure.Detail));
            return new FrontMatter(range, false, null, null, null, null, [], []);
        }

        FrontMatterValue? Value((string Value, int Start, int End)? value) =>
            value is { } v ? new FrontMatterValue(v.Value, new TextRange(lines.PointAt(yamlStart + v.Start), lines.PointAt(yamlStart + v.End))) : null;

        return new FrontMatter(range, true, Value(values.Title), Value(values.Date), Value(values.Author), Value(values.From), values.Tags, values.Categories);
    }

    private static bool HasTitleAndUrl(FrontMatter? frontMatter) => frontMatter is { Title: not null, From: not null };

    /// <summary>The front matter's title and <c>from</c> URL in place of a title block, with the same checks.</summary>
    private static TitleBlock? FrontMatterTitleBlock(FrontMatter frontMatter, List<SeedProblem> problems)
    {
        var title = frontMatter.Title!;
        var from = frontMatter.From!;
        var url = from.Value.Trim();
        var urlProblem = SeedUrlCheck.Problem(url);
        if (urlProblem is not null)
        {
            problems.Add(new SeedProblem(SeedProblemKind.InvalidUrl, from.Range, urlProblem));
            return null;
        }

        return new TitleBlock(title.Value, title.Range, url, from.Range);
    }

    private static bool IsFence(string text, SeedLine line, string fence)
    {
        var end = line.EndWithoutTrailingBlanks(text);
        return end - line.ContentStart == fence.Length && string.CompareOrdinal(text, line.ContentStart, fence, 0, fence.Length) == 0;
    }

    private static bool IsBlank(string text, SeedLine line)
    {
        for (var i = line.ContentStart; i < line.ContentEnd; i++)
        {
            if (!TextNormalizer.IsWhitespace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static long? ReadHeader(string text, SeedLine line, List<SeedProblem> problems)
    {
        var end = line.EndWithoutTrailingBlanks(text);

        var innerStart = line.ContentStart + HeaderOpen.Length;
        var innerEnd = end - HeaderClose.Length;
        string detail;
        if (innerEnd >= innerStart && EndsWith(text, line.ContentStart, end, HeaderClose))
        {
            var inner = text.Substring(innerStart, innerEnd - innerStart);
            if (string.Equals(inner, "NaN", StringComparison.Ordinal))
            {
                return null;
            }

            if (IsDigits(inner))
            {
                if (inner.Length <= 19
                    && long.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    && value >= MinEpochMilliseconds
                    && value <= MaxEpochMilliseconds)
                {
                    return value;
                }

                detail = "the epoch '" + Excerpt.Of(inner) + "' is outside the range of DateTimeOffset";
            }
            else
            {
                detail = "expected <!--milliseconds since 1970--> or <!--NaN-->, found '" + Excerpt.Of(text, line.ContentStart, line.ContentEnd) + "'";
            }
        }
        else
        {
            detail = "expected <!--milliseconds since 1970--> or <!--NaN-->, found '" + Excerpt.Of(text, line.ContentStart, line.ContentEnd) + "'";
        }

        problems.Add(new SeedProblem(
            SeedProblemKind.MalformedHeader,
            line.ContentRange,
            detail));
        return null;
    }

    private static bool TryFindSeparator(string text, LineTable lines, int firstLine, CancellationToken cancellationToken, out SeedLine separator)
    {
        for (var index = firstLine; lines.TryGet(index, out var line); index++)
        {
            if ((index & 0xFFF) == 0xFFF)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (IsSeparator(text, line))
            {
                separator = line;
                return true;
            }
        }

        separator = default;
        return false;
    }

    private static TitleBlock? ReadTitleBlock(string text, LineTable lines, int firstLine, SeedLine separator, List<SeedProblem> problems)
    {
        if (firstLine >= separator.Index)
        {
            problems.Add(new SeedProblem(
                SeedProblemKind.MalformedTitleBlock,
                new TextRange(new TextPoint(separator.Index, 0), new TextPoint(separator.Index, 0)),
                "no [title](url) line before the separator"));
            return null;
        }

        lines.TryGet(firstLine, out var firstTitleLine);
        lines.TryGet(separator.Index - 1, out var lastTitleLine);
        var blockStart = firstTitleLine.ContentStart;
        var blockEnd = lastTitleLine.ContentEnd;

        // Blank lines or spaces around [title](url) are harmless hand edits; the brackets themselves are required.
        var start = blockStart;
        while (start < blockEnd && TextNormalizer.IsWhitespace(text[start]))
        {
            start++;
        }

        var end = blockEnd;
        while (end > start && TextNormalizer.IsWhitespace(text[end - 1]))
        {
            end--;
        }

        // The title may hold "](" itself (brackets, nested links): the URL starts after the last one.
        var split = -1;
        if (end - start >= 4 && text[start] == '[' && text[end - 1] == ')')
        {
            for (var i = end - 3; i > start; i--)
            {
                if (text[i] == ']' && text[i + 1] == '(')
                {
                    split = i;
                    break;
                }
            }
        }

        if (split < 0)
        {
            problems.Add(new SeedProblem(
                SeedProblemKind.MalformedTitleBlock,
                new TextRange(lines.PointAt(blockStart), lines.PointAt(blockEnd)),
                "expected [title](url) before the separator, found '" + Excerpt.Of(text, blockStart, blockEnd) + "'"));
            return null;
        }

        var titleStart = start + 1;
        var urlStart = split + 2;
        var urlEnd = end - 1;
        var title = text.Substring(titleStart, split - titleStart);
        if (title.IndexOf('\r') >= 0)
        {
            title = title.Replace("\r\n", "\n");
        }

        var url = text.Substring(urlStart, urlEnd - urlStart);
        var titleRange = new TextRange(lines.PointAt(titleStart), lines.PointAt(split));
        var urlRange = new TextRange(lines.PointAt(urlStart), lines.PointAt(urlEnd));

        var usable = true;
        if (TextNormalizer.Normalize(title).Length == 0)
        {
            problems.Add(new SeedProblem(
                SeedProblemKind.EmptyTitle,
                new TextRange(lines.PointAt(start), lines.PointAt(split + 1)),
                "the title between [ and ] is empty"));
            usable = false;
        }

        var urlProblem = SeedUrlCheck.Problem(url);
        if (urlProblem is not null)
        {
            problems.Add(new SeedProblem(SeedProblemKind.InvalidUrl, urlRange, urlProblem));
            usable = false;
        }

        return usable ? new TitleBlock(title, titleRange, url, urlRange) : null;
    }

    /// <returns>The offset where the body starts.</returns>
    private static int ReadAfterSeparator(string text, LineTable lines, SeedLine separator, out string? dateLine, out TextRange dateLineRange)
    {
        dateLine = null;
        dateLineRange = default;
        if (!lines.TryGet(separator.Index + 1, out var next))
        {
            return text.Length;
        }

        if (IsDateLine(text, next, out var labelEnd))
        {
            var valueStart = labelEnd;
            var valueEnd = next.ContentEnd;
            while (valueStart < valueEnd && TextNormalizer.IsWhitespace(text[valueStart]))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && TextNormalizer.IsWhitespace(text[valueEnd - 1]))
            {
                valueEnd--;
            }

            if (valueEnd > valueStart)
            {
                dateLine = text.Substring(valueStart, valueEnd - valueStart);
                dateLineRange = new TextRange(lines.PointAt(valueStart), lines.PointAt(valueEnd));
            }

            if (!lines.TryGet(next.Index + 1, out next))
            {
                return text.Length;
            }
        }

        if (next.ContentStart == next.ContentEnd)
        {
            return next.Next < 0 ? text.Length : next.Next;
        }

        // No blank line: seen in hand-edited files; the line is already body.
        return next.Start;
    }

    private static bool IsDateLine(string text, SeedLine line, out int valueStart)
    {
        valueStart = line.ContentStart + DateLabel.Length + 1;
        if (!StartsWith(text, line.ContentStart, line.ContentEnd, DateLabel) || line.ContentEnd < valueStart)
        {
            return false;
        }

        // The renderer writes a full-width colon; an ASCII one is the obvious hand-typed equivalent.
        var colon = text[valueStart - 1];
        return colon is '：' or ':';
    }

    /// <summary>Reports every further <c>------</c> line from the body on.</summary>
    /// <remarks>
    /// The first separator line ends the title block, so a second one can only be in the body of a hand-edited or
    /// concatenated file. The body keeps it as text (nothing is lost), but the user is told, since the scraper writes exactly one.
    /// </remarks>
    /// <returns>True when a body line ends in CRLF.</returns>
    private static bool ReportRepeatedSeparators(string text, LineTable lines, int firstBodyLine, CancellationToken cancellationToken, List<SeedProblem> problems)
    {
        var crlf = false;
        for (var index = firstBodyLine; lines.TryGet(index, out var line); index++)
        {
            if ((index & 0xFFF) == 0xFFF)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (line.Next >= 0 && line.ContentEnd == line.Next - 2)
            {
                // The file's final line end is not part of the body; only an inner CRLF matters.
                crlf |= line.Next < text.Length;
            }

            if (IsSeparator(text, line))
            {
                problems.Add(new SeedProblem(
                    SeedProblemKind.RepeatedSeparator,
                    TextRange.At(line.Index, line.ContentStart - line.Start, SeparatorText.Length),
                    "a second '------' line; it is kept as body text"));
            }
        }

        return crlf;
    }

    /// <summary>The end of the body: the file's final line end (LF or CRLF) is not part of it.</summary>
    private static int EndBeforeFinalLineEnd(string text, int bodyStart)
    {
        var bodyEnd = text.Length;
        if (bodyEnd > bodyStart && text[bodyEnd - 1] == '\n')
        {
            bodyEnd--;
            if (bodyEnd > bodyStart && text[bodyEnd - 1] == '\r')
            {
                bodyEnd--;
            }
        }

        return bodyEnd;
    }

    private static bool IsSeparator(string text, SeedLine line) =>
        line.ContentEnd - line.ContentStart == SeparatorText.Length
        && string.CompareOrdinal(text, line.ContentStart, SeparatorText, 0, SeparatorText.Length) == 0;

    private static bool StartsWith(string text, int start, int end, string value) =>
        end - start >= value.Length && string.CompareOrdinal(text, start, value, 0, value.Length) == 0;

    private static bool EndsWith(string text, int start, int end, string value) =>
        end - start >= value.Length && string.CompareOrdinal(text, end - value.Length, value, 0, value.Length) == 0;

    private static bool IsDigits(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct TitleBlock(string Title, TextRange TitleRange, string Url, TextRange UrlRange);
}
