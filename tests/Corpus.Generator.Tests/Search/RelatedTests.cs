using System;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// <c>Articles.Related</c> weighs words and pairs of touching CJK characters, as the index holds them: an article that
/// shares an article's Chinese words is related to it, one that only holds the same characters scattered is not.
/// </summary>
public sealed class RelatedTests : IDisposable
{
    private static readonly Lazy<byte[]> Image = new(() =>
    {
        var project = new CorpusProject();
        project.WithSeed("seeds/r1.txt", SearchTests.Seed("蒙古族学生抗议蒙语教学被取消", "https://www.rfi.fr/cn/r1", "2020-09-01T10:00:00+02:00", "内蒙古多地的蒙古族学生抗议蒙语教学被取消。家长联署公开信。"));
        // Shares words of r1 (联署, 公开信, 蒙语, 教学, 家长), written as r1 writes them.
        project.WithSeed("seeds/r2.txt", SearchTests.Seed("联署公开信", "https://www.rfi.fr/cn/r2", "2020-09-02T10:00:00+02:00", "家长联署公开信要求保留蒙语教学。"));
        // Every character of r1, each set apart: no word of r1, though a lone character's documents would find it.
        project.WithSeed("seeds/r3.txt", SearchTests.Seed("Notes", "https://www.rfi.fr/cn/r3", "2020-09-03T10:00:00+02:00", "蒙、古、族、学、生、抗、议、语、教、被、取、消、内、多、地、的、家、长、联、署、公、开、信"));
        project.WithSeed("seeds/r4.txt", SearchTests.Seed("Weather", "https://www.bbc.com/news/r4", "2020-09-04T10:00:00+00:00", "Sunny skies over the coast."));
        return project.Generate().Image();
    });

    private readonly SearchProbe _probe = new(Image.Value);

    public void Dispose() => _probe.Dispose();

    [Fact]
    public void An_article_sharing_words_is_related_and_one_holding_the_characters_apart_is_not()
    {
        Assert.Equal(["r2"], _probe.Related("r1", 5));
        Assert.Equal(["r1"], _probe.Related("r2", 5));
        Assert.Empty(_probe.Related("r3", 5));
        Assert.Equal(_probe.ScanRelated("r1", 5), _probe.Related("r1", 5));
    }

    [Fact]
    public void Any_count_is_answered()
    {
        Assert.Equal(["r2"], _probe.Related("r1", int.MaxValue));
        Assert.Empty(_probe.Related("r1", -1));
    }
}
