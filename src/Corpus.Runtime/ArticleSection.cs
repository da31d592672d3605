/// <summary>A section of an article: an optional heading and the paragraphs under it.</summary>
sealed partial class ArticleSection
{
    internal ArticleSection(string? heading, string[] paragraphs)
    {
        Heading = heading;
        Paragraphs = global::System.Array.AsReadOnly(paragraphs);
    }

    /// <summary>The heading; null for text that comes before the first heading.</summary>
    public string? Heading { get; }

    /// <summary>The paragraphs, in order.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Paragraphs { get; }

    /// <summary>The heading, or the first paragraph when there is none.</summary>
    public override string ToString() => Heading ?? (Paragraphs.Count > 0 ? Paragraphs[0] : string.Empty);
}
