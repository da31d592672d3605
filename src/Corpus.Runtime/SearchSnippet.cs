/// <summary>
/// A stretch of an article's <see cref="Article.Text"/> around the first match of a search, and the ranges of every
/// match inside it (to highlight). When the terms matched in the title only, the start of the text, with no range.
/// </summary>
sealed partial class SearchSnippet
{
    internal SearchSnippet(string text, int offset, global::System.Collections.Generic.IReadOnlyList<SearchMatch> matches)
    {
        Text = text;
        Offset = offset;
        Matches = matches;
    }

    /// <summary>The stretch of text, as it is in <see cref="Article.Text"/>.</summary>
    public string Text { get; }

    /// <summary>Where <see cref="Text"/> starts in <see cref="Article.Text"/>: 0 when it is the start of the text.</summary>
    public int Offset { get; }

    /// <summary>The matches inside <see cref="Text"/>, in order, as ranges of <see cref="Text"/>.</summary>
    public global::System.Collections.Generic.IReadOnlyList<SearchMatch> Matches { get; }

    /// <summary>The text.</summary>
    public override string ToString() => Text;
}
