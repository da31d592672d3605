using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;
using Corpus.Generator.Reading;
using Corpus.Generator.Search;

namespace Corpus.Bench;

/// <summary>
/// Where the search index's bytes go (issue 23): the seeds of a directory read as the generator reads them, the
/// segments planned and written as it writes them (SearchIndexWriter with a <see cref="SearchIndexSizes"/>), then the
/// bytes by component and class of term, the packing into constants, and how often terms repeat across segments.
/// </summary>
internal static class SearchSize
{
    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The articles of the seeds of <paramref name="directory"/>, read as the generator reads them, in file name order.</summary>
    public static List<ArticleModel> Articles(string directory)
    {
        var articles = new List<ArticleModel>();
        foreach (var path in Directory.GetFiles(directory, "*.txt").OrderBy(p => p, StringComparer.Ordinal))
        {
            var id = SeedPaths.IdOf(path);
            var key = new SeedKey(id, MemberNames.FromId(id, MemberNames.DefaultClassName), Path.GetFileName(path));
            if (ArticleReader.Read(new SeedInput(path, key, File.ReadAllText(path, Encoding.UTF8), null, 0, long.MaxValue), CancellationToken.None).Article is { } article)
            {
                articles.Add(article);
            }
        }

        return articles;
    }

    public static string Report(string directory)
    {
        var articles = Articles(directory);
        var utf8 = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Text));

        // The analysis of every article, in CPU time (the GC's and the JIT's threads included): the first pass, as a
        // clean build in a fresh compiler pays it, then the best of three more, as in a warm compiler server.
        var analysis = new List<TimeSpan>();
        var documents = new List<SearchDocument>();
        for (var pass = 0; pass < 4; pass++)
        {
            documents.Clear();
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var article in articles)
            {
                documents.Add(SearchDocument.Of(article));
            }

            analysis.Add(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before);
        }

        var settings = new EmitSettings(new EmitOptions("Consumer", "Articles", false, "bench"), EquatableArray<DiagnosticInfo>.Empty, (int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12);
        var sizes = new SearchIndexSizes();
        long packedChars = 0;
        long rawBytes = 0;
        var segments = 0;
        var writeSeconds = new List<double>();
        var writeWall = new List<double>();
        var parallelSeconds = new List<double>();
        var parallelWall = new List<double>();
        var parseSeconds = new List<double>();
        var emitSeconds = new List<double>();
        var perTerm = new Dictionary<string, int>(StringComparer.Ordinal);
        var editSeconds = new List<double>();
        var editWall = new List<double>();
        var keptBytes = new List<long>();
        var articleOf = new Dictionary<SearchDocument, ArticleModel>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < documents.Count; i++)
        {
            articleOf[documents[i]] = articles[i];
        }

        foreach (var spec in SearchPlan.Segments(documents.ToImmutableArray(), settings))
        {
            if (spec.Documents.Count == 0)
            {
                continue;
            }

            segments++;
            // The time of a plain write (no sizes kept), in CPU time (the machine is shared) and in wall time, on one
            // thread and on the writer's partitions, interleaved.
            SearchIndexWriter.Write(spec.Documents);
            for (var round = 0; round < 3; round++)
            {
                foreach (var partitions in new[] { 1, SearchIndexWriter.DefaultPartitions(spec.Documents.Count) })
                {
                    var start = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                    var wall = System.Diagnostics.Stopwatch.StartNew();
                    SearchIndexWriter.Write(spec.Documents, partitions, null, CancellationToken.None);
                    var seconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
                    (partitions == 1 ? writeSeconds : parallelSeconds).Add(seconds);
                    (partitions == 1 ? writeWall : parallelWall).Add(wall.Elapsed.TotalSeconds);
                }
            }

            // An edit's write (SearchSegmentUpdate, as the emitter writes a segment again): the middle document with a
            // word more, from the previous write of the segment, and what keeping that write costs (its arrays).
            var kept = new SearchSegmentWrite([.. spec.Documents], SearchIndexWriter.Terms(spec.Documents, 1, null, CancellationToken.None));
            keptBytes.Add(kept.Terms.DataBytes + (kept.Terms.Characters * 2L) + (kept.Terms.Count * 12L) + (spec.Documents.Count * 8L));
            var edited = spec.Documents.ToArray();
            var middle = edited.Length / 2;
            edited[middle] = SearchDocument.Of(articleOf[edited[middle]] with { Text = articleOf[edited[middle]].Text + " edit" });
            for (var round = 0; round < 3; round++)
            {
                var start = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var wall = System.Diagnostics.Stopwatch.StartNew();
                SearchIndexWriter.Write(edited, SearchSegmentUpdate.Terms(kept, edited, CancellationToken.None) ?? throw new InvalidOperationException("an edit of one document is written from the previous write"), null);
                editSeconds.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds);
                editWall.Add(wall.Elapsed.TotalSeconds);
            }

            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            // What the compiler does with the emitted file before binding it: parse its packed constants.
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var files = SearchEmitter.EmitSegment(spec);
            emitSeconds.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var (_, file) in files)
            {
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(file, GeneratorHarness.ParseOptions).GetRoot();
            }

            parseSeconds.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            var (d, blocks) = SearchIndexWriter.Write(spec.Documents, sizes);
            foreach (var part in blocks.Prepend(d))
            {
                rawBytes += part.Length;
                packedChars += SearchIndexFormat.Pack(part, part.Length).Length;
            }

            foreach (var term in spec.Documents.SelectMany(x => x.TermList()).Distinct(StringComparer.Ordinal))
            {
                perTerm.TryGetValue(term, out var n);
                perTerm[term] = n + 1;
            }
        }

        var text = new StringBuilder();
        string Mb(long bytes) => (bytes / 1e6).ToString("F2", CultureInfo.InvariantCulture);
        string Share(long bytes) => (100.0 * bytes / rawBytes).ToString("F1", CultureInfo.InvariantCulture);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{directory}: {documents.Count} articles, {segments} segments, UTF-8 of titles and texts {Mb(utf8)} MB; format {SearchIndexFormat.Version}"));
        text.AppendLine();
        text.AppendLine("| component | MB | share of the bytes |");
        text.AppendLine("|---|---:|---:|");
        foreach (var pair in sizes.Bytes.OrderByDescending(p => p.Value))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {pair.Key} | {Mb(pair.Value)} | {Share(pair.Value)} % |"));
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| other (counts, lengths of blocks) | {Mb(rawBytes - sizes.Total)} | {Share(rawBytes - sizes.Total)} % |"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| **bytes** | **{Mb(rawBytes)}** | 100 % |"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| packing into constants (stored as UTF-16) | {Mb((packedChars * 2) - rawBytes)} | {Share((packedChars * 2) - rawBytes)} % |"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| **stored** | **{Mb(packedChars * 2)}** | {(packedChars * 2.0 / utf8).ToString("F2", CultureInfo.InvariantCulture)}× UTF-8 |"));
        text.AppendLine();
        text.AppendLine("| class | terms in segment dictionaries | in one document of their segment | distinct terms | in more than one segment |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var kind in sizes.Terms.Keys)
        {
            var distinct = perTerm.Where(p => SearchIndexSizes.ClassOf(p.Key) == kind).ToList();
            sizes.Singletons.TryGetValue(kind, out var singletons);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {sizes.Terms[kind]} | {singletons} | {distinct.Count} | {distinct.Count(p => p.Value > 1)} |"));
        }

        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Writing a segment (what a one-seed edit redoes; CPU time, the GC's threads included, median of 3 a segment): {Median(writeSeconds):F2} s on one thread, {writeSeconds.Max():F2} s at most, {SearchIndexFormat.ChunksPerSegment} chunks a segment; wall time on one thread {Median(writeWall):F2} s, on {SearchIndexWriter.DefaultPartitions(int.MaxValue)} partitions {Median(parallelWall):F2} s ({Median(writeWall) / Median(parallelWall):F2}× sooner; CPU {Median(parallelSeconds):F2} s); writing and emitting its files (SearchEmitter.EmitSegment: the writer, the packing, the texts, the compiler texts) {emitSeconds.Average():F2} s of CPU; parsing those files {parseSeconds.Average():F2} s on average."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Writing a segment again after one document's edit (SearchSegmentUpdate: its terms collected and coded, the others' data kept; median of 3 a segment): {Median(editSeconds):F2} s of CPU, {Median(editWall):F2} s of wall time; the previous write kept for it: {keptBytes.Average() / 1e6:F1} MB a segment."));
        var warm = analysis.Skip(1).Min();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Analysing every article for search (SearchDocument.Of, cached per seed: clean builds only): {analysis[0].TotalSeconds:F2} s of CPU in a first pass, {analysis[0].TotalMilliseconds / Math.Max(1, documents.Count):F2} ms an article; warm (the best of three more passes) {warm.TotalSeconds:F2} s, {warm.TotalMilliseconds / Math.Max(1, documents.Count):F3} ms an article."));
        text.AppendLine();
        text.AppendLine(string.Join(", ", sizes.Counts.Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))));
        return text.ToString();
    }
}
