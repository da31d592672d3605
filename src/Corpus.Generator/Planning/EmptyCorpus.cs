using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Model;

namespace Corpus.Generator.Planning;

/// <summary>
/// CORPUS019: a project that ends with no article says so, where it looked and how to fix it, instead of compiling an
/// empty corpus in silence (issue 21: every seed named through <c>..</c> was dropped and the build was green). An app
/// whose shards bring articles has a corpus, and Corpus.Runtime itself has none to have.
/// </summary>
internal static class EmptyCorpus
{
    /// <param name="seedOutcomes">One value per seed the generator was given: whether it became an article.</param>
    public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<bool> seedOutcomes, SeedsFolder folder, EmitOptions options)
    {
        if (options.IsRuntimeLibrary || seedOutcomes.Contains(true) || options.Shards.Any(shard => shard.Count > 0))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var what = seedOutcomes.Length == 0
            ? "no seed was found"
            : seedOutcomes.Length == 1 ? "its one seed could not be read" : "none of its " + Count(seedOutcomes.Length) + " seeds could be read";
        return new[] { DiagnosticInfo.AtFile(DiagnosticIds.EmptyCorpus, string.Empty, what, Where(folder), Fix(seedOutcomes.Length, folder)) }.ToEquatableArray();
    }

    private static string Where(SeedsFolder folder)
    {
        if (folder.Directory is null)
        {
            return "CorpusSeedsDirectory is empty, so no folder is searched";
        }

        var place = "CorpusSeedsDirectory is '" + folder.Directory + "', the folder " + (folder.FullPath ?? folder.Directory);
        var held = folder.TextFiles switch
        {
            null => ", whose .txt files the shard collects when it builds",
            < 0 => ", which does not exist",
            1 => ", which holds 1 .txt file",
            var files => ", which holds " + Count(files.Value) + " .txt files",
        };
        return place + held + (folder.ByDefault ? string.Empty : " (not read: EnableDefaultCorpusSeeds is false)");
    }

    private static string Fix(int seeds, SeedsFolder folder)
    {
        if (seeds > 0)
        {
            return "Fix the errors reported for the seeds";
        }

        const string AddItems = "list seeds elsewhere as <AdditionalFiles Include=\"path/to/*.txt\" CorpusSeed=\"true\" />";
        if (folder.Directory is null)
        {
            return "Set CorpusSeedsDirectory to the folder that holds the seeds (relative to the project), or " + AddItems;
        }

        if (!folder.ByDefault)
        {
            return "Set EnableDefaultCorpusSeeds to true to read that folder, or " + AddItems;
        }

        if (folder.TextFiles > 0)
        {
            return "Its files are left out by items (CorpusSeed=\"false\" or Remove): take those items away, or " + AddItems;
        }

        return "Put seed files (*.txt) in that folder, set CorpusSeedsDirectory to the folder that holds them (relative to the project), or " + AddItems;
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
