/// <summary>A news article, read from its seed file when the project was compiled.</summary>
/// <remarks>All text is whitespace-normalised: runs of whitespace (including NBSP and U+3000) are one space, zero-width and control characters are removed.</remarks>
[global::System.Diagnostics.DebuggerDisplay("{Id,nq}: {Title}")]
sealed partial class Article
{
    // The chunk that holds this article's data, and its slot there: the article finds each value through the chunk's
    // slot table and cuts it out on first use.
    private readonly ArticleStore.Chunk _chunk;
    private readonly int _slot;
    private string? _id;
    private string? _seedPath;
    private string? _title;
    private string? _rawTitle;
    private string? _url;
    private string? _outlet;
    private string? _language;

    // A nullable value once read: the string, or NullValue for null.
    private object? _column;
    private object? _author;
    private object? _credit;
    private static readonly object NullValue = new object();
    private global::System.Uri? _uri;
    private ArticleBody? _body;
    private string? _html;

    internal Article(ArticleStore.Chunk chunk, int slot)
    {
        _chunk = chunk;
        _slot = slot;
    }

    /// <summary>The seed's file name without its extension, for example <c>000_153ef59660deb970</c>. Unique in the corpus.</summary>
    public string Id => _id ??= Field(ArticleStore.HeaderFields.Id).ReadString();

    /// <summary>The seed file, relative to the project directory, with <c>/</c> separators.</summary>
    public string SeedPath => _seedPath ??= Field(ArticleStore.HeaderFields.SeedPath).ReadString();

    /// <summary>The headline, without the outlet or column suffix of <see cref="RawTitle"/>.</summary>
    public string Title => _title ??= Field(ArticleStore.HeaderFields.Title).ReadString();

    /// <summary>The title as the feed gave it (entities decoded, whitespace normalised), suffixes included.</summary>
    public string RawTitle => _rawTitle ??= Field(ArticleStore.HeaderFields.RawTitle).ReadString();

    /// <summary>The column named by the title's suffix (for example <c>要闻解说</c>); null when the title names none.</summary>
    public string? Column => Nullable(ref _column, ArticleStore.HeaderFields.Column);

    /// <summary>The article's address; <see cref="global::System.Uri.OriginalString"/> is exactly as written in the seed.</summary>
    public global::System.Uri Url => _uri ??= new global::System.Uri(UrlText, global::System.UriKind.Absolute);

    // The address as written: FindByUrl indexes every article by it without making a Uri of each.
    internal string UrlText => _url ??= Field(ArticleStore.HeaderFields.Url).ReadString();

    /// <summary>The outlet, from the URL's host: RFI, BBC, DW, VOA, Reuters, FT, NYT, RFA, China Digital Times; otherwise the host name.</summary>
    public string Outlet => _outlet ??= Field(ArticleStore.HeaderFields.Outlet).ReadString();

    /// <summary>
    /// The language of the title and text as a BCP 47 tag, decided from the characters: <c>zh-Hans</c> (simplified Chinese),
    /// <c>zh-Hant</c> (traditional), <c>zh</c> (Chinese, script undecided), <c>en</c>, <c>ja</c>, <c>ko</c>, or <c>und</c>.
    /// </summary>
    public string Language => _language ??= Field(ArticleStore.HeaderFields.Language).ReadString();

    /// <summary>The author named by the article (DW and NYT bylines), else by the seed's front matter; null when none.</summary>
    public string? Author => Nullable(ref _author, ArticleStore.HeaderFields.Author);

    /// <summary>An agency credit such as <c>© 2020 AFP</c>, kept out of the text; null when none.</summary>
    public string? Credit => Nullable(ref _credit, ArticleStore.HeaderFields.Credit);

    /// <summary>When the feed published the item (the seed's header, in UTC); null when the header is absent or NaN.</summary>
    public global::System.DateTimeOffset? FeedPublishedAt => Field(ArticleStore.HeaderFields.FeedPublishedAt).ReadNullableNumber() is long ms
        ? global::System.DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : null;

