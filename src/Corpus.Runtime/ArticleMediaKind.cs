// An enum cannot be partial: its visibility comes from the CORPUS_PUBLIC symbol the generator defines in this file.
/// <summary>The element an <see cref="ArticleMedia"/> comes from.</summary>
#if CORPUS_PUBLIC
public
#else
internal
#endif
enum ArticleMediaKind
{
    /// <summary>An <c>iframe</c>: an embedded page, such as a YouTube player.</summary>
    Iframe = 0,

    /// <summary>A <c>video</c> element.</summary>
    Video = 1,

    /// <summary>An <c>audio</c> element.</summary>
    Audio = 2,
}
