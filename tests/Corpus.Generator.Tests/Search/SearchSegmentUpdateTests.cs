using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator.Model;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.RealCorpus;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// An edit's write of a segment from its previous write (<see cref="SearchSegmentUpdate"/>) must give the bytes of a full
/// write of the same documents, whatever the edit: random edits of real seeds (terms changed, added, removed, documents
/// emptied), chained one after another, and a CJK character crossing the full-list bound both ways.
/// </summary>
public sealed class SearchSegmentUpdateTests
{
    private static readonly ArticleModel Seed = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;

    [SharedCorpusFact]
    public void Random_edits_of_the_real_seeds_give_a_full_writes_bytes()
    {
        var articles = Directory.GetFiles(Path.Combine(Repository.SharedCorpus!, "real"), "*.txt")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => SharedCorpus.Read(f).Article!)
            .ToList();
        var documents = articles.Select(SearchDocument.Of).ToArray();
        var previous = new SearchSegmentWrite(documents, SearchIndexWriter.Terms(documents, 1, null, CancellationToken.None));
        var random = new Random(23);
        var kinds = new HashSet<string>();
        for (var round = 0; round < 16; round++)
        {
            var edited = (SearchDocument[])previous.Documents.Clone();
            var changes = 1 + random.Next(3);
            for (var c = 0; c < changes; c++)
            {
                var at = random.Next(edited.Length);
                var (kind, article) = Edit(articles[at], articles[random.Next(articles.Count)], random);
                kinds.Add(kind);
                articles[at] = article;
                edited[at] = SearchDocument.Of(article);
            }

            previous = AssertSameAsFullWrite(previous, edited);
        }

