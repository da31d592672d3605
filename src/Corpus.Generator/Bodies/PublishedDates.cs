using System;
using System.Text.RegularExpressions;
using Corpus.Generator.Text;

namespace Corpus.Generator.Bodies;

/// <summary>
/// The date forms of the outlets' leading date elements and of China Digital Times' <c>日期：</c> line.
/// </summary>
/// <remarks>
/// <para>Each form is recognised by its shape, so a repost under another outlet still reads. The zone comes from the form
/// when it names one; otherwise it is the zone the outlet's feed renderer writes in:</para>
/// <list type="table">
/// <item><term>RFI <c>12/01/2022 - 12:44</c></term><description>Paris wall clock, offset by <see cref="EuropeanSummerTime"/>; minutes.</description></item>
/// <item><term>DW <c>2020-07-20T14:53:17.152Z</c></term><description>UTC; seconds (the fraction is kept in the value).</description></item>
/// <item><term>Reuters <c>2020-07-20T10:20:18</c></term><description>no zone written: UTC, the outlet's clock.</description></item>
/// <item><term>NYT <c>2020-07-20 19:22:17</c></term><description>no zone written: the outlet's clock (<see cref="OutletRules.ZonelessTimeOffset"/>), Beijing +08:00 for NYT.</description></item>
/// <item><term>VOA <c>Mon, 20 Jul 2020 19:22:03 GMT</c></term><description>RFC 822: the zone given (GMT, UT, UTC, Z or ±hhmm) is kept.</description></item>
/// <item><term>BBC <c>2020年 7月 20日</c></term><description>a day only: midnight at +00:00 with <see cref="DatePrecision.Day"/>;
/// the feed gives no zone and no time, so the value names the calendar day, not an instant of it.</description></item>
/// </list>
/// <para>Digits are ASCII only and month names English, whatever the machine's culture.</para>
/// </remarks>
internal static class PublishedDates
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly Regex RfiForm = new(
        @"^(?<d>[0-9]{1,2})/(?<mo>[0-9]{1,2})/(?<y>[0-9]{4}) ?- ?(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})$",
        Options);

    private static readonly Regex IsoForm = new(
        @"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?<sep>[T ])(?<h>[0-9]{2}):(?<mi>[0-9]{2})(:(?<s>[0-9]{2})(\.(?<f>[0-9]{1,7}))?)?(?<z>Z|[+-][0-9]{2}:?[0-9]{2})?$",
        Options);

    private static readonly Regex RfcForm = new(
        @"^((?<wd>[A-Za-z]{3}), ?)?(?<d>[0-9]{1,2}) (?<mo>[A-Za-z]{3}) (?<y>[0-9]{4}) (?<h>[0-9]{2}):(?<mi>[0-9]{2})(:(?<s>[0-9]{2}))? (?<z>GMT|UTC|UT|Z|[+-][0-9]{2}:?[0-9]{2})$",
        Options);

    private static readonly Regex DayForm = new(
        @"^(?<y>[0-9]{4}) ?年 ?(?<mo>[0-9]{1,2}) ?月 ?(?<d>[0-9]{1,2}) ?日$",
        Options);

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] WeekDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>Reads the text of a leading date element (the part after the author, if any).</summary>
    /// <param name="value">The element's date text; whitespace is normalised first.</param>
    /// <param name="outlet">The outlet name (see the table above); used only for forms that write no zone.</param>
    public static bool TryParseDateElement(string value, string outlet, out PublishedDate? date)
    {
        var text = TextNormalizer.Normalize(value);
        date = TryRfi(text) ?? TryIso(text, outlet) ?? TryRfc(text) ?? TryDay(text);
        return date is not null;
    }

    /// <summary>Reads China Digital Times' <c>日期：</c> line value, an RFC 822 date such as <c>Sun, 28 Jun 2020 15:42:36 +0000</c>.</summary>
    /// <remarks>The offset written is kept. A <c>日期：</c> prefix, if still present, is skipped.</remarks>
    public static bool TryParseDateLine(string value, out PublishedDate? date)
    {
        var text = TextNormalizer.Normalize(value ?? string.Empty);
        if (text.StartsWith("日期：", StringComparison.Ordinal) || text.StartsWith("日期:", StringComparison.Ordinal))
        {
            text = TextNormalizer.Normalize(text.Substring(3));
        }

        date = TryRfc(text);
        return date is not null;
    }

    /// <summary>Reads a Jekyll front matter <c>date</c>: ISO 8601 (<c>2020-08-06T10:57:23.000Z</c>, <c>2020-04-06T16:51:24+01:00</c>),
    /// Jekyll's own <c>2020-08-06 10:57:23 +0800</c>, or a day alone (<c>2020-08-06</c>, midnight +00:00, <see cref="DatePrecision.Day"/>).</summary>
    /// <remarks>The offset written is kept; a time without one is UTC, as Jekyll reads it on a build server.</remarks>
    public static bool TryParseFrontMatterDate(string value, out PublishedDate? date)
    {
        var text = TextNormalizer.Normalize(value ?? string.Empty);
        date = null;
        var day = DateOnlyForm.Match(text);
        if (day.Success)
        {
            if (TryDateTime(Number(day, "y"), Number(day, "mo"), Number(day, "d"), 0, 0, 0, out var midnight))
            {
                date = new PublishedDate(new DateTimeOffset(midnight, TimeSpan.Zero), DatePrecision.Day, text);
            }

            return date is not null;
        }

        // Jekyll writes a space before the zone; the ISO form has none.
        var zoneSpace = text.LastIndexOf(' ');
        var iso = zoneSpace > 10 && zoneSpace + 1 < text.Length && text[zoneSpace + 1] is '+' or '-' or 'Z'
            ? text.Remove(zoneSpace, 1)
            : text;
        date = TryIso(iso, string.Empty);
        return date is not null;
    }

    private static readonly Regex DateOnlyForm = new(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})$", Options);

    private static PublishedDate? TryRfi(string text)
    {
        var m = RfiForm.Match(text);
        if (!m.Success || !TryDateTime(m, out var local))
        {
            return null;
        }

        return new PublishedDate(EuropeanSummerTime.FromParis(local), DatePrecision.Minute, text);
    }

    private static PublishedDate? TryIso(string text, string outlet)
    {
        var m = IsoForm.Match(text);
        if (!m.Success || !TryDateTime(m, out var local))
        {
            return null;
        }

        TimeSpan offset;
        var zone = m.Groups["z"];
        if (zone.Success)
        {
            if (!TryOffset(zone.Value, out offset))
            {
                return null;
            }
        }
        else
        {
            offset = OutletRules.For(outlet).ZonelessTimeOffset(spaceSeparated: m.Groups["sep"].Value == " ");
        }

        var fraction = m.Groups["f"];
        if (fraction.Success)
        {
            local = local.AddTicks(long.Parse(fraction.Value.PadRight(7, '0'), System.Globalization.CultureInfo.InvariantCulture));
        }

        var precision = m.Groups["s"].Success ? DatePrecision.Second : DatePrecision.Minute;
        return new PublishedDate(new DateTimeOffset(local, offset), precision, text);
    }

    private static PublishedDate? TryRfc(string text)
    {
        var m = RfcForm.Match(text);
        if (!m.Success)
        {
            return null;
        }

        var weekDay = m.Groups["wd"];
        // The week day is checked only for being a week day: a wrong one is a feed bug, and the date itself still stands.
        if (weekDay.Success && IndexOf(WeekDays, weekDay.Value) < 0)
        {
            return null;
        }

        var month = IndexOf(Months, m.Groups["mo"].Value) + 1;
        if (month == 0
            || !TryDateTime(Number(m, "y"), month, Number(m, "d"), Number(m, "h"), Number(m, "mi"), Number(m, "s"), out var local)
            || !TryOffset(m.Groups["z"].Value, out var offset))
        {
            return null;
        }

        var precision = m.Groups["s"].Success ? DatePrecision.Second : DatePrecision.Minute;
        return new PublishedDate(new DateTimeOffset(local, offset), precision, text);
    }

    private static PublishedDate? TryDay(string text)
    {
        var m = DayForm.Match(text);
        if (!m.Success || !TryDateTime(Number(m, "y"), Number(m, "mo"), Number(m, "d"), 0, 0, 0, out var day))
        {
            return null;
        }

        return new PublishedDate(new DateTimeOffset(day, TimeSpan.Zero), DatePrecision.Day, text);
    }

    private static bool TryDateTime(Match m, out DateTime value) =>
        TryDateTime(Number(m, "y"), Number(m, "mo"), Number(m, "d"), Number(m, "h"), Number(m, "mi"), Number(m, "s"), out value);

    private static bool TryDateTime(int year, int month, int day, int hour, int minute, int second, out DateTime value)
    {
        // Years near the ends of DateTime's range would overflow once an offset is applied; no feed writes them.
        if (year < 1000 || year > 9998 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            value = default;
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "Z" or "GMT" or "UT" or "UTC")
        {
            return true;
        }

        var digits = zone.Replace(":", string.Empty);
        if (digits.Length != 5)
        {
            return false;
        }

        var hours = (digits[1] - '0') * 10 + (digits[2] - '0');
        var minutes = (digits[3] - '0') * 10 + (digits[4] - '0');
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (digits[0] == '-')
        {
            offset = offset.Negate();
        }

        return true;
    }

    /// <summary>A captured group as a number; 0 when the optional group did not match.</summary>
    private static int Number(Match m, string group)
    {
        var g = m.Groups[group];
        if (!g.Success)
        {
            return 0;
        }

        var value = 0;
        foreach (var c in g.Value)
        {
            value = value * 10 + (c - '0');
        }

        return value;
    }

    private static int IndexOf(string[] names, string value)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
