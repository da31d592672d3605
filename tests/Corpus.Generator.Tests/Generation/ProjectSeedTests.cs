using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Corpus.Generator.Tests.Infrastructure;

namespace Corpus.Generator.Tests.Generation;

/// <summary>
/// The project seed through the whole generator: generate, compile, load, and compare with values checked by hand
/// against seeds/000_153ef59660deb970.txt.
/// </summary>
public sealed class ProjectSeedTests
{
    private const string Url =
        "https://www.rfi.fr/cn/%E4%B8%93%E6%A0%8F%E6%A3%80%E7%B4%A2/%E8%A6%81%E9%97%BB%E8%A7%A3%E8%AF%B4/20220112-%E4%BF%84%E7%BD%97%E6%96%AF%E4%B8%80%E5%8F%AA%E6%89%8B%E4%B8%8E%E5%8C%97%E7%BA%A6%E4%BC%9A%E8%B0%88-%E5%8F%A6%E5%8F%AA%E6%89%8B%E5%9C%A8%E4%B9%8C%E5%85%8B%E5%85%B0%E8%BE%B9%E5%A2%83%E4%B8%BE%E8%A1%8C%E5%86%9B%E6%BC%94";

    private const string Lead = "今天（1月12日），俄罗斯将向北约提出其对欧洲安全保障的要求，此前俄罗斯与美国在日内瓦举行的紧张会谈显示出双方存在重大分歧需要弥合。";

    private static readonly Lazy<(GenerationResult Result, LoadedCorpus Corpus)> Generated = new(() =>
    {
        var result = new CorpusProject().WithProjectSeed().Generate();
        return (result, result.Load());
    });

    private static ArticleValues Article => Generated.Value.Corpus.All.Single();

    [Fact]
    public void The_generator_reports_nothing_and_its_code_compiles_cleanly()
    {
        Assert.Empty(Generated.Value.Result.GeneratorDiagnostics);
        Generated.Value.Result.AssertCompiles();
    }

    [Fact]
    public void Identity_and_title()
    {
        Assert.Equal("000_153ef59660deb970", Article.Id);
        Assert.Equal("seeds/000_153ef59660deb970.txt", Article.SeedPath);
        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演", Article.Title);
        Assert.Equal("俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演 - 要闻解说", Article.RawTitle);
        Assert.Equal("要闻解说", Article.Column);
        Assert.Equal(Url, Article.Url.OriginalString);
        Assert.Equal("RFI", Article.Outlet);
    }

    [Fact]
    public void Dates_keep_their_offsets()
    {
        var feed = Article.FeedPublishedAt!.Value;
        Assert.Equal(new DateTimeOffset(2022, 1, 12, 12, 15, 2, TimeSpan.Zero), feed);
        Assert.Equal(TimeSpan.Zero, feed.Offset);

        // 12/01/2022 - 12:44 in Paris, winter time.
        var published = Article.PublishedAt!.Value;
        Assert.Equal(new DateTimeOffset(2022, 1, 12, 12, 44, 0, TimeSpan.FromHours(1)), published);
        Assert.Equal(TimeSpan.FromHours(1), published.Offset);
        Assert.Equal("Minute", Article.PublishedAtPrecision);
    }

    [Fact]
    public void Lead_sections_and_paragraphs()
    {
        Assert.Equal(Lead, Article.Lead);
        Assert.Collection(
            Article.Sections,
            s => { Assert.Null(s.Heading); Assert.Equal(5, s.Paragraphs.Count); },
            s => { Assert.Equal("美国重建北约以对抗俄罗斯，计划却被普京打乱", s.Heading); Assert.Equal(4, s.Paragraphs.Count); },
            s => { Assert.Equal("与北约会谈前夕 俄在乌克兰边境实弹演习", s.Heading); Assert.Equal(12, s.Paragraphs.Count); });
        Assert.Equal(21, Article.Paragraphs.Count);
        Assert.Equal("路透社称，在布鲁塞尔举行的北约-俄罗斯理事会是为化解冷战以来最严重的东西方紧张关系所做的全面努力之一。", Article.Paragraphs[0]);
        Assert.Equal("俄罗斯则否认有任何不当行为。", Article.Paragraphs[4]);
        Assert.Equal("法国总统府则表示，克里姆林宫同意法国、德国、俄罗斯、乌克兰“在1月底前”举行会谈。", Article.Paragraphs[20]);
        Assert.Equal(Article.Sections.SelectMany(s => s.Paragraphs), Article.Paragraphs);
    }

    [Fact]
    public void Text_is_the_blocks_separated_by_blank_lines()
    {
        var blocks = Article.Text.Split("\n\n");
        Assert.Equal(1 + 2 + 21, blocks.Length);
        Assert.Equal(Lead, blocks[0]);
        Assert.Equal("路透社称，在布鲁塞尔举行的北约-俄罗斯理事会是为化解冷战以来最严重的东西方紧张关系所做的全面努力之一。", blocks[1]);
        Assert.Equal("美国重建北约以对抗俄罗斯，计划却被普京打乱", blocks[6]);
        Assert.DoesNotContain("Array", Article.Text);
        Assert.DoesNotContain("12/01/2022", Article.Text);
    }

