using System.Globalization;
using Corpus.Generator.Bodies;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Model;

namespace Corpus.Generator.Reading;

/// <summary>The diagnostic of each problem the readers find, in one place: the seed's own problems and the body's.</summary>
internal static class Findings
{
    public static Finding Of(SeedProblem problem, string seedPath)
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

    /// <summary>A body problem at <paramref name="range"/> (its place in the seed); <see cref="LeavesNoText"/> says whether the seed is then left out.</summary>
    public static Finding Of(BodyProblem problem, TextRange range, string seedPath) => problem.Kind switch
    {
        BodyProblemKind.NoText => Find(DiagnosticIds.NoArticleText, range, seedPath),
        BodyProblemKind.UnreadableDate => Find(DiagnosticIds.UnreadableDate, range, seedPath, problem.Detail),
        BodyProblemKind.TooDeeplyNested => Find(DiagnosticIds.BodyTooDeeplyNested, range, seedPath, problem.Detail),
        _ => Find(DiagnosticIds.UnexpectedError, range, seedPath, problem.Detail),
    };

    /// <summary>Whether the body gives no article then: every problem but an unreadable date.</summary>
    public static bool LeavesNoText(BodyProblemKind kind) => kind != BodyProblemKind.UnreadableDate;

    public static Finding TooLarge(string text, string seedPath, int bytes, long maxSeedBytes) =>
        Find(DiagnosticIds.SeedTooLarge, SeedRanges.FirstLine(text), seedPath, bytes.ToString("N0", CultureInfo.InvariantCulture), maxSeedBytes.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>CORPUS001: not UTF-8, at the character offset of the first byte that is not (or of a NUL).</summary>
    public static Finding NotUtf8(string text, int offset, string seedPath, string reason) =>
        Find(DiagnosticIds.SeedNotUtf8, SeedRanges.PointAt(text, offset), seedPath, reason);

    public static Finding Find(string id, TextRange range, params string[] arguments) => new(id, range, arguments.ToEquatableArray());
}
