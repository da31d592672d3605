using System;
using System.Collections.Immutable;
using System.Globalization;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// CORPUS020: an app published with <c>PublishAot</c> whose corpus NativeAOT cannot hold is told so when it builds,
/// not after minutes of ILC ending in "Metadata blob exceeded the addressing range". The generated code reads its
/// constants by reflection, so NativeAOT keeps them in its reflection metadata, whose format addresses at most 32 MiB
/// (.NET 10); ILC measured them at about their size in the assembly's blob heap (UTF-16: two bytes a character), 919 MB
/// for ten shards of 90 MB. The check sums the project's own constants (the chunks' records, the index's segments). A
/// referenced shard's are not counted: the compiler sees its reference assembly, which holds none of its data.
/// </summary>
internal static class NativeAotCheck
{
    /// <summary>What NativeAOT's metadata addresses (<c>allowed: 33554431</c> in ILC's message).</summary>
    public const long MetadataLimit = (32L * 1024 * 1024) - 1;

    /// <summary>
    /// Warned from here: the limit less what an app's other reflection metadata takes (its own types, the framework's
    /// kept members), so that a corpus that fits alone but not beside them is warned too.
    /// </summary>
    public const long WarnFrom = 30L * 1024 * 1024;

    /// <summary>
    /// What a shard writes of its size: in 64 KiB steps, so that a text edit seldom changes it (a change is a new
    /// reference assembly, and every app over the shard compiles again).
    /// </summary>
    public const int ShardStepKibibytes = 64;

    /// <param name="records">The project's records, as its chunks hold them.</param>
    /// <param name="indexCharacters">The characters of the project's index segments' files (0: no index).</param>
    /// <param name="shardsKibibytes">What the app's shards wrote of theirs (<see cref="ShardKibibytes"/>), summed.</param>
    public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<ArticleRecord> records, long indexCharacters, long shardsKibibytes = 0)
    {
        var data = 2 * DataCharacters(records);
        var index = 2 * indexCharacters;
        var shards = 1024 * shardsKibibytes;
        var total = data + index + shards;
        if (total < WarnFrom)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var own = shards > 0 ? "the app's " : "the ";
        var parts = own + "articles " + Mebibytes(data) + " MiB"
            + (index > 0 ? ", " + own + "search index " + Mebibytes(index) + " MiB" : string.Empty)
            + (shards > 0 ? ", the shards " + Mebibytes(shards) + " MiB" : string.Empty);
        var withoutIndex = shards > 0
            ? " (CorpusSearchIndex=false leaves a project's index out" + (index > 0 ? ": the app's " + Mebibytes(index) + " MiB)" : ")")
            : index > 0 ? " (CorpusSearchIndex=false leaves the index out: its " + Mebibytes(index) + " MiB)" : string.Empty;
        var fix = "Publish it as ReadyToRun instead (PublishAot false, PublishReadyToRun true), or compile fewer seeds into the app"
            + (shards > 0 ? " and its shards" : string.Empty) + withoutIndex + ".";
        return new[] { DiagnosticInfo.AtFile(DiagnosticIds.NativeAotMetadata, string.Empty, Mebibytes(total), parts, fix) }.ToEquatableArray();
    }

    /// <summary>
    /// A shard's constants (records and index segments, as UTF-16), in KiB rounded to the nearest
    /// <see cref="ShardStepKibibytes"/>: what its full build writes for the apps over it to add up.
    /// </summary>
    public static int ShardKibibytes(ImmutableArray<ArticleRecord> records, long indexCharacters)
    {
        var kibibytes = 2 * (DataCharacters(records) + indexCharacters) / 1024.0;
        return (int)Math.Min(int.MaxValue, Math.Round(kibibytes / ShardStepKibibytes, MidpointRounding.AwayFromZero) * ShardStepKibibytes);
    }

    private static long DataCharacters(ImmutableArray<ArticleRecord> records)
    {
        long characters = 0;
        foreach (var record in records)
        {
            characters += record.Header.Length + record.Body.Length + record.Text.Length + record.Html.Length;
        }

        return characters;
    }

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture);
}
