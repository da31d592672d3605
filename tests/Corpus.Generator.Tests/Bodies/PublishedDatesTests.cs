using System;
using System.Globalization;
using Corpus.Generator.Bodies;

namespace Corpus.Generator.Tests.Bodies;

public sealed class PublishedDatesTests
{
    [Theory]
    // Spring forward: the last Sunday of March, 02:00 Paris (01:00 UTC) becomes 03:00.
    [InlineData("2020-03-29 01:59", 1)]
    [InlineData("2020-03-29 02:30", 1)] // never on the wall clock: read with the offset a clock not yet moved shows
    [InlineData("2020-03-29 03:00", 2)]
    [InlineData("2021-03-28 01:59", 1)]
    [InlineData("2021-03-28 03:00", 2)]
    [InlineData("2022-03-27 01:59", 1)]
    [InlineData("2022-03-27 03:00", 2)]
    [InlineData("2024-03-31 01:59", 1)]
    [InlineData("2024-03-31 03:00", 2)]
    [InlineData("2025-03-30 01:59", 1)]
    [InlineData("2025-03-30 03:00", 2)]
    // Fall back: the last Sunday of October, 03:00 Paris (01:00 UTC) becomes 02:00 again.
    [InlineData("2020-10-25 01:59", 2)]
    [InlineData("2020-10-25 02:30", 2)] // happens twice: the earlier (summer) instant is taken
    [InlineData("2020-10-25 03:00", 1)]
    [InlineData("2021-10-31 01:59", 2)]
    [InlineData("2021-10-31 03:00", 1)]
    [InlineData("2022-10-30 01:59", 2)]
    [InlineData("2022-10-30 03:00", 1)]
    [InlineData("2023-10-29 02:59", 2)]
    [InlineData("2023-10-29 03:00", 1)]
    // The Sunday before the last one is not the switch.
    [InlineData("2022-03-20 03:00", 1)]
    [InlineData("2022-10-23 03:00", 2)]
    [InlineData("2022-01-12 12:44", 1)]
    [InlineData("2022-07-14 12:00", 2)]
    public void Paris_offset_follows_the_eu_rule(string local, int hours)
    {
        var wallClock = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var value = EuropeanSummerTime.FromParis(wallClock);

        Assert.Equal(TimeSpan.FromHours(hours), value.Offset);
        Assert.Equal(wallClock, value.DateTime);
    }

    [Theory]
    [InlineData("2021-03-28T00:59:59", false)]
    [InlineData("2021-03-28T01:00:00", true)]
    [InlineData("2021-10-31T00:59:59", true)]
    [InlineData("2021-10-31T01:00:00", false)]
    [InlineData("2024-03-31T01:00:00", true)]
    [InlineData("2024-10-27T01:00:00", false)]
    public void Summer_time_switches_at_one_utc(string utc, bool summer) =>
        Assert.Equal(summer, EuropeanSummerTime.IsSummerTime(DateTime.ParseExact(utc, "s", CultureInfo.InvariantCulture)));

    [Fact]
    public void Agrees_with_the_time_zone_database_where_one_is_installed()
    {
        TimeZoneInfo paris;
        try
        {
            paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return; // the oracle is optional: the rule itself is checked above
        }

        for (var utc = new DateTime(2000, 1, 1, 0, 30, 0, DateTimeKind.Utc); utc.Year < 2038; utc = utc.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc, paris);
            var expected = paris.GetUtcOffset(utc);
            var ours = EuropeanSummerTime.FromParis(local);
            if (!paris.IsAmbiguousTime(local))
            {
                Assert.Equal(expected, ours.Offset);
            }

            Assert.Equal(expected, EuropeanSummerTime.IsSummerTime(utc) ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1));
        }
    }

    [Theory]
    [InlineData("RFI", "20/07/2020 - 16:05", "2020-07-20T16:05:00+02:00", "Minute")]
    [InlineData("RFI", "12/01/2022 - 12:44", "2022-01-12T12:44:00+01:00", "Minute")]
    [InlineData("DW", "2020-07-20T14:53:17.152Z", "2020-07-20T14:53:17.1520000+00:00", "Second")]
    [InlineData("NYT", "2020-07-20 19:22:17", "2020-07-20T19:22:17+08:00", "Second")]
    [InlineData("Reuters", "2020-07-20T10:20:18", "2020-07-20T10:20:18+00:00", "Second")]
    [InlineData("Reuters", "2020-07-20T10:20:18Z", "2020-07-20T10:20:18+00:00", "Second")]
    [InlineData("VOA", "Mon, 20 Jul 2020 19:22:03 GMT", "2020-07-20T19:22:03+00:00", "Second")]
    [InlineData("BBC", "2020年 7月 20日", "2020-07-20T00:00:00+00:00", "Day")]
    [InlineData("BBC", "2020年 12月 3日", "2020-12-03T00:00:00+00:00", "Day")]
    [InlineData("example.com", "2020-07-20 19:22:17", "2020-07-20T19:22:17+00:00", "Second")]
    public void Each_outlet_form_reads(string outlet, string text, string expected, string precision)
    {
        Assert.True(PublishedDates.TryParseDateElement(text, outlet, out var date));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), date!.Value);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).Offset, date.Value.Offset);
        Assert.Equal(precision, date.Precision.ToString());
        Assert.Equal(text, date.Raw);
    }

    [Theory]
    [InlineData("32/01/2022 - 12:44")]
    [InlineData("12/13/2022 - 12:44")]
    [InlineData("12/01/2022 - 24:00")]
    [InlineData("2020-02-30T10:00:00")]
    [InlineData("Mon, 20 Foo 2020 19:22:03 GMT")]
    [InlineData("昨天")]
    [InlineData("")]
    public void Unknown_or_impossible_dates_do_not_read(string text) =>
        Assert.False(PublishedDates.TryParseDateElement(text, "RFI", out _));

    [Theory]
    [InlineData("Sun, 28 Jun 2020 15:42:36 +0000", "2020-06-28T15:42:36+00:00")]
    [InlineData("Sun, 28 Jun 2020 23:42:36 +0800", "2020-06-28T23:42:36+08:00")]
    [InlineData("Sun, 28 Jun 2020 10:42:36 -0500", "2020-06-28T10:42:36-05:00")]
    [InlineData("  Sun, 28 Jun 2020 15:42:36 +0000 ", "2020-06-28T15:42:36+00:00")]
    [InlineData("日期：Sun, 28 Jun 2020 15:42:36 +0000", "2020-06-28T15:42:36+00:00")]
    public void Date_line_keeps_its_offset(string line, string expected)
    {
        Assert.True(PublishedDates.TryParseDateLine(line, out var date));

        var value = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(value, date!.Value);
        Assert.Equal(value.Offset, date.Value.Offset);
        Assert.Equal(DatePrecision.Second, date.Precision);
    }

    [Theory]
    [InlineData("2020-06-28 15:42:36")]
    [InlineData("Sun, 28 Jun 2020 15:42:36 +9900")]
    [InlineData("")]
    public void Date_line_rejects_other_forms(string line) =>
        Assert.False(PublishedDates.TryParseDateLine(line, out _));
}
