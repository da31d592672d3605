using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, by its id in <see cref="DiagnosticIds"/>. Each has a section in
/// docs/diagnostics.md with a bad and a fixed example; AnalyzerReleases.*.md track them. Message argument {0} is the
/// seed's project-relative path in every diagnostic about a seed.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpBase = "https://github.com/corpus-generator/Corpus.Generator/blob/main/docs/diagnostics.md#";
    private const string SeedCategory = "Corpus.Seeds";
    private const string CorpusCategory = "Corpus.Corpus";
    private const string ConfigurationCategory = "Corpus.Configuration";
    private const string UsageCategory = "Corpus.Usage";

    public static readonly DiagnosticDescriptor SeedNotUtf8 = Create(
        DiagnosticIds.SeedNotUtf8,
        "Seed is not UTF-8 text",
        "Seed '{0}' is not UTF-8 text: {1}",
        "Save the seed as UTF-8 (a BOM is fine). Invalid bytes would otherwise be read in a legacy code page and turn into wrong characters.",
        SeedCategory);

    public static readonly DiagnosticDescriptor SeparatorProblem = Create(
        DiagnosticIds.SeparatorProblem,
        "Seed has no single '------' separator line",
        "Seed '{0}': {1}",
        "Put one line that is exactly six hyphens (------) after the [title](url) block, followed by a blank line and the body.",
        SeedCategory);

    public static readonly DiagnosticDescriptor MalformedTitleBlock = Create(
        DiagnosticIds.MalformedTitleBlock,
        "Seed title block is not [title](url)",
        "Seed '{0}': {1}",
        "Write the title block as [Article title](https://example.com/article) on the line(s) before '------'.",
        SeedCategory);

    public static readonly DiagnosticDescriptor InvalidUrl = Create(
        DiagnosticIds.InvalidUrl,
        "Seed URL is not an absolute http(s) URL",
        "Seed '{0}': the URL '{1}' is not an absolute http or https URL",
        "Give the article's full address, starting with https:// or http://.",
        SeedCategory);

    public static readonly DiagnosticDescriptor MalformedHeader = Create(
        DiagnosticIds.MalformedHeader,
        "Seed header is not a millisecond epoch",
        "Seed '{0}': the header '{1}' is neither <!--milliseconds since 1970--> nor <!--NaN-->",
        "Write the feed time as <!--1641989702000--> (Unix time in milliseconds), write <!--NaN--> when it is unknown, or remove the line.",
        SeedCategory);

    public static readonly DiagnosticDescriptor NoArticleText = Create(
        DiagnosticIds.NoArticleText,
        "Seed has no article text",
        "Seed '{0}' has no article text left after removing markup, artifacts and boilerplate",
        "Put the article's HTML body (paragraphs of text) on the line after the blank line that follows '------'.",
        SeedCategory);

    public static readonly DiagnosticDescriptor DuplicateSeed = Create(
        DiagnosticIds.DuplicateSeed,
        "Two seeds map to the same Id or member name",
        "Seed '{0}' is left out: {1} is already used by seed '{2}'",
        "Rename one of the seed files so that their names differ in more than punctuation or letter case.",
        CorpusCategory);

    public static readonly DiagnosticDescriptor DuplicateUrl = Create(
        DiagnosticIds.DuplicateUrl,
        "Two seeds have the same URL",
        "Seed '{0}' has the same URL as seed '{1}' ({2})",
        "Remove one of the two seeds if they are the same article; if the article was rewritten, keep the newer one.",
        CorpusCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadableDate = Create(
        DiagnosticIds.UnreadableDate,
        "Seed date is not understood",
        "Seed '{0}': {1}; PublishedAt will be null",
        "Write the date in the outlet's form (for example <div>12/01/2022 - 12:44</div> for RFI), or remove the date element.",
        SeedCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SeedTooLarge = Create(
        DiagnosticIds.SeedTooLarge,
        "Seed is too large",
        "Seed '{0}' is {1} bytes, more than CorpusMaxSeedBytes ({2} bytes)",
        "Check that the file is really one article; if it is, raise the limit with <CorpusMaxSeedBytes> in the project file.",
        SeedCategory);

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        DiagnosticIds.InvalidOption,
        "Invalid Corpus.Generator option",
        "The MSBuild property {0} has the value '{1}', which is not valid: {2}",
        "Fix the property in the project file; see the options table in the README.",
        ConfigurationCategory);

    public static readonly DiagnosticDescriptor UnsupportedLanguageVersion = Create(
        DiagnosticIds.UnsupportedLanguageVersion,
        "C# language version too old for the generated corpus",
        "The generated corpus needs C# 9 or later, but the project uses C# {0}: set <LangVersion>9</LangVersion> (or later) in the project file",
        "The default C# of netstandard2.0, netstandard2.1 and .NET Framework projects is older than 9; C# 9 compiles for them as it is. Targeting net5.0 or later also raises the default.",
        ConfigurationCategory);

    public static readonly DiagnosticDescriptor InvalidFrontMatter = Create(
        DiagnosticIds.InvalidFrontMatter,
        "Seed front matter is not valid YAML",
        "Seed '{0}': the front matter is not valid YAML ({1}); its title, date, author, tags and categories are ignored",
        "Quote values that hold line breaks, colons or quotes (title: \"…\"), or remove the front matter; the [title](url) block is used meanwhile.",
        SeedCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BodyTooDeeplyNested = Create(
        DiagnosticIds.BodyTooDeeplyNested,
        "Seed body is nested too deeply",
        "Seed '{0}' is left out: {1}",
        "Close the body's elements: real article bodies nest a few dozen elements deep at most. Reading markup nested thousands deep would stall the build.",
        SeedCategory);

    public static readonly DiagnosticDescriptor ShardNeedsRuntime = Create(
        DiagnosticIds.ShardNeedsRuntime,
        "A corpus shard needs the Corpus.Runtime package",
        "The project sets CorpusShard to true but does not reference Corpus.Runtime: add <PackageReference Include=\"Corpus.Runtime\" Version=\"{0}\" /> to it",
        "Shards and the app that merges them share Article from the Corpus.Runtime package (the same version as Corpus.Generator). Add the package to the shard, or remove CorpusShard to compile the corpus into this project alone.",
        ConfigurationCategory);

    public static readonly DiagnosticDescriptor ShardFormatMismatch = Create(
        DiagnosticIds.ShardFormatMismatch,
        "A corpus shard or Corpus.Runtime has another data format",
        "{0} has corpus data format {1}, but this project's Corpus.Generator writes format {2}: {3}",
        "Build every shard, the app and Corpus.Runtime with the same version of Corpus.Generator and Corpus.Runtime (update the package references, then rebuild the shards).",
        ConfigurationCategory);

    public static readonly DiagnosticDescriptor EmptyCorpus = Create(
        DiagnosticIds.EmptyCorpus,
        "The project has no article",
        "The project has no article: {0}; {1}. {2}.",
        "A project that uses Corpus.Generator compiled an empty corpus. The message says where the seeds were looked for: CorpusSeedsDirectory is relative to the project, and AdditionalFiles items with CorpusSeed=\"true\" add seeds from anywhere.",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NativeAotMetadata = Create(
        DiagnosticIds.NativeAotMetadata,
        "NativeAOT cannot hold this corpus",
        "NativeAOT cannot hold this corpus: its constants are about {0} MiB ({1}), and NativeAOT keeps them in its reflection metadata, which holds at most 32 MiB; publishing with PublishAot will stop in ILC with 'Metadata blob exceeded the addressing range'. {2}",
        "The generated code reads the corpus from constants by reflection, and NativeAOT's metadata format addresses at most 32 MiB (about 3,600 news seeds with the search index). Publish the app as ReadyToRun instead (PublishReadyToRun, PublishReadyToRunComposite and SelfContained give the fastest start), or compile fewer seeds into it.",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownLookup = Create(
        Analyzers.LookupDiagnostics.UnknownId,
        "No article has this Id or URL",
        "No article has the {0} '{1}'{2}",
        "Use the Id (the seed's file name without extension) or the URL of a seed of the corpus: this lookup finds nothing and returns null at run time.",
        UsageCategory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LookupHasMember = Create(
        Analyzers.LookupDiagnostics.MemberAvailableId,
        "The looked-up article has a member",
        "The lookup of '{0}' can be the member {1}",
        "The member is checked at compile time, cannot be null and shows the article's title in IntelliSense; the code fix writes it.",
        UsageCategory,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnexpectedError = Create(
        DiagnosticIds.UnexpectedError,
        "Seed could not be read",
        "Seed '{0}' could not be read: {1}",
        "When the file could not be opened, check that it exists and can be read (an AdditionalFiles item whose file was deleted, moved or locked). Any other message is a bug in Corpus.Generator: please report it with the seed attached. The other seeds are still generated.",
        SeedCategory);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        SeedNotUtf8, SeparatorProblem, MalformedTitleBlock, InvalidUrl, MalformedHeader, NoArticleText, DuplicateSeed,
        DuplicateUrl, UnreadableDate, SeedTooLarge, InvalidOption, UnsupportedLanguageVersion, InvalidFrontMatter, BodyTooDeeplyNested,
        UnknownLookup, LookupHasMember, ShardNeedsRuntime, ShardFormatMismatch, EmptyCorpus, NativeAotMetadata, UnexpectedError,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string message,
        string fix,
        string category,
        DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: fix, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
