/// <summary>Where a term of the query matched in a <see cref="SearchSnippet"/>: <c>snippet.Text.Substring(Start, Length)</c>.</summary>
sealed partial class SearchMatch
{
    internal SearchMatch(int start, int length)
    {
        Start = start;
        Length = length;
    }

    /// <summary>The index of the match's first character in <see cref="SearchSnippet.Text"/>.</summary>
    public int Start { get; }

    /// <summary>The match's length in characters.</summary>
    public int Length { get; }
}
