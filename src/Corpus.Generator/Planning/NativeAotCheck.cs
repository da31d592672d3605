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

    /// <param name="records">The project's records, as its chunks hold them.</param>
    /// <param name="indexCharacters">The characters of the project's index segments' files (0: no index).</param>
    public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<ArticleRecord> records, long indexCharacters)
    {
        long dataCharacters = 0;
        foreach (var record in records)
        {
            dataCharacters += record.Header.Length + record.Body.Length + record.Text.Length + record.Html.Length;
        }

        var total = 2 * (dataCharacters + indexCharacters);
        if (total < WarnFrom)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var parts = "the articles " + Mebibytes(2 * dataCharacters) + " MiB"
            + (indexCharacters > 0 ? ", the search index " + Mebibytes(2 * indexCharacters) + " MiB" : string.Empty);
        var fix = "Publish it as ReadyToRun instead (PublishAot false, PublishReadyToRun true), or compile fewer seeds into the app"
            + (indexCharacters > 0 ? " (CorpusSearchIndex=false leaves the index out: its " + Mebibytes(2 * indexCharacters) + " MiB)" : string.Empty) + ".";
        return new[] { DiagnosticInfo.AtFile(DiagnosticIds.NativeAotMetadata, string.Empty, Mebibytes(total), parts, fix) }.ToEquatableArray();
    }

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture);
}
