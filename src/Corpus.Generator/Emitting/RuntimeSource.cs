namespace Corpus.Generator.Emitting;

/// <summary>
/// The types every corpus gets (<c>Article</c>, <c>ArticleSection</c>, <c>ArticleImage</c>, <c>ArticleMedia</c> and two enums) and the
/// reader of the data written by <see cref="RecordEncoder"/>. Kept as one template so the reader sits next to the format it reads.
/// Placeholders: <c>$visibility$</c>, <c>$data$</c> (the data class), <c>$generatedCode$</c> (the attribute),
/// <c>$urlKey$</c> (the URL normalisation, copied from <see cref="Model.UrlNormalization"/> so both sides agree).
/// </summary>
internal static class RuntimeSource
{
    /// <summary>The types <see cref="Types"/> declares: the generated class may not take one of their names.</summary>
    public static readonly string[] TypeNames =
        ["Article", "ArticleSection", "ArticleImage", "ArticleMedia", "ArticleMediaKind", "ArticleDatePrecision"];

    public const string Types = """
/// <summary>A news article, read from its seed file when the project was compiled.</summary>
/// <remarks>All text is whitespace-normalised: runs of whitespace (including NBSP and U+3000) are one space, zero-width and control characters are removed.</remarks>
$generatedCode$
[global::System.Diagnostics.DebuggerDisplay("{Id,nq}: {Title}")]
$visibility$ sealed class Article
{
    private readonly int _chunk;
    private readonly int _slot;
    private readonly int _htmlOffset;
    private readonly int _htmlLength;
    private readonly string _url;
    private global::System.Uri? _uri;
    private ArticleBody? _body;
    private string? _html;

    internal Article(
        string id, string seedPath, string title, string rawTitle, string? column, string url, string outlet, string language,
        string? author, string? credit, global::System.DateTimeOffset? feedPublishedAt, global::System.DateTimeOffset? publishedAt,
        ArticleDatePrecision? publishedAtPrecision, int characterCount, global::System.TimeSpan readingTime, int chunk, int slot, int htmlOffset, int htmlLength)
    {
        Id = id;
        SeedPath = seedPath;
        Title = title;
        RawTitle = rawTitle;
        Column = column;
        _url = url;
        Outlet = outlet;
        Language = language;
        Author = author;
        Credit = credit;
        FeedPublishedAt = feedPublishedAt;
        PublishedAt = publishedAt;
        PublishedAtPrecision = publishedAtPrecision;
        CharacterCount = characterCount;
        ReadingTime = readingTime;
        _chunk = chunk;
        _slot = slot;
        _htmlOffset = htmlOffset;
        _htmlLength = htmlLength;
    }

    /// <summary>The seed's file name without its extension, for example <c>000_153ef59660deb970</c>. Unique in the corpus.</summary>
    public string Id { get; }

    /// <summary>The seed file, relative to the project directory, with <c>/</c> separators.</summary>
    public string SeedPath { get; }

    /// <summary>The headline, without the outlet or column suffix of <see cref="RawTitle"/>.</summary>
    public string Title { get; }

    /// <summary>The title as the feed gave it (entities decoded, whitespace normalised), suffixes included.</summary>
    public string RawTitle { get; }

    /// <summary>The column named by the title's suffix (for example <c>要闻解说</c>); null when the title names none.</summary>
    public string? Column { get; }

    /// <summary>The article's address; <see cref="global::System.Uri.OriginalString"/> is exactly as written in the seed.</summary>
    public global::System.Uri Url => _uri ??= new global::System.Uri(_url, global::System.UriKind.Absolute);

    // The address as written: FindByUrl indexes every article by it without making a Uri of each.
    internal string UrlText => _url;

    /// <summary>The outlet, from the URL's host: RFI, BBC, DW, VOA, Reuters, FT, NYT, RFA, China Digital Times; otherwise the host name.</summary>
    public string Outlet { get; }

    /// <summary>
    /// The language of the title and text as a BCP 47 tag, decided from the characters: <c>zh-Hans</c> (simplified Chinese),
    /// <c>zh-Hant</c> (traditional), <c>zh</c> (Chinese, script undecided), <c>en</c>, <c>ja</c>, <c>ko</c>, or <c>und</c>.
    /// </summary>
    public string Language { get; }

    /// <summary>The author named by the article (DW and NYT bylines), else by the seed's front matter; null when none.</summary>
    public string? Author { get; }

    /// <summary>An agency credit such as <c>© 2020 AFP</c>, kept out of the text; null when none.</summary>
    public string? Credit { get; }

    /// <summary>When the feed published the item (the seed's header, in UTC); null when the header is absent or NaN.</summary>
    public global::System.DateTimeOffset? FeedPublishedAt { get; }

    /// <summary>
    /// When the article says it was published, with the offset of the outlet's local time (RFI: Paris time); null when
    /// the article has no date. A date without a time of day is midnight of that day; see <see cref="PublishedAtPrecision"/>.
    /// </summary>
    public global::System.DateTimeOffset? PublishedAt { get; }

    /// <summary>Whether <see cref="PublishedAt"/> was given to the day, the minute or the second; null when there is no date.</summary>
    public ArticleDatePrecision? PublishedAtPrecision { get; }

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
    public string Text => Body.Text;

    /// <summary>The body HTML, cleaned: no date element, scraper artifacts, boilerplate, scripts, styles or event handlers.</summary>
    public string Html => _html ??= $data$.ReadHtml(_chunk, _htmlOffset, _htmlLength);

    /// <summary>The article's images in order.</summary>
    public global::System.Collections.Generic.IReadOnlyList<ArticleImage> Images => Body.Images;

    /// <summary>The embedded frames, videos and audio in order (YouTube players, DW videos, VOA programmes).</summary>
    public global::System.Collections.Generic.IReadOnlyList<ArticleMedia> Media => Body.Media;

    /// <summary>The tags of the seed's front matter, in order without repeats; empty when it has none.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Tags => Body.Tags;

    /// <summary>The categories of the seed's front matter, in order without repeats; empty when it has none.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> Categories => Body.Categories;

    /// <summary>The number of characters of <see cref="Text"/> that are not whitespace.</summary>
    public int CharacterCount { get; }

    /// <summary>An estimate: CJK text at about 400 characters a minute, other scripts at about 230 words a minute.</summary>
    public global::System.TimeSpan ReadingTime { get; }

    /// <summary>The title.</summary>
    public override string ToString() => Title;

    private ArticleBody Body => _body ??= $data$.ReadBody(_chunk, _slot);

    internal sealed class ArticleBody
    {
        private readonly int[] _layout;
        private global::System.Collections.Generic.IReadOnlyList<ArticleSection>? _sections;
        private global::System.Collections.Generic.IReadOnlyList<string>? _paragraphs;

        // The text and the lead are cut at once; the sections and paragraphs are cut out of the text on first use.
        internal ArticleBody(
            string text, string? lead, int[] layout, ArticleImage[] images, ArticleMedia[] media, string[] tags, string[] categories)
        {
            Text = text;
            Lead = lead;
            _layout = layout;
            Images = global::System.Array.AsReadOnly(images);
            Media = global::System.Array.AsReadOnly(media);
            Tags = global::System.Array.AsReadOnly(tags);
            Categories = global::System.Array.AsReadOnly(categories);
        }

        public string? Lead { get; }
        public global::System.Collections.Generic.IReadOnlyList<ArticleSection> Sections => _sections ?? LoadSections().Sections;
        public global::System.Collections.Generic.IReadOnlyList<string> Paragraphs => _paragraphs ?? LoadSections().Paragraphs;
        public string Text { get; }
        public global::System.Collections.Generic.IReadOnlyList<ArticleImage> Images { get; }
        public global::System.Collections.Generic.IReadOnlyList<ArticleMedia> Media { get; }
        public global::System.Collections.Generic.IReadOnlyList<string> Tags { get; }
        public global::System.Collections.Generic.IReadOnlyList<string> Categories { get; }

        private (global::System.Collections.Generic.IReadOnlyList<ArticleSection> Sections, global::System.Collections.Generic.IReadOnlyList<string> Paragraphs) LoadSections()
        {
            var paragraphs = new global::System.Collections.Generic.List<string>();
            var sections = $data$.ReadSections(_layout, Text, paragraphs);
            _paragraphs = paragraphs.AsReadOnly();
            _sections = global::System.Array.AsReadOnly(sections);
            return (_sections, _paragraphs);
        }
    }
}

/// <summary>A section of an article: an optional heading and the paragraphs under it.</summary>
$generatedCode$
$visibility$ sealed class ArticleSection
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

/// <summary>An image of an article.</summary>
$generatedCode$
$visibility$ sealed class ArticleImage
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

/// <summary>An embedded frame, video or audio of an article.</summary>
$generatedCode$
$visibility$ sealed class ArticleMedia
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

/// <summary>The element an <see cref="ArticleMedia"/> comes from.</summary>
$generatedCode$
$visibility$ enum ArticleMediaKind
{
    /// <summary>An <c>iframe</c>: an embedded page, such as a YouTube player.</summary>
    Iframe = 0,

    /// <summary>A <c>video</c> element.</summary>
    Video = 1,

    /// <summary>An <c>audio</c> element.</summary>
    Audio = 2,
}

/// <summary>How precise an article's <c>PublishedAt</c> is.</summary>
$generatedCode$
$visibility$ enum ArticleDatePrecision
{
    /// <summary>Only the day is known; the value is midnight of that day.</summary>
    Day = 0,

    /// <summary>Hours and minutes are known.</summary>
    Minute = 1,

    /// <summary>Hours, minutes and seconds are known.</summary>
    Second = 2,
}
""";

