using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator.Bodies;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Model;

namespace Corpus.Generator.Reading;

/// <summary>One seed's text and what the Roslyn glue found out about its bytes.</summary>
/// <param name="EncodingProblem">Why the text is not UTF-8 (the compiler fell back to another encoding); null when it is.</param>
/// <param name="EncodingProblemOffset">The character offset of the first byte that is not UTF-8.</param>
internal sealed record SeedInput(
    string FilePath,
    SeedKey Key,
    string Text,
    string? EncodingProblem,
    int EncodingProblemOffset,
    long MaxSeedBytes);

/// <summary>A diagnostic found in one seed, located by line and column (no Roslyn types: the glue adds the rest).</summary>
internal sealed record Finding(string DiagnosticId, TextRange Range, EquatableArray<string> Arguments);

/// <summary>The outcome of turning one seed into an article.</summary>
/// <param name="Article">Null when an error makes the seed unusable; it is then left out of the corpus.</param>
internal sealed record ArticleReadResult(ArticleModel? Article, IReadOnlyList<Finding> Findings, TextRange UrlRange);

/// <summary>
/// Seed text in, article model and findings out: the seed reader, the title parser and the body reader put together.
/// Pure: knows nothing of Roslyn, so it is tested alone.
/// </summary>
internal static class ArticleReader
{
    public static ArticleReadResult Read(SeedInput input, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var seedPath = input.Key.SeedPath;
        var text = input.Text;

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > input.MaxSeedBytes)
        {
            findings.Add(Find(DiagnosticIds.SeedTooLarge, FirstLine(text), seedPath, bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), input.MaxSeedBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
            return Rejected(findings);
        }

        if (input.EncodingProblem is { } encodingProblem)
        {
            findings.Add(Find(DiagnosticIds.SeedNotUtf8, PointAt(text, input.EncodingProblemOffset), seedPath, encodingProblem));
            return Rejected(findings);
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            findings.Add(Find(DiagnosticIds.SeedNotUtf8, PointAt(text, nul), seedPath, "it contains a NUL character, so it is binary content rather than text"));
            return Rejected(findings);
        }

        var read = SeedReader.Read(text, cancellationToken);
        foreach (var problem in read.Problems)
        {
            findings.Add(FromSeedProblem(problem, seedPath));
        }

        if (read.Seed is not { } seed)
        {
            return Rejected(findings);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var title = TitleParser.Parse(seed.RawTitle, seed.Url);
        var outlet = Outlets.FromUrl(seed.Url);
        var bodyResult = BodyReader.Read(seed.Body, outlet, seed.Url, cancellationToken);
        var body = bodyResult.Body;
        var hasText = true;
        foreach (var problem in bodyResult.Problems)
        {
            var range = BodyRange(seed, problem.Offset, problem.Length);
            switch (problem.Kind)
            {
                case BodyProblemKind.NoText:
                    hasText = false;
                    findings.Add(Find(DiagnosticIds.NoArticleText, range, seedPath));
                    break;
                case BodyProblemKind.UnreadableDate:
                    findings.Add(Find(DiagnosticIds.UnreadableDate, range, seedPath, problem.Detail));
                    break;
                case BodyProblemKind.TooDeeplyNested:
                    hasText = false;
                    findings.Add(Find(DiagnosticIds.BodyTooDeeplyNested, range, seedPath, problem.Detail));
                    break;
                case BodyProblemKind.Unreadable:
                    hasText = false;
                    findings.Add(Find(DiagnosticIds.UnexpectedError, range, seedPath, problem.Detail));
                    break;
            }
        }

        if (!hasText)
        {
            return new ArticleReadResult(null, findings, seed.UrlRange);
        }

        var frontMatter = seed.FrontMatter is { IsValid: true } valid ? valid : null;
        var published = body.Published;
        if (published is null && seed.DateLine is { } dateLine)
        {
            if (!PublishedDates.TryParseDateLine(dateLine, out published))
            {
                findings.Add(Find(DiagnosticIds.UnreadableDate, seed.DateLineRange, seedPath, "the 日期 line holds '" + dateLine + "', which is not an RFC 822 date"));
            }
        }

        // Front matter fills in what the body does not say: the body's own date and author are closer to the article.
        if (published is null && frontMatter?.Date is { } frontMatterDate
            && !PublishedDates.TryParseFrontMatterDate(frontMatterDate.Value, out published))
        {
            findings.Add(Find(
                DiagnosticIds.UnreadableDate,
                frontMatterDate.Range,
                seedPath,
                "the front matter's date is '" + frontMatterDate.Value + "', which is not a date such as 2020-08-06, 2020-08-06T10:57:23Z or 2020-08-06 10:57:23 +0800"));
        }

        var author = body.Author;
        if (author is null && frontMatter?.Author is { } frontMatterAuthor)
        {
            author = NullIfEmpty(Text.TextNormalizer.Normalize(frontMatterAuthor.Value));
        }

        var sections = body.Sections
            .Select(s => new SectionModel(s.Heading, s.Paragraphs.ToEquatableArray()))
            .ToEquatableArray();
        // The body reader's text is ArticleText.Join of this lead and these sections, the layout the record's block
        // lengths describe; the language, counts and reading time are made from the very text the runtime exposes.
        var plainText = body.Text;
        var article = new ArticleModel(
            input.Key,
            title.Title,
            title.RawTitle,
            title.Column,
            seed.Url,
            outlet,
            Text.LanguageDetector.Detect(title.RawTitle, plainText),
            seed.FeedEpochMilliseconds,
            published is null ? null : DateValue.From(published.Value, (int)published.Precision),
            author,
            body.Credit,
            body.Lead,
            sections,
            plainText,
            body.Html,
            body.Images.Select(i => new ImageModel(i.Url, i.Alt, i.Caption)).ToEquatableArray(),
            body.Media.Select(m => new MediaModel((int)m.Kind, m.Url)).ToEquatableArray(),
            (frontMatter?.Tags ?? []).ToEquatableArray(),
            (frontMatter?.Categories ?? []).ToEquatableArray(),
            ArticleText.CountCharacters(plainText),
            ArticleText.EstimateReadingTime(plainText).Ticks);
        return new ArticleReadResult(article, findings, seed.UrlRange);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static ArticleReadResult Rejected(List<Finding> findings) => new(null, findings, default);

    private static Finding FromSeedProblem(SeedProblem problem, string seedPath)
    {
        var id = problem.Kind switch
        {
            SeedProblemKind.MissingSeparator or SeedProblemKind.RepeatedSeparator => DiagnosticIds.SeparatorProblem,
            SeedProblemKind.MalformedTitleBlock or SeedProblemKind.EmptyTitle => DiagnosticIds.MalformedTitleBlock,
            SeedProblemKind.InvalidUrl => DiagnosticIds.InvalidUrl,
            SeedProblemKind.MalformedHeader => DiagnosticIds.MalformedHeader,
            SeedProblemKind.InvalidFrontMatter => DiagnosticIds.InvalidFrontMatter,
            _ => DiagnosticIds.UnexpectedError,
        };
        return Find(id, problem.Range, seedPath, problem.Detail);
    }

    private static Finding Find(string id, TextRange range, params string[] arguments) => new(id, range, arguments.ToEquatableArray());

    private static TextRange FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        var length = end < 0 ? text.Length : end;
        return TextRange.At(0, 0, Math.Min(length, 200));
    }

    /// <summary>The one-character range at a character offset of the text (lines split at LF only, as seeds are).</summary>
    private static TextRange PointAt(string text, int offset)
    {
        offset = Math.Max(0, Math.Min(offset, text.Length));
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return TextRange.At(line, offset - lineStart, offset < text.Length ? 1 : 0);
    }

    /// <summary>Maps a range of the body string to the seed; the body is one line in practice but may hold more if edited by hand.</summary>
    private static TextRange BodyRange(Seed seed, int offset, int length)
    {
        var start = BodyPoint(seed, offset);
        var end = BodyPoint(seed, offset + Math.Max(0, length));
        return new TextRange(start, end);
    }

    private static TextPoint BodyPoint(Seed seed, int offset)
    {
        var body = seed.Body;
        offset = Math.Max(0, Math.Min(offset, body.Length));
        var line = seed.BodyStart.Line;
        var column = seed.BodyStart.Column;
        for (var i = 0; i < offset; i++)
        {
            if (body[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        return new TextPoint(line, column);
    }
}