    /// <summary>
    /// When the article says it was published, with the offset of the outlet's local time (RFI: Paris time); null when
    /// the article has no date. A date without a time of day is midnight of that day; see <see cref="PublishedAtPrecision"/>.
    /// </summary>
    public global::System.DateTimeOffset? PublishedAt => Field(ArticleStore.HeaderFields.PublishedAt).ReadPublishedAt();

    /// <summary>Whether <see cref="PublishedAt"/> was given to the day, the minute or the second; null when there is no date.</summary>
    public ArticleDatePrecision? PublishedAtPrecision => (ArticleDatePrecision?)Field(ArticleStore.HeaderFields.PublishedAtPrecision).ReadNullableNumber();

    /// <summary>
    /// The lead paragraph as the outlet marks it (RFI: the bold first paragraph; FT: the story lead); null when the outlet
    /// marks none. The first paragraph is not promoted in its place: for several outlets it is a photo caption, a dateline
    /// or a subscription notice. <see cref="Paragraphs"/> never repeats the lead.
    /// </summary>
    public string? Lead => Body.Lead;

    /// <summary>The article's sections in order; the first has a null heading when text comes before any heading.</summary>
    public global::System.Collections.Generic.IReadOnlyList<ArticleSection> Sections => Body.Sections;

    /// <summary>Every paragraph of the body in order, without the lead and the headings.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Paragraphs => Body.Paragraphs;

    /// <summary>The plain text: lead, headings and paragraphs, with a blank line between blocks.</summary>
    public string Text => _chunk.Text(_slot);

    /// <summary>How often <paramref name="run"/> starts in <see cref="Text"/>, read where it lies: no text made or kept (a search's check reads many once).</summary>
    internal int CountInText(string run, ref ArticleStore.TextGroup group) => _chunk.CountInText(_slot, run, ref group);

    /// <summary><see cref="Text"/> read once, kept by nothing (a search checking a clause reads many articles' texts).</summary>
    internal string TextOnce(ref ArticleStore.TextGroup group) => _chunk.TextOnce(_slot, ref group);

    /// <summary>The body HTML, cleaned: no date element, scraper artifacts, boilerplate, scripts, styles or event handlers.</summary>
    public string Html => _html ??= _chunk.Html(_slot, Text);

    /// <summary>The article's images in order.</summary>
    public global::System.Collections.Generic.IReadOnlyList<ArticleImage> Images => Body.Images;

    /// <summary>The embedded frames, videos and audio in order (YouTube players, DW videos, VOA programmes).</summary>
    public global::System.Collections.Generic.IReadOnlyList<ArticleMedia> Media => Body.Media;

    /// <summary>The tags of the seed's front matter, in order without repeats; empty when it has none.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Tags => Body.Tags;

    /// <summary>The categories of the seed's front matter, in order without repeats; empty when it has none.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Categories => Body.Categories;

    /// <summary>The number of characters of <see cref="Text"/> that are not whitespace.</summary>
    public int CharacterCount => (int)Field(ArticleStore.HeaderFields.CharacterCount).ReadNumber();

    /// <summary>An estimate: CJK text at about 400 characters a minute, other scripts at about 230 words a minute.</summary>
    public global::System.TimeSpan ReadingTime => new global::System.TimeSpan(Field(ArticleStore.HeaderFields.ReadingTime).ReadNumber());

    /// <summary>The title.</summary>
    public override string ToString() => Title;

    private ArticleBody Body => _body ??= _chunk.Body(_slot);

    /// <summary>A reader at the header's value <paramref name="index"/> (<see cref="ArticleStore.HeaderFields"/>).</summary>
    private ArticleStore.RecordReader Field(int index)
    {
        var reader = _chunk.Header(_slot);
        reader.Skip(index);
        return reader;
    }

    private string? Nullable(ref object? cache, int index)
    {
        var value = cache;
        if (value is null)
        {
            value = Field(index).ReadNullableString() ?? NullValue;
            cache = value;
        }

        return value == NullValue ? null : (string)value;
    }
}