    [Fact]
    public void Html_is_cleaned_of_artifacts_and_boilerplate()
    {
        Assert.Contains("<p>俄罗斯则否认有任何不当行为。</p>", Article.Html);
        Assert.DoesNotContain("Array", Article.Html);
        Assert.DoesNotContain("data-selfpromo", Article.Html);
        Assert.DoesNotContain("12/01/2022 - 12:44", Article.Html);
        Assert.Empty(Article.Images);
    }

    [Fact]
    public void Counts_and_reading_time()
    {
        var nonWhitespace = Article.Text.Count(c => !char.IsWhiteSpace(c));
        Assert.Equal(nonWhitespace, Article.CharacterCount);
        Assert.InRange(Article.CharacterCount, 1400, 1700);

        // Ideographs at 400 a minute plus the few Latin words (names, "NATO"...) at 230 a minute; punctuation is free.
        var ideographs = System.Text.RegularExpressions.Regex.Matches(Article.Text, @"\p{IsCJKUnifiedIdeographs}").Count;
        var words = System.Text.RegularExpressions.Regex.Matches(Article.Text, "[A-Za-z0-9]+").Count;
        Assert.InRange(ideographs, 1000, 1484);
        var expected = TimeSpan.FromMinutes((ideographs / 400.0) + (words / 230.0));
        Assert.InRange(Article.ReadingTime, expected - TimeSpan.FromSeconds(1), expected + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Lookups_find_the_article()
    {
        var corpus = Generated.Value.Corpus;
        Assert.Equal(1, corpus.Count);
        Assert.Equal("000_153ef59660deb970", corpus.FindById("000_153ef59660deb970")?.Id);
        Assert.Null(corpus.FindById("000_153EF59660DEB970"));
        Assert.Equal("000_153ef59660deb970", corpus.FindByUrl(Url)?.Id);
        Assert.Equal("000_153ef59660deb970", corpus.FindByUrl(Url.Replace("https://www.rfi.fr/cn/", "http://WWW.rfi.fr//cn/") + "/")?.Id);
        Assert.Equal("000_153ef59660deb970", corpus.FindByUrl(Url.Replace("%E4%B8%93", "%e4%b8%93"))?.Id);
        Assert.Null(corpus.FindByUrl("https://www.rfi.fr/cn/"));
    }

    [Fact]
    public void The_seed_has_a_member_documented_with_its_title()
    {
        Assert.Equal(["Seed_000_153ef59660deb970"], Generated.Value.Corpus.MemberNames);
        Assert.Equal("000_153ef59660deb970", Generated.Value.Corpus.Member("Seed_000_153ef59660deb970").Id);

        var index = Generated.Value.Result.Source("Corpus.Members.0000.g.cs");
        var member = index.IndexOf("public static global::Consumer.Article Seed_000_153ef59660deb970", StringComparison.Ordinal);
        Assert.True(member > 0);
        var docStart = index.LastIndexOf("/// <summary>", member, StringComparison.Ordinal);
        Assert.Equal("/// <summary>俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演</summary>", index[docStart..index.IndexOf('\n', docStart)]);
    }

    [Fact]
    public void The_compiled_program_references_nothing_but_the_framework()
    {
        using var stream = new MemoryStream();
        Assert.True(Generated.Value.Result.Output.Emit(stream).Success);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        Assert.DoesNotContain(references, r => r.Contains("AngleSharp", StringComparison.OrdinalIgnoreCase) || r.Contains("Corpus", StringComparison.OrdinalIgnoreCase));
        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard" || r == "mscorlib", r));

        // Nothing in the generated code can open a file: the content is in the assembly.
        foreach (var source in Generated.Value.Result.Sources)
        {
            Assert.DoesNotContain("System.IO", source.SourceText.ToString());
        }
    }

    [Fact]
    public void The_generated_code_matches_the_approved_snapshot()
    {
        foreach (var source in Generated.Value.Result.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            Snapshot.Matches("ProjectSeed." + Path.GetFileNameWithoutExtension(source.HintName), WithoutVerbatimRuntime(source.HintName, source.SourceText.ToString()));
        }
    }

    /// <summary>
    /// A runtime file (<c>Corpus.Runtime.ArticleBody.g.cs</c>) is src/Corpus.Runtime's file written out as it is, inside
    /// the namespace. Its lines are checked here against the file on disk, indented one level, in one piece; the snapshot
    /// keeps what the generator writes around them (header, <c>#define</c>, namespace) and one marker line in their place,
    /// so that it does not repeat the runtime's source.
    /// </summary>
    private static string WithoutVerbatimRuntime(string hintName, string text)
    {
        const string Prefix = "Corpus.Runtime.", Suffix = ".g.cs";
        if (!hintName.StartsWith(Prefix, StringComparison.Ordinal) || hintName.Length <= Prefix.Length + Suffix.Length)
        {
            return text;
        }

        var fileName = hintName.Substring(Prefix.Length, hintName.Length - Prefix.Length - Suffix.Length) + ".cs";
        var source = File.ReadAllText(Repository.File("src", "Corpus.Runtime", fileName)).ReplaceLineEndings("\n").TrimEnd('\n');
        var body = string.Join("\n", source.Split('\n').Select(line => line.Length == 0 ? line : "    " + line)) + "\n";
        var at = text.IndexOf(body, StringComparison.Ordinal);
        Assert.True(at >= 0, hintName + " does not hold src/Corpus.Runtime/" + fileName + " line for line");
        return text.Remove(at, body.Length).Insert(at, "    // src/Corpus.Runtime/" + fileName + ", line for line (ProjectSeedTests checks it)\n");
    }
}
