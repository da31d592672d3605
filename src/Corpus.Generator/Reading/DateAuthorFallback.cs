using System.Collections.Generic;
using Corpus.Generator.Bodies;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Text;

namespace Corpus.Generator.Reading;

/// <summary>
/// Where an article's date and author come from when several places give them: the body's own date element first (it
/// is closest to the article), then the seed's <c>日期</c> line, then the Jekyll front matter (valid front matter only).
/// </summary>
internal static class DateAuthorFallback
{
    /// <summary>The published date; an unreadable 日期 line or front-matter date is reported (CORPUS009) and passed over.</summary>
    public static PublishedDate? Published(Seed seed, BodyContent body, FrontMatter? frontMatter, string seedPath, List<Finding> findings)
    {
        var published = body.Published;
        if (published is null && seed.DateLine is { } dateLine)
        {
            if (!PublishedDates.TryParseDateLine(dateLine, out published))
            {
                findings.Add(Findings.Find(DiagnosticIds.UnreadableDate, seed.DateLineRange, seedPath, "the 日期 line holds '" + dateLine + "', which is not an RFC 822 date"));
            }
        }

        if (published is null && frontMatter?.Date is { } frontMatterDate
            && !PublishedDates.TryParseFrontMatterDate(frontMatterDate.Value, out published))
        {
            findings.Add(Findings.Find(
                DiagnosticIds.UnreadableDate,
                frontMatterDate.Range,
                seedPath,
                "the front matter's date is '" + frontMatterDate.Value + "', which is not a date such as 2020-08-06, 2020-08-06T10:57:23Z or 2020-08-06 10:57:23 +0800"));
        }

        return published;
    }

    /// <summary>The author the body names, else the front matter's (normalised; null when empty).</summary>
    public static string? Author(BodyContent body, FrontMatter? frontMatter)
    {
        if (body.Author is null && frontMatter?.Author is { } frontMatterAuthor)
        {
            var author = TextNormalizer.Normalize(frontMatterAuthor.Value);
            return author.Length == 0 ? null : author;
        }

        return body.Author;
    }
}
