/// <summary>One value of a facet (an outlet, a language, a year) and how many matching articles have it.</summary>
sealed partial class SearchFacet
{
    internal SearchFacet(string value, int count)
    {
        Value = value;
        Count = count;
    }

    /// <summary>The value: an outlet's name, a language tag, or a year such as <c>2024</c>.</summary>
    public string Value { get; }

    /// <summary>How many matching articles have it.</summary>
    public int Count { get; }

    /// <summary><c>Value (Count)</c>.</summary>
    public override string ToString() => Value + " (" + Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ")";
}
