namespace Corpus.Generator.Diagnostics;

/// <summary>
/// The ids of every diagnostic, as plain strings: the pure readers and planners name a problem by id without touching
/// Roslyn, and <see cref="DiagnosticDescriptors"/> gives each id its title, message and severity.
/// </summary>
internal static class DiagnosticIds
{
    public const string SeedNotUtf8 = "CORPUS001";
    public const string SeparatorProblem = "CORPUS002";
    public const string MalformedTitleBlock = "CORPUS003";
    public const string InvalidUrl = "CORPUS004";
    public const string MalformedHeader = "CORPUS005";
    public const string NoArticleText = "CORPUS006";
    public const string DuplicateSeed = "CORPUS007";
    public const string DuplicateUrl = "CORPUS008";
    public const string UnreadableDate = "CORPUS009";
    public const string SeedTooLarge = "CORPUS010";
    public const string InvalidOption = "CORPUS011";
    public const string UnsupportedLanguageVersion = "CORPUS012";
    public const string InvalidFrontMatter = "CORPUS013";
    public const string BodyTooDeeplyNested = "CORPUS014";
    public const string UnknownLookup = Analyzers.LookupDiagnostics.UnknownId;
    public const string LookupHasMember = Analyzers.LookupDiagnostics.MemberAvailableId;
    public const string ShardNeedsRuntime = "CORPUS017";
    public const string ShardFormatMismatch = "CORPUS018";
    public const string EmptyCorpus = "CORPUS019";
    public const string NativeAotMetadata = "CORPUS020";
    public const string UnexpectedError = "CORPUS099";
}
