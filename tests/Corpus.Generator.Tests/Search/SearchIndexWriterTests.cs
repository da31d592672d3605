using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Corpus.Generator.Model;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.RealCorpus;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// The segment writer collects and codes its terms in partitions by their first character, on as many threads: the
/// bytes must not depend on how many (a build on a 1-core machine and one on 16 cores emit the same assembly).
/// </summary>
public sealed class SearchIndexWriterTests
{
    [Fact]
    public void Hostile_texts_give_the_same_segment_on_any_number_of_partitions()
    {
        var seed = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        var documents = new List<SearchDocument>();
        // Three times over: data for several blocks.
        for (var copy = 0; copy < 3; copy++)
        {
            foreach (var title in SearchDocumentTests.Texts)
            {
                foreach (var text in SearchDocumentTests.Texts)
                {
                    documents.Add(SearchDocument.Of(seed with { Title = title, Text = text, Tags = new[] { "中国", "tag " + documents.Count }.ToEquatableArray() }));
                }
            }
        }

        AssertSameOnAnyPartitions(documents);
    }

    [SharedCorpusFact]
    public void The_real_seeds_give_the_same_segment_on_any_number_of_partitions()
    {
        var documents = Directory.GetFiles(Path.Combine(Repository.SharedCorpus!, "real"), "*.txt")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => SearchDocument.Of(SharedCorpus.Read(f).Article!))
            .ToList();
        Assert.Equal(934, documents.Count);

        // The real seeds have characters frequent enough for a full list (format 5), so the partitions make those too.
        var sizes = new SearchIndexSizes();
        SearchIndexWriter.Write(documents, sizes);
        Assert.True(sizes.Counts.TryGetValue("full lists: cjk1", out var full) && full > 0, "a full character list among the real seeds");
        AssertSameOnAnyPartitions(documents);
    }

    [Fact]
    public void A_cancelled_write_stops_on_every_partition()
    {
        var seed = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        var documents = Enumerable.Range(0, 300).Select(i => SearchDocument.Of(seed with { Title = "t" + i })).ToList();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SearchIndexWriter.Write(documents, 1, null, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => SearchIndexWriter.Write(documents, 2, null, cancelled.Token));
    }

    private static void AssertSameOnAnyPartitions(List<SearchDocument> documents)
    {
        var (directory, blocks) = SearchIndexWriter.Write(documents, 1, null, CancellationToken.None);
        Assert.True(blocks.Count > 1, "more than one block, so that blocks mix the partitions' terms");
        foreach (var partitions in new[] { 2, 3, SearchIndexWriter.MaxPartitions, 7 })
        {
            var (otherDirectory, otherBlocks) = SearchIndexWriter.Write(documents, partitions, null, CancellationToken.None);
            Assert.Equal(directory, otherDirectory);
            Assert.Equal(blocks.Count, otherBlocks.Count);
            for (var i = 0; i < blocks.Count; i++)
            {
                Assert.Equal(blocks[i], otherBlocks[i]);
            }
        }
    }
}
