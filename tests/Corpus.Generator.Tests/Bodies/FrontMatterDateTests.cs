using System;
using System.Globalization;
using Corpus.Generator.Bodies;

namespace Corpus.Generator.Tests.Bodies;

public sealed class FrontMatterDateTests
{
    [Theory]
    [InlineData("2020-08-06T10:57:23.000Z", "2020-08-06T10:57:23+00:00", "Second")]
    [InlineData("2020-04-06T16:51:24+01:00", "2020-04-06T16:51:24+01:00", "Second")]
    [InlineData("2020-08-06 10:57:23 +0800", "2020-08-06T10:57:23+08:00", "Second")]
    [InlineData("2020-08-06 10:57", "2020-08-06T10:57:00+00:00", "Minute")]
    [InlineData("2020-08-06", "2020-08-06T00:00:00+00:00", "Day")]
    public void Front_matter_dates_keep_their_offset(string value, string expected, string precision)
    {
        Assert.True(PublishedDates.TryParseFrontMatterDate(value, out var date));

        var instant = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(instant, date!.Value);
        Assert.Equal(instant.Offset, date.Value.Offset);
        Assert.Equal(precision, date.Precision.ToString());
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2020-13-01")]
    [InlineData("2020-02-30T10:00:00Z")]
    [InlineData("")]
    public void Other_values_are_not_dates(string value)
    {
        Assert.False(PublishedDates.TryParseFrontMatterDate(value, out var date));
        Assert.Null(date);
    }
}
