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
/// Pure: knows nothing of Roslyn, so it is tested alone. Each job is a piece of its own: rejecting what is no seed text
/// (<see cref="Reject"/>), naming problems (<see cref="Findings"/>), the date and author fallback
/// (<see cref="DateAuthorFallback"/>) and building the model (<see cref="Build"/>).
/// </summary>
internal static class ArticleReader
{
    public static ArticleReadResult Read(SeedInput input, CancellationToken cancellationToken)
    {
        var seedPath = input.Key.SeedPath;
        if (Reject(input) is { } rejection)
        {
            return Rejected([rejection]);
        }

        var findings = new List<Finding>();
        var read = SeedReader.Read(input.Text, cancellationToken);
        findings.AddRange(read.Problems.Select(problem => Findings.Of(problem, seedPath)));
        if (read.Seed is not { } seed)
        {
            return Rejected(findings);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var title = TitleParser.Parse(seed.RawTitle, seed.Url);
        var outlet = Outlets.FromUrl(seed.Url);
        var bodyResult = BodyReader.Read(seed.Body, outlet, seed.Url, cancellationToken);
        var hasText = true;
        foreach (var problem in bodyResult.Problems)
        {
            findings.Add(Findings.Of(problem, SeedRanges.InBody(seed, problem.Offset, problem.Length), seedPath));
            hasText &= !Findings.LeavesNoText(problem.Kind);
        }

        if (!hasText)
        {
            return new ArticleReadResult(null, findings, seed.UrlRange);
        }

        var body = bodyResult.Body;
        var frontMatter = seed.FrontMatter is { IsValid: true } valid ? valid : null;
        var published = DateAuthorFallback.Published(seed, body, frontMatter, seedPath, findings);
        var author = DateAuthorFallback.Author(body, frontMatter);
        return new ArticleReadResult(Build(input.Key, seed, title, outlet, body, published, author, frontMatter), findings, seed.UrlRange);
    }

    /// <summary>Why a text is no seed to read at all (too large, not UTF-8, binary), before anything is parsed; null when it is one.</summary>
    private static Finding? Reject(SeedInput input)
    {
        var text = input.Text;
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > input.MaxSeedBytes)
        {
            return Findings.TooLarge(text, input.Key.SeedPath, bytes, input.MaxSeedBytes);
        }

        if (input.EncodingProblem is { } encodingProblem)
        {
            return Findings.NotUtf8(text, input.EncodingProblemOffset, input.Key.SeedPath, encodingProblem);
        }

        var nul = text.IndexOf('\0');
        return nul >= 0 ? Findings.NotUtf8(text, nul, input.Key.SeedPath, "it contains a NUL character, so it is binary content rather than text") : null;
    }

    private static ArticleModel Build(SeedKey key, Seed seed, ArticleTitle title, string outlet, BodyContent body, PublishedDate? published, string? author, FrontMatter? frontMatter)
    {
        // The body reader's text is ArticleText.Join of this lead and these sections, the layout the record's block
        // lengths describe; the language, counts and reading time are made from the very text the runtime exposes.
        var plainText = body.Text;
        return new ArticleModel(
            Key: key,
            Title: title.Title,
            RawTitle: title.RawTitle,
            Column: title.Column,
            Url: seed.Url,
            Outlet: outlet,
            Language: Text.LanguageDetector.Detect(title.RawTitle, plainText),
            FeedPublishedAtUnixMilliseconds: seed.FeedEpochMilliseconds,
            PublishedAt: published is null ? null : DateValue.From(published.Value, (int)published.Precision),
            Author: author,
            Credit: body.Credit,
            Lead: body.Lead,
            Sections: body.Sections.Select(s => new SectionModel(s.Heading, s.Paragraphs.ToEquatableArray())).ToEquatableArray(),
            Text: plainText,
            Html: body.Html,
            Images: body.Images.Select(i => new ImageModel(i.Url, i.Alt, i.Caption)).ToEquatableArray(),
            Media: body.Media.Select(m => new MediaModel((int)m.Kind, m.Url)).ToEquatableArray(),
            Tags: (frontMatter?.Tags ?? []).ToEquatableArray(),
            Categories: (frontMatter?.Categories ?? []).ToEquatableArray(),
            CharacterCount: ArticleText.CountCharacters(plainText),
            ReadingTimeTicks: ArticleText.EstimateReadingTime(plainText).Ticks);
    }

    private static ArticleReadResult Rejected(List<Finding> findings) => new(null, findings, default);
}
