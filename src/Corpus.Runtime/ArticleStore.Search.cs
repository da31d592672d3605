partial class ArticleStore
{
    /// <summary>This store's index segments; the scan when the corpus was compiled without an index.</summary>
    private protected override SearchSource[] LoadSearchSources()
    {
        var sources = new global::System.Collections.Generic.List<SearchSource>();
        return AddSegments(sources) ? sources.ToArray() : ScanSources();
    }

    private protected override SearchSource[] LoadScanSources() => new SearchSource[] { new SearchScan(Loaded) };

    /// <summary>This store's index segments, one per <see cref="SearchIndexFormat.ChunksPerSegment"/> chunks; false when one is missing.</summary>
    internal bool AddSegments(global::System.Collections.Generic.List<SearchSource> sources)
    {
        var data = new SearchIndexData(_constants, SearchIndexFormat.SegmentCount(ChunkCount));
        for (var segment = 0; segment < data.SegmentCount; segment++)
        {
            var firstSlot = _chunkStarts[segment * SearchIndexFormat.ChunksPerSegment];
            var endSlot = _chunkStarts[global::System.Math.Min(ChunkCount, (segment + 1) * SearchIndexFormat.ChunksPerSegment)];
            if (!data.Has(segment))
            {
                if (endSlot > firstSlot)
                {
                    return false;
                }

                continue;
            }

            sources.Add(new SearchSegment(data, segment, this, firstSlot));
        }

        return true;
    }
}
