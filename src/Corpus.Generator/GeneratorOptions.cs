using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Corpus.Generator;

/// <summary>
/// Reads the MSBuild properties (made visible by build/Corpus.Generator.props) once, into plain values. An invalid
/// value is reported as CORPUS011 and replaced by its default, so the corpus is still generated.
/// </summary>
internal static class GeneratorOptions
{
    public const string NamespaceProperty = "CorpusNamespace";
    public const string ClassNameProperty = "CorpusClassName";
    public const string VisibilityProperty = "CorpusVisibility";
    public const string MaxSeedBytesProperty = "CorpusMaxSeedBytes";
    public const string ShardProperty = "CorpusShard";
    public const string RuntimeLibraryProperty = "CorpusRuntimeLibrary";
    public const string SearchIndexProperty = "CorpusSearchIndex";

    /// <summary>The SDK's NativeAOT switch, read for CORPUS020 only (Planning/NativeAotCheck).</summary>
    public const string PublishAotProperty = "PublishAot";
    private const string RootNamespaceProperty = "RootNamespace";
    private const string NamespaceReason = "it must be a C# namespace name such as My.Project";

    public const string SeedsPathProperty = "CorpusSeedsPath";
    public const string SeedsDirectoryProperty = "CorpusSeedsDirectory";
    public const string DefaultSeedsProperty = "EnableDefaultCorpusSeeds";
    public const string SeedsFolderProperty = "CorpusSeedsFolder";
    public const string SeedsFolderTextFilesProperty = "CorpusSeedsFolderTextFiles";

    /// <summary>
    /// Whether an additional file is a seed: its item's <c>CorpusSeed</c> says so when it has one (<c>true</c>, any other
    /// value no); otherwise it is a <c>*.txt</c> file under the seeds/ convention's folder (<c>CorpusSeedsPath</c>, a full
    /// path with a trailing separator, set by build/Corpus.Generator.targets while <c>EnableDefaultCorpusSeeds</c> is on).
    /// The folder is how a shard's seeds, collected when it builds, are known, and what lets the package leave the
    /// per-seed metadata out of the generated .editorconfig, whose sections the compiler matches against every file
    /// (docs/performance.md, "Per-seed metadata in the generated .editorconfig").
    /// </summary>
    public static bool IsSeed(AdditionalText file, AnalyzerConfigOptionsProvider provider)
    {
        var options = provider.GetOptions(file);
        if (options.TryGetValue("build_metadata.AdditionalFiles.CorpusSeed", out var value) && value.Trim() is { Length: > 0 } said)
        {
            return string.Equals(said, "true", StringComparison.OrdinalIgnoreCase);
        }

        return Get(provider.GlobalOptions, SeedsPathProperty) is { } folder && IsUnder(file.Path, folder);
    }

    /// <summary>
    /// A <c>.txt</c> path inside <paramref name="folder"/>, whatever the spelling of either (<see cref="Paths.SeedPathForm"/>:
    /// the compiler passes <c>app/../seeds/x.txt</c> as written); letter case ignored where the file system ignores it.
    /// </summary>
    internal static bool IsUnder(string path, string folder) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && Paths.SeedPathForm.IsUnder(path, folder, Paths.SeedPathForm.IgnoresCase);

