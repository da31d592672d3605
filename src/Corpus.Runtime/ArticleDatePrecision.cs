// An enum cannot be partial: its visibility comes from the CORPUS_PUBLIC symbol the generator defines in this file.
/// <summary>How precise an article's <c>PublishedAt</c> is.</summary>
#if CORPUS_PUBLIC
public
#else
internal
#endif
enum ArticleDatePrecision
{
    /// <summary>Only the day is known; the value is midnight of that day.</summary>
    Day = 0,

    /// <summary>Hours and minutes are known.</summary>
    Minute = 1,

    /// <summary>Hours, minutes and seconds are known.</summary>
    Second = 2,
}
