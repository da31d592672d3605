using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Corpus.Generator.Model;
using Corpus.Generator.Planning;

namespace Corpus.Generator.Search;

/// <summary>
/// One index segment per <see cref="SearchIndexFormat.ChunksPerSegment"/> data chunks, like Lucene's segments: a seed
/// edit rebuilds the segment of its chunk and no other. Seeds are accepted and renamed as the data chunks are
/// (<see cref="CorpusPlan.Accept"/>), so a segment's documents are exactly its chunks' articles, in slot order.
/// </summary>
internal static class SearchPlan
{
    private static readonly SeedLocation NoLocation = new(string.Empty, 0, 0, default);

    public static IEnumerable<SearchSegmentSpec> Segments(ImmutableArray<SearchDocument> documents, EmitSettings settings)
    {
        if (!settings.SupportsLanguage || !settings.Options.SearchIndex)
        {
            yield break;
        }

        var options = settings.Options;
        var accepted = CorpusPlan.Accept(documents.Select(d => Renamed(d, options.ClassName)), d => d.Key, _ => NoLocation, new List<DiagnosticInfo>());
        var chunkCount = CorpusPlan.ChunkCountFor(accepted.Length);
        var bySegment = accepted
            .Select(d => (Document: d, Chunk: CorpusPlan.ChunkOf(d.Key.Id, chunkCount)))
            .ToLookup(d => d.Chunk / SearchIndexFormat.ChunksPerSegment);

        // One spec per segment, empty ones included: the step's outputs are compared by position.
        for (var segment = 0; segment < SearchIndexFormat.SegmentCount(chunkCount); segment++)
        {
            var ordered = bySegment[segment]
                .OrderBy(d => d.Chunk)
                .ThenBy(d => d.Document.Key.Id, StringComparer.Ordinal)
                .Select(d => d.Document)
                .ToEquatableArray();
            yield return new SearchSegmentSpec(options.Namespace, options.DataClassName, options.DataVisibility, segment, ordered);
        }
    }

    // The document itself when its key stays (the default class name): the cached instance, so that comparing a
    // segment with the previous run's finds its unchanged documents equal by reference, not term by term.
    private static SearchDocument Renamed(SearchDocument document, string className)
    {
        var key = CorpusPlan.Renamed(document.Key, className);
        return ReferenceEquals(key, document.Key) ? document : document with { Key = key };
    }
}

/// <summary>One index segment to emit: its documents in slot order.</summary>
internal sealed record SearchSegmentSpec(string? Namespace, string DataClassName, string DataVisibility, int Segment, EquatableArray<SearchDocument> Documents);