    /// <summary>
    /// Where the seeds were looked for (CORPUS019): <c>CorpusSeedsDirectory</c>, and the folder's full path and count of
    /// <c>.txt</c> files as the package's CorpusCountSeedsFolder target found them (<c>CorpusSeedsFolderTextFiles</c>:
    /// a count, or <c>absent</c>).
    /// </summary>
    public static SeedsFolder SeedsFolderFrom(AnalyzerConfigOptions options)
    {
        var files = Get(options, SeedsFolderTextFilesProperty);
        int? count = files is null ? null
            : string.Equals(files, "absent", StringComparison.OrdinalIgnoreCase) ? -1
            : int.TryParse(files, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return new SeedsFolder(
            Get(options, SeedsDirectoryProperty),
            Get(options, SeedsFolderProperty) ?? Get(options, SeedsPathProperty),
            !string.Equals(Get(options, DefaultSeedsProperty), "false", StringComparison.OrdinalIgnoreCase),
            count);
    }

    public static int LanguageVersionOf(ParseOptions options) =>
        options is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : (int)LanguageVersion.Latest;

    /// <param name="analyseAsRead">Whether seeds may be analysed for search as they are read (the compiler's builds).</param>
    public static ReadOptions ReadOptionsFrom(AnalyzerConfigOptions options, bool analyseAsRead) =>
        new(Get(options, "ProjectDir"), ParseMaxSeedBytes(Get(options, MaxSeedBytesProperty), out _))
        {
            AnalyseAsRead = analyseAsRead && ParseSwitch(options, SearchIndexProperty, new List<DiagnosticInfo>(), whenUnset: true),
        };

    public static EmitSettings EmitSettingsFrom(AnalyzerConfigOptions options, string generatorVersion)
    {
        var diagnostics = new List<DiagnosticInfo>();

        // An invalid CorpusNamespace falls back to its default, the root namespace, as the other options do.
        var ns = Get(options, NamespaceProperty);
        if (ns is not null && !IsNamespace(ns))
        {
            diagnostics.Add(Invalid(NamespaceProperty, ns, NamespaceReason));
            ns = null;
        }

        if (ns is null && Get(options, RootNamespaceProperty) is { } rootNamespace)
        {
            if (IsNamespace(rootNamespace))
            {
                ns = rootNamespace;
            }
            else
            {
                diagnostics.Add(Invalid(RootNamespaceProperty, rootNamespace, NamespaceReason));
            }
        }

        var className = Get(options, ClassNameProperty) ?? MemberNames.DefaultClassName;
        if (!SyntaxFacts.IsValidIdentifier(className) || SyntaxFacts.GetKeywordKind(className) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(className) != SyntaxKind.None)
        {
            diagnostics.Add(Invalid(ClassNameProperty, className, "it must be a C# identifier that is not a keyword"));
            className = MemberNames.DefaultClassName;
        }
        else if (RuntimeSource.TypeNames.Contains(className, StringComparer.Ordinal))
        {
            diagnostics.Add(Invalid(ClassNameProperty, className, "the generated types " + string.Join(", ", RuntimeSource.TypeNames) + " already use that name"));
            className = MemberNames.DefaultClassName;
        }

        var visibility = Get(options, VisibilityProperty) ?? "internal";
        var isPublic = string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase);
        if (!isPublic && !string.Equals(visibility, "internal", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(Invalid(VisibilityProperty, visibility, "it must be 'internal' or 'public'"));
        }

        var maxSeedBytes = Get(options, MaxSeedBytesProperty);
        ParseMaxSeedBytes(maxSeedBytes, out var maxSeedBytesValid);
        if (!maxSeedBytesValid)
        {
            diagnostics.Add(Invalid(MaxSeedBytesProperty, maxSeedBytes!, "it must be a whole number of bytes greater than zero"));
        }

        var isShard = ParseSwitch(options, ShardProperty, diagnostics, whenUnset: false);
        var isRuntimeLibrary = ParseSwitch(options, RuntimeLibraryProperty, diagnostics, whenUnset: false);
        var searchIndex = ParseSwitch(options, SearchIndexProperty, diagnostics, whenUnset: true);
        return new EmitSettings(
            new EmitOptions(string.IsNullOrEmpty(ns) ? null : ns, className, isPublic || isShard, generatorVersion) { IsShard = isShard, IsRuntimeLibrary = isRuntimeLibrary, SearchIndex = searchIndex },
            diagnostics.ToEquatableArray(),
            (int)LanguageVersion.Latest);
    }

    /// <summary>The settings' own problems: the invalid options (CORPUS011) and a C# version older than 9 (CORPUS012).</summary>
    public static IEnumerable<DiagnosticInfo> Problems(EmitSettings settings)
    {
        foreach (var diagnostic in settings.Diagnostics)
        {
            yield return diagnostic;
        }

        if (!settings.SupportsLanguage)
        {
            yield return DiagnosticInfo.AtFile(DiagnosticIds.UnsupportedLanguageVersion, string.Empty, ((LanguageVersion)settings.LanguageVersion).ToDisplayString());
        }
    }

    private static long ParseMaxSeedBytes(string? value, out bool valid)
    {
        valid = true;
        if (value is null)
        {
            return ReadOptions.DefaultMaxSeedBytes;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            return parsed;
        }

        valid = false;
        return ReadOptions.DefaultMaxSeedBytes;
    }

    /// <summary>A true/false property; unset is <paramref name="whenUnset"/>, anything else is CORPUS011 and <paramref name="whenUnset"/>.</summary>
    private static bool ParseSwitch(AnalyzerConfigOptions options, string property, List<DiagnosticInfo> diagnostics, bool whenUnset)
    {
        var value = Get(options, property);
        if (value is null)
        {
            return whenUnset;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        diagnostics.Add(Invalid(property, value, "it must be 'true' or 'false'"));
        return whenUnset;
    }

    /// <summary>Whether the project publishes with NativeAOT (<c>PublishAot</c>, the SDK's property: true or false, case ignored).</summary>
    public static bool PublishAotFrom(AnalyzerConfigOptions options) =>
        string.Equals(Get(options, PublishAotProperty), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An MSBuild property value, trimmed; null when it is unset or empty.</summary>
    private static string? Get(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsNamespace(string value) =>
        value.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);

    private static DiagnosticInfo Invalid(string property, string value, string reason) =>
        DiagnosticInfo.AtFile(DiagnosticIds.InvalidOption, string.Empty, property, value, reason);
}
