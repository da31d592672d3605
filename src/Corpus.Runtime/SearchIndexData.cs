/// <summary>
/// Where the search index's bytes are stored, and the one type that reads them: today each segment is a nested class
/// of the data class (<c>Search0000</c>, …) whose <c>const string</c> fields hold packed bytes
/// (<see cref="SearchIndexFormat.Pack"/>), read with <c>GetRawConstantValue</c> when a query first needs them. Another
/// storage (RVA data, for instance) changes this type alone.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class SearchIndexData
{
    private readonly global::System.Type?[] _segments;

    public SearchIndexData(
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
        global::System.Type dataClass,
        int segmentCount)
    {
        _segments = new global::System.Type?[segmentCount];
        foreach (var type in dataClass.GetNestedTypes(global::System.Reflection.BindingFlags.NonPublic))
        {
            var name = type.Name;
            if (name.Length == SearchIndexFormat.SegmentPrefix.Length + 4
                && name.StartsWith(SearchIndexFormat.SegmentPrefix, global::System.StringComparison.Ordinal)
                && int.TryParse(name.Substring(SearchIndexFormat.SegmentPrefix.Length), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var segment)
                && segment < segmentCount)
            {
                _segments[segment] = type;
            }
        }
    }

    public int SegmentCount => _segments.Length;

    /// <summary>Whether the segment's class is there (a design-time compilation has none; an empty segment has none).</summary>
    public bool Has(int segment) => segment >= 0 && segment < _segments.Length && _segments[segment] is not null;

    /// <summary>The bytes of one part of a segment (<c>D</c>, <c>B0</c>, …); empty when it is absent.</summary>
#if NET5_0_OR_GREATER
    [global::System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2065", Justification = "The segment classes are non-public nested types of the data class, which ArticleStore annotates with DynamicallyAccessedMembers(NonPublicNestedTypes): the trimmer keeps them with all their members.")]
#endif
    public byte[] Read(int segment, string part)
    {
        var type = segment >= 0 && segment < _segments.Length ? _segments[segment] : null;
        var field = type?.GetField(part, global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Static);
        return field?.GetRawConstantValue() is string packed ? SearchIndexFormat.Unpack(packed) : new byte[0];
    }
}