    /// <summary>The reader of the data; members of the data class. Placeholders: <c>$data$</c>, <c>$urlKey$</c>.</summary>
    public const string Reader = """
private static Article[]? s_articles;
private static global::System.Collections.Generic.IReadOnlyList<Article>? s_all;
private static global::System.Collections.Generic.Dictionary<string, Article>? s_byId;
private static global::System.Collections.Generic.Dictionary<string, Article>? s_byUrl;

internal static Article[] Loaded => global::System.Threading.Volatile.Read(ref s_articles) ?? LoadArticles();

internal static global::System.Collections.Generic.IReadOnlyList<Article> All => s_all ??= global::System.Array.AsReadOnly(Loaded);

internal static Article? FindById(string id)
{
    if (id is null)
    {
        throw new global::System.ArgumentNullException(nameof(id));
    }

    var byId = s_byId;
    if (byId is null)
    {
        byId = new global::System.Collections.Generic.Dictionary<string, Article>(Count, global::System.StringComparer.Ordinal);
        foreach (var article in Loaded)
        {
            byId[article.Id] = article;
        }

        s_byId = byId;
    }

    return byId.TryGetValue(id, out var found) ? found : null;
}

internal static Article? FindByUrl(string url)
{
    if (url is null)
    {
        throw new global::System.ArgumentNullException(nameof(url));
    }

    var byUrl = s_byUrl;
    if (byUrl is null)
    {
        byUrl = new global::System.Collections.Generic.Dictionary<string, Article>(Count * 2, global::System.StringComparer.Ordinal);
        // Exact addresses first, then normalised keys; the newest article wins a shared key (All is newest first).
        foreach (var article in Loaded)
        {
            if (!byUrl.ContainsKey(article.UrlText))
            {
                byUrl[article.UrlText] = article;
            }
        }

        foreach (var article in Loaded)
        {
            var key = "\u0001" + UrlKey(article.UrlText);
            if (!byUrl.ContainsKey(key))
            {
                byUrl[key] = article;
            }
        }

        s_byUrl = byUrl;
    }

    return byUrl.TryGetValue(url, out var exact) ? exact
        : byUrl.TryGetValue("\u0001" + UrlKey(url), out var normalised) ? normalised
        : null;
}

$urlKey$

private static Article[] LoadArticles()
{
    var articles = new Article[Count];
    var starts = ChunkStarts;
    var positions = SlotPositions;
    for (var chunk = 0; chunk < ChunkCount; chunk++)
    {
        if (starts[chunk] == starts[chunk + 1])
        {
            continue;
        }

        // The headers are read a group at a time and not kept: every value an article needs is cut out of them.
        var data = Chunk(chunk);
        var htmlOffset = 0;
        var slot = 0;
        foreach (var group in data.Headers)
        {
            var reader = new RecordReader(ChunkData.Read(group), 0);
            while (!reader.AtEnd && slot < data.Slots)
            {
                articles[positions[starts[chunk] + slot]] = reader.ReadArticle(chunk, slot, ref htmlOffset);
                slot++;
            }
        }

        if (slot != data.Slots)
        {
            throw new global::System.InvalidOperationException(ChunkData.Absent);
        }
    }

    return global::System.Threading.Interlocked.CompareExchange(ref s_articles, articles, null) ?? articles;
}

internal static Article.ArticleBody ReadBody(int chunk, int slot) => Chunk(chunk).Body(slot);

/// <summary>An article's HTML, from the chunk's HTML constant (the HTML of its articles, one after the other).</summary>
internal static string ReadHtml(int chunk, int offset, int length) => length == 0 ? string.Empty : Chunk(chunk).Html.Substring(offset, length);

/// <summary>The sections of a body's text: every block is cut out of the text where the text's join put it.</summary>
internal static ArticleSection[] ReadSections(int[] layout, string text, global::System.Collections.Generic.List<string> paragraphs)
{
    var index = 0;
    var position = 0;
    Block(text, ref position, layout[index++]);
    var sections = new ArticleSection[layout[index++]];
    for (var i = 0; i < sections.Length; i++)
    {
        var heading = Block(text, ref position, layout[index++]);
        var sectionParagraphs = new string[layout[index++]];
        for (var p = 0; p < sectionParagraphs.Length; p++)
        {
            sectionParagraphs[p] = Block(text, ref position, layout[index++])!;
            paragraphs.Add(sectionParagraphs[p]);
        }

        sections[i] = new ArticleSection(heading, sectionParagraphs);
    }

    return sections;
}

/// <summary>The next block of a text joined with blank lines (a length of -1 is a null block); null and empty blocks were not joined.</summary>
private static string? Block(string text, ref int position, int length)
{
    if (length < 0)
    {
        return null;
    }

    if (length == 0)
    {
        return string.Empty;
    }

    if (position > 0)
    {
        position += 2;
    }

    var block = text.Substring(position, length);
    position += length;
    return block;
}

private static readonly ChunkData?[] s_chunks = new ChunkData?[ChunkCount];
private static global::System.Type?[]? s_chunkTypes;

/// <summary>Where a chunk's constants are: found once, read as they are needed.</summary>
private static ChunkData Chunk(int chunk)
{
    var data = global::System.Threading.Volatile.Read(ref s_chunks[chunk]);
    if (data is null)
    {
        data = ChunkData.Load(ChunkTypes()[chunk] ?? throw new global::System.InvalidOperationException(ChunkData.Absent), ChunkStarts[chunk + 1] - ChunkStarts[chunk]);
        data = global::System.Threading.Interlocked.CompareExchange(ref s_chunks[chunk], data, null) ?? data;
    }

    return data;
}

/// <summary>The nested data classes, by chunk number; found with one reflection call, not one lookup per name.</summary>
private static global::System.Type?[] ChunkTypes()
{
    var types = global::System.Threading.Volatile.Read(ref s_chunkTypes);
    if (types is null)
    {
        types = new global::System.Type?[ChunkCount];
        foreach (var type in typeof($data$).GetNestedTypes(global::System.Reflection.BindingFlags.NonPublic))
        {
            if (type.Name.StartsWith(ChunkPrefix, global::System.StringComparison.Ordinal)
                && int.TryParse(type.Name.Substring(ChunkPrefix.Length), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var chunk)
                && chunk < ChunkCount)
            {
                types[chunk] = type;
            }
        }

        types = global::System.Threading.Interlocked.CompareExchange(ref s_chunkTypes, types, null) ?? types;
    }

    return types;
}

/// <summary>
/// One chunk's data class. Its constants hold the chunk's articles in slot order (by Id): H{slot} the headers of the
/// articles from that slot to the next H constant, T{slot} their bodies (layout, images, media, tags, categories, then
/// the text), and Html every article's HTML, one after the other. Nothing refers to them in code, so they never reach
/// the user-string heap; each is copied out of metadata when first read.
/// </summary>
/// <remarks>
/// The groups are a few tens of kilobytes: reading a constant costs about 10 µs a field (resolving the field's type), which
/// a group shares among its articles, and a group string is short-lived and small enough for the young generation,
/// whose memory the GC reuses; so on the way to every title and text, little but the kept strings is written into
/// fresh memory. A text is cut out of its group once, with the other bodies of the group.
/// </remarks>
private sealed class ChunkData
{
    internal const string Absent = "The corpus data is only part of full builds, not of design-time (IDE) compilations.";

    private readonly global::System.Reflection.FieldInfo[] _bodies;
    private readonly int[] _bodyStarts;
    private readonly global::System.Reflection.FieldInfo? _html;
    private readonly Article.ArticleBody?[] _read;
    private string? _htmlValue;

    private ChunkData(int slots, global::System.Reflection.FieldInfo[] headers, global::System.Reflection.FieldInfo[] bodies, int[] bodyStarts, global::System.Reflection.FieldInfo? html)
    {
        Slots = slots;
        Headers = headers;
        _bodies = bodies;
        _bodyStarts = bodyStarts;
        _html = html;
        _read = new Article.ArticleBody?[slots];
    }

    public int Slots { get; }

    public global::System.Reflection.FieldInfo[] Headers { get; }

    public string Html => _htmlValue ??= Read(_html ?? throw new global::System.InvalidOperationException(Absent));

    // The trim analyzer cannot see that every chunk class comes from GetNestedTypes(NonPublic) on the data class, which
    // keeps the nested classes with all their members when an app is trimmed (checked with a PublishTrimmed app).
#if NET5_0_OR_GREATER
    [global::System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The chunk classes are nested in the data class, whose non-public nested types are kept whole by GetNestedTypes(NonPublic) on typeof of it.")]
#endif
    public static ChunkData Load(global::System.Type type, int slots)
    {
        // One GetFields per class. Its order is not documented, so the fields are ordered by the slot in their names.
        var headers = new global::System.Collections.Generic.SortedList<int, global::System.Reflection.FieldInfo>();
        var bodies = new global::System.Collections.Generic.SortedList<int, global::System.Reflection.FieldInfo>();
        global::System.Reflection.FieldInfo? html = null;
        foreach (var field in type.GetFields(global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Static))
        {
            var name = field.Name;
            if (name == "Html")
            {
                html = field;
            }
            else if (name.Length > 1 && (name[0] == 'H' || name[0] == 'T')
                && int.TryParse(name.Substring(1), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var slot)
                && slot < slots)
            {
                (name[0] == 'H' ? headers : bodies)[slot] = field;
            }
        }

        if (headers.Count == 0 || bodies.Count == 0 || headers.Keys[0] != 0 || bodies.Keys[0] != 0)
        {
            throw new global::System.InvalidOperationException(Absent);
        }

        var bodyStarts = new int[bodies.Count];
        bodies.Keys.CopyTo(bodyStarts, 0);
        var bodyFields = new global::System.Reflection.FieldInfo[bodies.Count];
        bodies.Values.CopyTo(bodyFields, 0);
        var headerFields = new global::System.Reflection.FieldInfo[headers.Count];
        headers.Values.CopyTo(headerFields, 0);
        return new ChunkData(slots, headerFields, bodyFields, bodyStarts, html);
    }

    public static string Read(global::System.Reflection.FieldInfo field) => field.GetRawConstantValue() as string ?? string.Empty;

    /// <summary>The body of the article in <paramref name="slot"/>: its group's constant is read once and cut into every body of the group.</summary>
    public Article.ArticleBody Body(int slot)
    {
        var body = global::System.Threading.Volatile.Read(ref _read[slot]);
        if (body is not null)
        {
            return body;
        }

        var group = global::System.Array.BinarySearch(_bodyStarts, slot);
        group = group >= 0 ? group : ~group - 1;
        var end = group + 1 < _bodyStarts.Length ? _bodyStarts[group + 1] : Slots;
        var reader = new RecordReader(Read(_bodies[group]), 0);
        for (var i = _bodyStarts[group]; i < end; i++)
        {
            var read = reader.ReadBody();
            // Another thread may have read the same group: the first body stored is the one everybody gets.
            read = global::System.Threading.Interlocked.CompareExchange(ref _read[i], read, null) ?? read;
            if (i == slot)
            {
                body = read;
            }
        }

        return body ?? throw new global::System.InvalidOperationException(Absent);
    }
}

private struct RecordReader
{
    private readonly string _data;
    private int _position;

    public RecordReader(string data, int position)
    {
        _data = data;
        _position = position;
    }

    public bool AtEnd => _position >= _data.Length;

    public Article ReadArticle(int chunk, int slot, ref int htmlOffset)
    {
        var id = ReadString();
        var seedPath = ReadString();
        var title = ReadString();
        var rawTitle = ReadString();
        var column = ReadNullableString();
        var url = ReadString();
        var outlet = ReadString();
        var language = ReadString();
        var author = ReadNullableString();
        var credit = ReadNullableString();
        var feedMilliseconds = ReadNullableNumber();
        var publishedTicks = ReadNullableNumber();
        var publishedOffset = ReadNullableNumber();
        var publishedPrecision = ReadNullableNumber();
        var characterCount = (int)ReadNumber();
        var readingTime = new global::System.TimeSpan(ReadNumber());
        var htmlLength = (int)ReadNumber();

        global::System.DateTimeOffset? feedPublishedAt = feedMilliseconds is long ms
            ? global::System.DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        global::System.DateTimeOffset? publishedAt = null;
        if (publishedTicks is long ticks && publishedOffset is long offsetMinutes)
        {
            var offset = global::System.TimeSpan.FromMinutes(offsetMinutes);
            publishedAt = new global::System.DateTimeOffset(ticks + offset.Ticks, offset);
        }

        var article = new Article(
            id, seedPath, title, rawTitle, column, url, outlet, language, author, credit, feedPublishedAt, publishedAt,
            (ArticleDatePrecision?)publishedPrecision, characterCount, readingTime, chunk, slot, htmlOffset, htmlLength);
        htmlOffset += htmlLength;
        return article;
    }

    public Article.ArticleBody ReadBody()
    {
        // The layout: the lead's length, then per section the heading's length and its paragraphs' lengths (-1: null).
        // Counted first on a copy of the reader, so that the array is allocated once at its size.
        var scan = this;
        var count = 2;
        scan.ReadNullableNumber();
        var sectionCount = (int)scan.ReadNumber();
        for (var i = 0; i < sectionCount; i++)
        {
            scan.ReadNullableNumber();
            var paragraphCount = (int)scan.ReadNumber();
            count += 2 + paragraphCount;
            for (var p = 0; p < paragraphCount; p++)
            {
                scan.ReadNumber();
            }
        }

        var layout = new int[count];
        for (var i = 0; i < count; i++)
        {
            layout[i] = ReadNullableNumber() is long value ? (int)value : -1;
        }

        var images = new ArticleImage[ReadNumber()];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = new ArticleImage(ReadString(), ReadNullableString(), ReadNullableString());
        }

        var media = new ArticleMedia[ReadNumber()];
        for (var i = 0; i < media.Length; i++)
        {
            var kind = (ArticleMediaKind)ReadNumber();
            media[i] = new ArticleMedia(kind, ReadString());
        }

        var tags = ReadStrings();
        var categories = ReadStrings();
        var text = ReadString();
        var position = 0;
        var leadText = Block(text, ref position, layout[0]);
        return new Article.ArticleBody(text, leadText, layout, images, media, tags, categories);
    }

    public long ReadNumber()
    {
        var negative = _data[_position] == '-';
        if (negative)
        {
            _position++;
        }

        long value = 0;
        char digit;
        while ((digit = _data[_position++]) != ';')
        {
            value = (value * 10) + (digit - '0');
        }

        return negative ? -value : value;
    }

    public long? ReadNullableNumber()
    {
        if (_data[_position] == '~')
        {
            _position++;
            return null;
        }

        return ReadNumber();
    }

    public string ReadString()
    {
        var length = ReadLength();
        var value = length == 0 ? string.Empty : _data.Substring(_position, length);
        _position += length;
        return value;
    }

    public string[] ReadStrings()
    {
        var values = new string[ReadNumber()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadString();
        }

        return values;
    }

    public string? ReadNullableString()
    {
        if (_data[_position] == '~')
        {
            _position++;
            return null;
        }

        return ReadString();
    }

    private int ReadLength()
    {
        var length = 0;
        char digit;
        while ((digit = _data[_position++]) != ':')
        {
            length = (length * 10) + (digit - '0');
        }

        return length;
    }
}
""";
}
