/// <summary>An embedded frame, video or audio of an article.</summary>
sealed partial class ArticleMedia
{
    private readonly string _url;
    private global::System.Uri? _uri;

    internal ArticleMedia(ArticleMediaKind kind, string url)
    {
        Kind = kind;
        _url = url;
    }

    /// <summary>Which element embeds it.</summary>
    public ArticleMediaKind Kind { get; }

    /// <summary>The absolute address of the frame's page or the media file (a player's first source when it names several).</summary>
    public global::System.Uri Url => _uri ??= new global::System.Uri(_url, global::System.UriKind.Absolute);

    /// <summary>The kind and address.</summary>
    public override string ToString() => Kind.ToString() + " " + _url;
}
