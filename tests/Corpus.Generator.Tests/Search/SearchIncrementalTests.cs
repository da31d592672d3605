using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Search;

/// <summary>The index is built per seed and per segment: an edited seed is analysed again alone and rewrites its own segment only.</summary>
public sealed class SearchIncrementalTests
{
    [Fact]
    public void Editing_one_seed_analyses_it_alone_and_rebuilds_its_segment_alone()
    {
        // Just more seeds than one segment's chunks hold at their target size: twice the chunks, so two segments.
        var count = (SearchIndexFormat.ChunksPerSegment * Corpus.Generator.Planning.CorpusPlan.TargetRecordsPerChunk) + 100;
        var project = new CorpusProject();
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString("D4", CultureInfo.InvariantCulture);
            project.WithSeed("seeds/s" + n + ".txt", Seeds.Simple("Story " + n, "https://example.com/" + n, "Body number " + n + " of the corpus."));
        }

        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver().RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Count(s => s.HintName.StartsWith("Corpus.Search.", StringComparison.Ordinal)));

        var before = Documents(driver);
        Assert.Equal(count, before.Count);

        var old = project.Seeds.Single(s => s.Path.EndsWith("s0042.txt", StringComparison.Ordinal));
        var edited = new SeedFile(old.Path, Seeds.Simple("Story 0042", "https://example.com/0042", "Body number 0042, rewritten with new words."));
        driver = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation);

        // The segment written again from its previous write (SearchSegmentUpdate) is the one a fresh driver writes in full.
        var fresh = project.CreateDriver().ReplaceAdditionalText(old, edited).RunGenerators(compilation);
        Assert.Equal(SearchSources(fresh), SearchSources(driver));

        var articles = PipelineAssert.Reasons(driver, TrackingNames.SearchArticles);
        Assert.Equal(1, articles.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(count - 1, articles.Count(r => r == IncrementalStepRunReason.Cached));

        // Analysed again: the edited seed alone (every other document the very object of the first run).
        var after = Documents(driver);
        var again = after.Where(d => !before.Any(b => ReferenceEquals(b, d))).ToList();
        Assert.Equal("s0042", Assert.Single(again).Key.Id);

        var segments = PipelineAssert.Reasons(driver, TrackingNames.SearchSegments);
        Assert.Equal(2, segments.Count);
        Assert.Equal(1, segments.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, segments.Count(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
    }

    /// <summary>The text of every search segment the driver's last run generated, by hint name.</summary>
    private static List<(string HintName, string Text)> SearchSources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources
            .Where(s => s.HintName.StartsWith("Corpus.Search.", StringComparison.Ordinal))
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every document of every segment of the driver's last run.</summary>
    private static List<SearchDocument> Documents(GeneratorDriver driver) =>
        PipelineAssert.Steps(driver)[TrackingNames.SearchSegments]
            .SelectMany(step => step.Outputs)
            .SelectMany(output => ((SearchSegmentSpec)output.Value).Documents)
            .ToList();
}