        Assert.Equal(5, kinds.Count);
    }

    [Fact]
    public void A_character_crossing_the_full_list_bound_either_way_gives_a_full_writes_bytes()
    {
        // 鑫 followed by 16 characters in each of 256 documents: exactly FullCharacterPostings bigram postings, a full list.
        const int Documents = 256;
        const int PairsEach = SearchIndexWriter.FullCharacterPostings / Documents;
        var articles = Enumerable.Range(0, Documents).Select(i => Seed with { Title = "第" + i + "篇 word" + (i % 7), Text = Pairs(i, PairsEach) }).ToArray();
        var documents = articles.Select(SearchDocument.Of).ToArray();
        Assert.Equal(1, FullLists(documents));
        var previous = new SearchSegmentWrite(documents, SearchIndexWriter.Terms(documents, 1, null, CancellationToken.None));

        // One pair fewer in one document: below the bound.
        var fewer = (SearchDocument[])documents.Clone();
        fewer[100] = SearchDocument.Of(articles[100] with { Text = Pairs(100, PairsEach - 1) });
        Assert.Equal(0, FullLists(fewer));
        previous = AssertSameAsFullWrite(previous, fewer);

        // And back: the very same documents as at first, the edited one analysed again.
        var back = (SearchDocument[])documents.Clone();
        back[100] = SearchDocument.Of(articles[100]);
        Assert.Equal(1, FullLists(back));
        previous = AssertSameAsFullWrite(previous, back);

        // One document emptied, another with more pairs, the character in its title and a run of three: still full.
        var emptied = (SearchDocument[])back.Clone();
        emptied[0] = SearchDocument.Of(articles[0] with { Title = string.Empty, Text = string.Empty });
        emptied[255] = SearchDocument.Of(articles[255] with { Title = "鑫", Text = "word3 鑫" + Pairs(255, PairsEach * 2) });
        Assert.Equal(1, FullLists(emptied));
        AssertSameAsFullWrite(previous, emptied);

        static string Pairs(int document, int count)
        {
            var text = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                text.Append('鑫').Append((char)('\u4E00' + ((document + i) % 40))).Append("，");
            }

            return text.ToString();
        }
    }

    [Fact]
    public void Another_count_or_too_many_changed_documents_is_written_in_full()
    {
        var documents = Enumerable.Range(0, 64).Select(i => SearchDocument.Of(Seed with { Title = "t" + i })).ToArray();
        var previous = new SearchSegmentWrite(documents, SearchIndexWriter.Terms(documents, 1, null, CancellationToken.None));
        Assert.Same(previous.Terms, SearchSegmentUpdate.Terms(previous, [.. documents], CancellationToken.None));
        Assert.Null(SearchSegmentUpdate.Terms(previous, documents.Take(63).ToArray(), CancellationToken.None));

        var many = (SearchDocument[])documents.Clone();
        for (var i = 0; i <= SearchSegmentUpdate.MaxChanged(many.Length); i++)
        {
            many[i] = SearchDocument.Of(Seed with { Title = "u" + i });
        }

        Assert.Null(SearchSegmentUpdate.Terms(previous, many, CancellationToken.None));
    }

    [Fact]
    public void The_emitters_write_keeps_the_segment_and_rewrites_an_edit_from_it()
    {
        var documents = Enumerable.Range(0, 64).Select(i => SearchDocument.Of(Seed with { Title = "标题" + i + " t" + i })).ToArray();
        var first = SearchSegmentUpdate.Write(documents, CancellationToken.None);
        AssertSame(SearchIndexWriter.Write(documents, 1, null, CancellationToken.None), first);

        var edited = (SearchDocument[])documents.Clone();
        edited[0] = SearchDocument.Of(Seed with { Title = "新标题 new" });
        AssertSame(SearchIndexWriter.Write(edited, 1, null, CancellationToken.None), SearchSegmentUpdate.Write(edited, CancellationToken.None));
    }

    private static (string Kind, ArticleModel Article) Edit(ArticleModel article, ArticleModel other, Random random)
    {
        var text = article.Text;
        switch (random.Next(5))
        {
            case 0:
                return ("emptied", article with { Title = string.Empty, Text = string.Empty, Tags = EquatableArray<string>.Empty });
            case 1:
                return ("added", article with { Text = text + "\n\n" + other.Text.Substring(0, Math.Min(other.Text.Length, 400)) + " appended" + random.Next(1000) });
            case 2:
                return ("removed", article with { Text = text.Substring(0, random.Next(text.Length + 1)) });
            case 3:
                return ("title", article with { Title = other.Title + " " + random.Next(1000), Tags = other.Tags });
            default:
                var at = random.Next(text.Length + 1);
                var cut = Math.Min(text.Length - at, random.Next(50));
                return ("changed", article with { Text = text.Substring(0, at) + other.Title + text.Substring(at + cut) });
        }
    }

    private static SearchSegmentWrite AssertSameAsFullWrite(SearchSegmentWrite previous, SearchDocument[] documents)
    {
        var terms = SearchSegmentUpdate.Terms(previous, documents, CancellationToken.None);
        Assert.NotNull(terms);
        Assert.NotSame(previous.Terms, terms);
        AssertSame(SearchIndexWriter.Write(documents, 1, null, CancellationToken.None), SearchIndexWriter.Write(documents, terms!, null));
        return new SearchSegmentWrite(documents, terms!);
    }

    private static void AssertSame((byte[] Directory, List<byte[]> Blocks) expected, (byte[] Directory, List<byte[]> Blocks) actual)
    {
        Assert.Equal(expected.Directory, actual.Directory);
        Assert.Equal(expected.Blocks.Count, actual.Blocks.Count);
        for (var i = 0; i < expected.Blocks.Count; i++)
        {
            Assert.Equal(expected.Blocks[i], actual.Blocks[i]);
        }
    }

    private static int FullLists(SearchDocument[] documents)
    {
        var sizes = new SearchIndexSizes();
        SearchIndexWriter.Write(documents, sizes);
        return sizes.Counts.TryGetValue("full lists: cjk1", out var full) ? (int)full : 0;
    }
}
