using System.IO;
using System.Linq;
using Corpus.Generator.Analyzers;
using Corpus.Generator.Reading;
using Corpus.Generator.Tests.RealCorpus;
using CsCheck;

namespace Corpus.Generator.Tests.Analyzers;

/// <summary>The lookup analyzer reads a seed's URL from its head only: always the URL the whole seed gives the generator.</summary>
public sealed class SeedUrlsTests
{
    [Fact]
    public void The_project_seed_is_read_from_a_head_a_small_part_of_it_with_its_URL()
    {
        var text = File.ReadAllText(Repository.File("seeds", "000_153ef59660deb970.txt"));

        // Line 2 of the seed, checked by hand: [title](https://www.rfi.fr/cn/%E4%B8%93…%E6%BC%94)
        var url = SeedUrls.Read(text);
        Assert.StartsWith("https://www.rfi.fr/cn/%E4%B8%93%E6%A0%8F", url);
        Assert.EndsWith("%E5%86%9B%E6%BC%94", url);
        Assert.Equal(SeedReader.Read(text).Seed!.Url, url);
        Assert.InRange(SeedUrls.HeadEnd(text), 1, text.Length / 5);
    }

    [Theory]
    [InlineData("<!--1-->\r\n[T](https://e.com/crlf)\r\n------\r\n\r\n<p>x</p>\r\n", "https://e.com/crlf")]
    [InlineData("[T](https://e.com/a)\n-------\n[U](https://e.com/b)\n------\n\n<p>x</p>\n", null)]
    [InlineData("[T](https://e.com/a)\n------ \n------\n\n<p>x</p>\n", null)]
    [InlineData("[T\n------\n](https://e.com/a)\n------\n\n<p>x</p>\n", null)]
    [InlineData("---\ntitle: T\nfrom: https://e.com/fm\n---\n[T](https://e.com/tb)\n------\n\n<p>x</p>\n", "https://e.com/tb")]
    [InlineData("---\ntitle: T\nfrom: https://e.com/fm\n---\n<p>x</p>\n", "https://e.com/fm")]
    [InlineData("\uFEFF---\nfrom: https://e.com/bom\ntitle: T\n---\n<p>x</p>\n", "https://e.com/bom")]
    [InlineData("[T](https://e.com/nosep)\n\n<p>x</p>\n", null)]
    public void Edge_cases_give_what_the_whole_seed_gives(string text, string? expected)
    {
        var whole = SeedReader.Read(text).Seed?.Url;

        Assert.Equal(whole, SeedUrls.Read(text));
        if (expected is not null)
        {
            Assert.Equal(expected, whole);
        }
    }

    [Fact]
    public void Seeds_made_of_any_lines_give_what_the_whole_seed_gives()
    {
        string[] lines = ["------", "-------", "------ ", "---", "<!--1641989702000-->", "[Title](https://e.com/a)", "[Other](https://e.com/b)", "title: T", "from: https://e.com/fm", "", "<p>Body</p>", "日期：Mon, 1 Jan 2024 00:00:00 +0000", "[Multi", "line](https://e.com/m)"];
        var seed = Gen.Select(Gen.Int[0, lines.Length - 1].Array[0, 10], Gen.Bool, Gen.Bool)
            .Select((picks, crlf, bom) => (bom ? "\uFEFF" : string.Empty) + string.Concat(picks.Select(p => lines[p] + (crlf ? "\r\n" : "\n"))));

        seed.Sample(text => Assert.Equal(SeedReader.Read(text).Seed?.Url, SeedUrls.Read(text)), iter: 20_000);
    }

    [SharedCorpusFact]
    public void Every_seed_of_the_shared_corpus_gives_the_URL_the_generator_reads()
    {
        var files = SharedCorpus.Files(Repository.SharedCorpus!);
        Assert.NotEmpty(files);
        var fromHead = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file.Path);
            Assert.Equal(SeedReader.Read(text).Seed?.Url, SeedUrls.Read(text));
            fromHead += SeedUrls.HeadEnd(text) < text.Length ? 1 : 0;
        }

        // The duty-machine seeds (the "real" variant) have no front matter: their heads suffice.
        Assert.True(fromHead >= files.Count(f => f.Variant == "real"), $"{fromHead} of {files.Count} read from a head");
    }
}
