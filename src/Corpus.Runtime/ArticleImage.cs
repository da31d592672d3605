/// <summary>An image of an article.</summary>
sealed partial class ArticleImage
{
    private readonly string _url;
    private global::System.Uri? _uri;

    internal ArticleImage(string url, string? alt, string? caption)
    {
        _url = url;
        Alt = alt;
        Caption = caption;
    }

    /// <summary>The image's absolute address.</summary>
    public global::System.Uri Url => _uri ??= new global::System.Uri(_url, global::System.UriKind.Absolute);

    /// <summary>The alternative text; null when the image has none.</summary>
    public string? Alt { get; }

    /// <summary>The caption shown with the image (a figure caption, or the feed's caption line under it); null when none. It is also part of the text.</summary>
    public string? Caption { get; }

    /// <summary>The address.</summary>
    public override string ToString() => _url;
}
