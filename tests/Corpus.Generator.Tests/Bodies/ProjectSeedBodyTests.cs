using System;
using System.IO;
using System.Linq;
using Corpus.Generator.Bodies;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Bodies;

public sealed class ProjectSeedBodyTests
{
    private static BodyReadResult ReadProjectSeed()
    {
        var file = File.ReadAllText(Repository.File("seeds", "000_153ef59660deb970.txt"));
        var (body, dateLine) = SeedBody.Extract(file);
        Assert.Null(dateLine);
        return BodyReader.Read(body, "RFI");
    }

    [Fact]
    public void Lead_sections_and_paragraphs_are_the_hand_checked_ones()
    {
        var result = ReadProjectSeed();
        var body = result.Body;

        Assert.Empty(result.Problems);
        Assert.Equal("今天（1月12日），俄罗斯将向北约提出其对欧洲安全保障的要求，此前俄罗斯与美国在日内瓦举行的紧张会谈显示出双方存在重大分歧需要弥合。", body.Lead);
        Assert.Equal(
            [(null, 5), ("美国重建北约以对抗俄罗斯，计划却被普京打乱", 4), ("与北约会谈前夕 俄在乌克兰边境实弹演习", 12)],
            body.Sections.Select(s => (s.Heading, s.Paragraphs.Count)).ToArray());
        var paragraphs = body.Sections.SelectMany(s => s.Paragraphs).ToList();
        Assert.Equal(21, paragraphs.Count);
        Assert.Equal("俄罗斯则否认有任何不当行为。", paragraphs[4]);
    }

    [Fact]
    public void Date_is_paris_winter_time_to_the_minute()
    {
        var published = ReadProjectSeed().Body.Published;

        Assert.NotNull(published);
        Assert.Equal(new DateTimeOffset(2022, 1, 12, 12, 44, 0, TimeSpan.FromHours(1)), published!.Value);
        Assert.Equal(TimeSpan.FromHours(1), published.Value.Offset);
        Assert.Equal(DatePrecision.Minute, published.Precision);
        Assert.Equal("12/01/2022 - 12:44", published.Raw);
    }

    [Fact]
    public void Artifacts_and_self_promotion_are_gone()
    {
        var body = ReadProjectSeed().Body;

        Assert.Empty(body.Images);
        Assert.DoesNotContain("Array", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-selfpromo", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Array", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("12/01/2022", body.Html, StringComparison.Ordinal);
        Assert.Null(body.Author);
        Assert.Null(body.Credit);
    }

    [Fact]
    public void Text_is_lead_then_headings_and_paragraphs_with_blank_lines()
    {
        var body = ReadProjectSeed().Body;
        var expected = string.Join(
            "\n\n",
            new[] { body.Lead! }.Concat(body.Sections.SelectMany(s => (s.Heading is null ? [] : new[] { s.Heading }).Concat(s.Paragraphs))));

        Assert.Equal(expected, body.Text);
        Assert.StartsWith(body.Lead!, body.Text, StringComparison.Ordinal);
    }
}
