extern alias CorpusRuntime;

using System.Collections.Generic;
using System.Linq;
using Corpus.Generator.Model;
using CsCheck;
using ArticleBody = CorpusRuntime::Article.ArticleBody;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The generator joins an article's blocks into one text (<see cref="ArticleText.Join(string?, IEnumerable{SectionModel})"/>);
/// the runtime cuts them back out by their lengths (<c>ArticleBody.ReadSections</c>). The two are inverse.
/// </summary>
public sealed class TextBlocksTests
{
    // Blocks may hold the separator's own characters; a block is never cut at them, only by its length.
    private static readonly Gen<string> Block = Gen.OneOf(Gen.String, Gen.Const(string.Empty), Gen.Const("\n\n"), Gen.Const("a\n\nb"), Gen.Const("\n"));

    private static readonly Gen<string?> NullableBlock = Gen.Select(Gen.Int[0, 3], Block, (n, block) => n == 0 ? null : block);

    private static readonly Gen<(string? Heading, string[] Paragraphs)> Section = Gen.Select(NullableBlock, Block.Array[0, 5]);

    [Fact]
    public void The_blocks_joined_into_a_text_are_cut_back_out_of_it()
    {
        Gen.Select(NullableBlock, Section.Array[0, 5]).Sample((lead, sections) =>
        {
            var text = ArticleText.Join(lead, sections, s => s.Heading, s => s.Paragraphs);
            var layout = Layout(lead, sections);
            var paragraphs = new List<string>();

            var position = 0;
            Assert.Equal(lead, ArticleBody.NextBlock(text, ref position, layout[0]));
            var cut = ArticleBody.ReadSections(layout, text, paragraphs);

            Assert.Equal(sections.Length, cut.Length);
            for (var i = 0; i < sections.Length; i++)
            {
                Assert.Equal(sections[i].Heading, cut[i].Heading);
                Assert.Equal(sections[i].Paragraphs, cut[i].Paragraphs);
            }

            Assert.Equal(sections.SelectMany(s => s.Paragraphs), paragraphs);
        });
    }

    [Fact]
    public void A_lead_a_heading_and_two_paragraphs()
    {
        var paragraphs = new List<string>();
        var sections = ArticleBody.ReadSections([1, 1, 1, 2, 2, 2], "L\n\nH\n\nP1\n\nP2", paragraphs);

        var section = Assert.Single(sections);
        Assert.Equal("H", section.Heading);
        Assert.Equal(["P1", "P2"], section.Paragraphs);
        Assert.Equal(["P1", "P2"], paragraphs);
    }

    [Fact]
    public void Text_before_the_first_heading_is_a_section_without_one()
    {
        var paragraphs = new List<string>();
        var sections = ArticleBody.ReadSections([-1, 2, -1, 1, 2, 2, 1, 2], "P1\n\nH2\n\nP2", paragraphs);

        Assert.Collection(
            sections,
            s => { Assert.Null(s.Heading); Assert.Equal(["P1"], s.Paragraphs); },
            s => { Assert.Equal("H2", s.Heading); Assert.Equal(["P2"], s.Paragraphs); });
        var position = 0;
        Assert.Null(ArticleBody.NextBlock("P1\n\nH2\n\nP2", ref position, -1));
        Assert.Equal(0, position);
    }

    /// <summary>The layout as RecordEncoder documents it: the lead's length, the section count, then per section the heading's length, the paragraph count and their lengths; -1 for null.</summary>
    private static int[] Layout(string? lead, (string? Heading, string[] Paragraphs)[] sections)
    {
        var layout = new List<int> { lead?.Length ?? -1, sections.Length };
        foreach (var (heading, paragraphs) in sections)
        {
            layout.Add(heading?.Length ?? -1);
            layout.Add(paragraphs.Length);
            layout.AddRange(paragraphs.Select(p => p.Length));
        }

        return [.. layout];
    }
}
