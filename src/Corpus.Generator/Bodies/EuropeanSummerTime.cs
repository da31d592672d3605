using System;

namespace Corpus.Generator.Bodies;

/// <summary>
/// Paris local time to an instant, by the EU summer-time rule computed by hand.
/// </summary>
/// <remarks>
/// The OS time-zone database differs between machines (and is missing in some containers), and the generator must give
/// the same output everywhere, so the rule is coded here: summer time (+02:00) runs from the last Sunday of March at
/// 01:00 UTC to the last Sunday of October at 01:00 UTC; the rest of the year is +01:00. The rule is applied to every
/// year (it holds since 1996; the corpus starts in 2020).
/// </remarks>
internal static class EuropeanSummerTime
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    /// <summary>The first instant of summer time in <paramref name="year"/>, as a UTC clock reading.</summary>
    public static DateTime StartUtc(int year) => LastSunday(year, 3).AddHours(1);

    /// <summary>The first instant after summer time in <paramref name="year"/>, as a UTC clock reading.</summary>
    public static DateTime EndUtc(int year) => LastSunday(year, 10).AddHours(1);

    /// <summary>True when the UTC clock reading <paramref name="utc"/> falls in summer time.</summary>
    public static bool IsSummerTime(DateTime utc) => utc >= StartUtc(utc.Year) && utc < EndUtc(utc.Year);

    /// <summary>The Paris offset for a Paris wall-clock reading.</summary>
    /// <remarks>
    /// In October the hour 02:00–02:59 happens twice: the earlier instant (summer time) is taken, as most libraries do.
    /// In March 02:00–02:59 never happens on the wall clock: +01:00 is taken, which is the instant a clock not yet moved
    /// forward would show (02:30 → 01:30 UTC, the same instant as 03:30+02:00).
    /// </remarks>
    public static TimeSpan ParisOffset(DateTime local)
    {
        // Only the summer reading needs checking: when it is not a summer instant, the reading is either plain winter
        // time or falls in the March gap, and both take +01:00.
        if (local.Year > 1 && IsSummerTime(local - Summer))
        {
            return Summer;
        }

        return Winter;
    }

    /// <summary>The Paris wall-clock reading <paramref name="local"/> as an instant with its Paris offset.</summary>
    public static DateTimeOffset FromParis(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, ParisOffset(unspecified));
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Unspecified);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
