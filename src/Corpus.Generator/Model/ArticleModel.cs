namespace Corpus.Generator.Model;

/// <summary>
/// Everything the generator knows about one accepted seed, as plain equatable values: the incremental pipeline caches
/// it per seed, so an unchanged seed is never read again.
/// </summary>
/// <remarks>
/// Dates are kept as (UTC ticks, offset minutes) rather than <see cref="System.DateTimeOffset"/>, whose equality ignores
/// the offset: two readings with the same instant but another offset must not look unchanged.
/// </remarks>
internal sealed record ArticleModel(
    SeedKey Key,
    string Title,
    string RawTitle,
    string? Column,
    string Url,
    string Outlet,
    string Language,
    long? FeedPublishedAtUnixMilliseconds,
    DateValue? PublishedAt,
    string? Author,
    string? Credit,
    string? Lead,
    EquatableArray<SectionModel> Sections,
    string Text,
    string Html,
    EquatableArray<ImageModel> Images,
    EquatableArray<MediaModel> Media,
    EquatableArray<string> Tags,
    EquatableArray<string> Categories,
    int CharacterCount,
    long ReadingTimeTicks);

/// <summary>What identifies a seed: its Id (file name without extension), the generated member name and the project-relative path.</summary>
internal sealed record SeedKey(string Id, string MemberName, string SeedPath);

internal sealed record SectionModel(string? Heading, EquatableArray<string> Paragraphs);

internal sealed record ImageModel(string Url, string? Alt, string? Caption);

/// <summary>An embedded frame, video or audio: Kind is <see cref="Bodies.MediaKind"/> as a number (0 iframe, 1 video, 2 audio).</summary>
internal sealed record MediaModel(int Kind, string Url);

/// <summary>A point in time with the offset it was given in, and how precise the source was (0 day, 1 minute, 2 second).</summary>
internal sealed record DateValue(long UtcTicks, int OffsetMinutes, int Precision)
{
    public System.DateTimeOffset ToDateTimeOffset()
    {
        var offset = System.TimeSpan.FromMinutes(OffsetMinutes);
        return new System.DateTimeOffset(UtcTicks + offset.Ticks, offset);
    }

    public static DateValue From(System.DateTimeOffset value, int precision) =>
        new(value.UtcTicks, (int)value.Offset.TotalMinutes, precision);
}
