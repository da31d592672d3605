/// <summary>
/// Where the search index's bytes are stored, and the one type that reads them: each segment is a nested class of the
/// data class (<c>Search0000</c>, …) whose <c>const string</c> fields hold packed bytes
/// (<see cref="SearchIndexFormat.Pack"/>), found and read by <see cref="CompiledConstants"/> (the store's reader of its
/// chunks too) when a query first needs them.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class SearchIndexData
{
    private readonly CompiledConstants.Constant[]?[] _segments;

    public SearchIndexData(CompiledConstants constants, int segmentCount)
    {
        _segments = new CompiledConstants.Constant[]?[segmentCount];
        for (var segment = 0; segment < segmentCount; segment++)
        {
            _segments[segment] = constants.Of(SearchIndexFormat.SegmentPrefix + segment.ToString("D4", global::System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public int SegmentCount => _segments.Length;

    /// <summary>Whether the segment's class is there (a design-time compilation has none; an empty segment has none).</summary>
    public bool Has(int segment) => segment >= 0 && segment < _segments.Length && _segments[segment] is not null;

    /// <summary>The bytes of one part of a segment (<c>D</c>, <c>B0</c>, …); empty when it is absent.</summary>
    public byte[] Read(int segment, string part)
    {
        var constants = segment >= 0 && segment < _segments.Length ? _segments[segment] : null;
        foreach (var constant in constants ?? new CompiledConstants.Constant[0])
        {
            if (constant.Name == part)
            {
                return SearchIndexFormat.Unpack(constant.Read().ToString());
            }
        }

        return new byte[0];
    }
}
