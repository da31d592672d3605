using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator.Model;
using Corpus.Generator.Search;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.RealCorpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Corpus.Generator.Tests.Search;

/// <summary>
/// A segment's file in parts (<see cref="SearchSegmentParts"/>): together they hold every constant of the one file once,
/// whole and in order, each in the segment's partial class; a segment over the bound splits, a small one does not; and
/// the runtime finds a segment's constants whichever part declares them.
/// </summary>
public sealed class SearchSegmentPartsTests
{
    [Fact]
    public void A_segment_over_the_bound_splits_into_parts_holding_every_constant_once_in_order()
    {
        var spec = Spec(ManyTermsDocuments());
        var (directory, blocks) = SearchIndexWriter.Write(spec.Documents, 1, null, CancellationToken.None);
        var one = Constants(Assert.Single(SearchEmitter.SegmentFiles(spec, directory, blocks, int.MaxValue)));
        Assert.True(one.Count >= 6, "Too few constants to split: " + one.Count);
        Assert.Equal("D", one[0].Name);
        Assert.Equal(Enumerable.Range(0, one.Count - 1).Select(g => "G" + g), one.Skip(1).Select(c => c.Name));

        var characters = one.Sum(c => (long)c.Value.Length);
        var bound = (int)((characters + 2) / 3);
        var files = SearchEmitter.SegmentFiles(spec, directory, blocks, bound);
        Assert.Equal(3, files.Length);
        var parts = files.Select(Constants).ToList();
        Assert.All(parts, part => Assert.NotEmpty(part));
        Assert.Equal(one, parts.SelectMany(part => part).ToList());
        // About equal parts: none holds twice its share.
        Assert.All(parts, part => Assert.True(part.Sum(c => c.Value.Length) < 2 * bound, string.Join(", ", parts.Select(p => p.Sum(c => c.Value.Length)))));
        Assert.All(files, file => Assert.Contains("partial", SegmentClass(file).Modifiers.Select(m => m.Text)));

        // The same split every time (the bound, not the machine, decides it).
        Assert.Equal(files, SearchEmitter.SegmentFiles(spec, directory, blocks, bound));
    }

    [Fact]
    public void A_segment_under_the_bound_stays_one_file_under_its_usual_name()
    {
        var spec = Spec(ManyTermsDocuments());
        var (directory, blocks) = SearchIndexWriter.Write(spec.Documents, 1, null, CancellationToken.None);
        var one = SearchEmitter.SegmentFiles(spec, directory, blocks, int.MaxValue);
        Assert.Equal(one, SearchEmitter.SegmentFiles(spec, directory, blocks));

        var texts = SearchSegmentParts.Texts(spec, directory, blocks, CancellationToken.None);
        var (hintName, text) = Assert.Single(texts);
        Assert.Equal("Corpus.Search.0000.g.cs", hintName);
        Assert.Equal(one[0], text.ToString());
        Assert.Equal("Corpus.Search.0000.2.g.cs", SearchEmitter.SegmentHintName(0, 2));
    }

    [Theory]
    [InlineData(new long[] { 10, 10, 10, 10 }, 20, "0+2 2+2")]
    [InlineData(new long[] { 10, 10, 10, 10 }, 40, "0+4")]
    [InlineData(new long[] { 10, 10, 10, 10 }, 1, "0+1 1+1 2+1 3+1")]
    [InlineData(new long[] { 10, 10, 10 }, 20, "0+1 1+2")]
    // A constant larger than a part's share: its neighbours are not left as empty parts.
    [InlineData(new long[] { 100, 1, 1, 1 }, 26, "0+1 1+3")]
    [InlineData(new long[] { 5 }, 1, "0+1")]
    public void Constants_go_whole_and_in_order_to_about_equal_parts(long[] lengths, int bound, string expected)
    {
        var constants = lengths.Select((length, i) => new SearchSegmentParts.Constant("G" + i, i, 1, length)).ToList();
        var parts = SearchSegmentParts.Split(constants, bound);
        Assert.Equal(expected, string.Join(" ", parts.Select(p => p.First + "+" + p.Count)));
    }

    [Fact]
    public void A_cancelled_segment_makes_no_part()
    {
        var spec = Spec(ManyTermsDocuments());
        var (directory, blocks) = SearchIndexWriter.Write(spec.Documents, 1, null, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SearchSegmentParts.Make(spec, directory, blocks, 1, (_, file) => file, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => SearchSegmentParts.Make(spec, directory, blocks, int.MaxValue, (_, file) => file, cancelled.Token));
    }

    [Fact]
    public void The_runtime_reads_a_segment_whose_constants_lie_in_several_parts()
    {
        var generated = SearchTests.Project().Generate();
        var spec = Assert.Single(PipelineAssert.Steps(generated.Driver)[TrackingNames.SearchSegments].SelectMany(s => s.Outputs).Select(o => o.Value).OfType<SearchSegmentSpec>());
        var (directory, blocks) = SearchIndexWriter.Write(spec.Documents, 1, null, CancellationToken.None);
        var oneFile = generated.Sources.Single(s => s.HintName == SearchEmitter.SegmentHintName(0));
        Assert.Equal(oneFile.SourceText.ToString(), Assert.Single(SearchEmitter.SegmentFiles(spec, directory, blocks)));

        // Every constant a part of its own: the directory in part 0, the blocks in the parts after it.
        var files = SearchEmitter.SegmentFiles(spec, directory, blocks, 1);
        Assert.True(files.Length >= 2, files.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var options = (CSharpParseOptions)oneFile.SyntaxTree.Options;
        var path = oneFile.SyntaxTree.FilePath;
        var split = generated.Output
            .RemoveSyntaxTrees(generated.Output.SyntaxTrees.Single(t => t.FilePath == path))
            .AddSyntaxTrees(files.Select((file, part) => CSharpSyntaxTree.ParseText(file, options, path.Replace(".g.cs", "." + part + ".g.cs", StringComparison.Ordinal), Encoding.UTF8)));
        var image = (generated with { Output = split }).Image();

        using var probe = new SearchProbe(image);
        Assert.Equal(["s01", "s03"], probe.Search("乌克兰 北约").Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["s05", "s07"], probe.Search("NATO summit").Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["SearchSegment"], probe.SourceKinds);
    }

    private static SearchSegmentSpec Spec(IReadOnlyList<SearchDocument> documents) =>
        new("Consumer", "ArticlesData", "internal", 0, documents.ToEquatableArray());

    /// <summary>Documents of made-up words, nearly every one a term of its own: data for a few dozen blocks.</summary>
    private static List<SearchDocument> ManyTermsDocuments()
    {
        var seed = SharedCorpus.Read(Repository.File("seeds", "000_153ef59660deb970.txt")).Article!;
        var random = new Random(23);
        string Word() => new(Enumerable.Range(0, 4 + random.Next(6)).Select(_ => (char)('a' + random.Next(26))).ToArray());
        return Enumerable.Range(0, 300)
            .Select(i => SearchDocument.Of(seed with { Title = "Story " + i, Text = string.Join(" ", Enumerable.Range(0, 200).Select(_ => Word())) }))
            .ToList();
    }

    /// <summary>The constants a file declares, in order, with their values.</summary>
    private static List<(string Name, string Value)> Constants(string file) =>
        CSharpSyntaxTree.ParseText(file).GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Select(v => (v.Identifier.Text, ((LiteralExpressionSyntax)v.Initializer!.Value).Token.ValueText))
            .ToList();

    private static ClassDeclarationSyntax SegmentClass(string file) =>
        CSharpSyntaxTree.ParseText(file).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(c => c.Identifier.Text == "Search0000");
}
