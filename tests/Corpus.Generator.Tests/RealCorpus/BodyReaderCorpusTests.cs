using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Corpus.Generator.Bodies;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Text;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>Runs the body reader over the shared real corpus, when it is present beside the repository.</summary>
public sealed class BodyReaderCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] DatedOutlets = ["RFI", "BBC", "DW", "VOA", "Reuters", "NYT"];

    /// <summary>DW video items and picture galleries carry no date element in the feed: the expected exceptions, listed in the output.</summary>
    private static bool IsUndatedDwItem(string body) => !body.StartsWith("<div><i>", StringComparison.Ordinal);

    [SharedCorpusFact]
    public void Every_real_body_reads_with_text_dates_and_no_boilerplate()
    {
        var corpus = Repository.SharedCorpus!;

        var files = ReadManifest(corpus);
        Assert.NotEmpty(files);

        // Warm up the parser and the regexes so the timings below are per seed, not first-use costs.
        BodyReader.Read("<div>12/01/2022 - 12:44</div><p>x</p>", "RFI");

        var stats = new Dictionary<string, OutletStats>(StringComparer.Ordinal);
        var failures = new List<string>();
        var timings = new List<double>();
        var checkParser = new HtmlParser();
        foreach (var (path, outlet) in files)
        {
            var (body, dateLine) = SeedBody.Extract(File.ReadAllText(path));
            var name = Path.GetFileName(path);
            var stopwatch = Stopwatch.StartNew();
            var result = BodyReader.Read(body, outlet);
            stopwatch.Stop();
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);

            if (!stats.TryGetValue(outlet, out var s))
            {
                stats[outlet] = s = new OutletStats();
            }

            s.Files++;
            var text = result.Body.Text;
            foreach (var problem in result.Problems)
            {
                failures.Add($"{name} ({outlet}): {problem.Kind} at {problem.Offset}+{problem.Length}: {problem.Detail}");
            }

            if (result.Body.Published is not null)
            {
                s.Dated++;
            }
            else if (DatedOutlets.Contains(outlet) && !(outlet == "DW" && IsUndatedDwItem(body)))
            {
                failures.Add($"{name} ({outlet}): no date from '{body.Substring(0, Math.Min(60, body.Length))}'");
            }
            else if (outlet == "DW")
            {
                s.Undated.Add(name);
            }

            if (dateLine is not null)
            {
                s.DateLines++;
                if (PublishedDates.TryParseDateLine(dateLine, out _))
                {
                    s.DateLinesRead++;
                }
                else
                {
                    failures.Add($"{name} ({outlet}): date line '{dateLine}' not read");
                }
            }

            var paragraphs = result.Body.Sections.SelectMany(x => x.Paragraphs).ToList();
            if (text.Contains("获取更多RSS", StringComparison.Ordinal) || text.Contains("feedx", StringComparison.Ordinal)
                || paragraphs.Any(p => p is "Array" or "广告" or "图片版权" or "Image caption") || text.Contains("Better Feed", StringComparison.Ordinal) || result.Body.Html.Contains("feedx", StringComparison.Ordinal)
                || result.Body.Html.Contains("data-selfpromo", StringComparison.Ordinal))
            {
                failures.Add($"{name} ({outlet}): boilerplate leaked");
            }

            foreach (var expected in ArticleBlocks(checkParser, body))
            {
                s.Blocks++;
                if (text.Contains(expected, StringComparison.Ordinal))
                {
                    s.BlocksKept++;
                }
                else if (s.Missing.Count < 3)
                {
                    s.Missing.Add($"{name}: {expected.Substring(0, Math.Min(80, expected.Length))}");
                }
            }

            s.Images += result.Body.Images.Count;
            s.Credits += result.Body.Credit is null ? 0 : 1;
            s.Leads += result.Body.Lead is null ? 0 : 1;
        }

        output.WriteLine($"{"outlet",-20} {"files",5} {"dated",5} {"leads",5} {"images",6} {"credits",7} {"text kept",12}");
        foreach (var (outlet, s) in stats.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            var kept = s.Blocks == 0 ? 1.0 : (double)s.BlocksKept / s.Blocks;
            output.WriteLine($"{outlet,-20} {s.Files,5} {s.Dated,5} {s.Leads,5} {s.Images,6} {s.Credits,7} {kept,8:P2} of {s.Blocks}"
                + (s.DateLines > 0 ? $"  日期 lines read {s.DateLinesRead}/{s.DateLines}" : string.Empty));
            foreach (var missing in s.Missing)
            {
                output.WriteLine("    not in text: " + missing);
            }

            foreach (var undated in s.Undated)
            {
                output.WriteLine("    no date element (DW video or gallery item): " + undated);
            }
        }

        timings.Sort();
        output.WriteLine(
            $"timing over {timings.Count} bodies: total {timings.Sum():F0} ms, mean {timings.Average():F2} ms, "
            + $"median {timings[timings.Count / 2]:F2} ms, p99 {timings[(int)(timings.Count * 0.99)]:F2} ms, max {timings[timings.Count - 1]:F2} ms");
        foreach (var failure in failures)
        {
            output.WriteLine("FAIL " + failure);
        }

        var total = stats.Values.Sum(x => x.Blocks);
        var keptTotal = stats.Values.Sum(x => x.BlocksKept);
        output.WriteLine($"text kept overall: {(double)keptTotal / total:P2} ({keptTotal}/{total})");

        Assert.Empty(failures);
        Assert.True(keptTotal >= total * 0.99, $"text kept {(double)keptTotal / total:P2} < 99%");
    }

    [SharedCorpusFact]
    public void Every_legacy_china_digital_times_file_has_a_readable_date_line_and_text()
    {
        var corpus = Repository.SharedCorpus!;

        var files = Directory.GetFiles(Path.Combine(corpus, "cdt-legacy"), "*.txt");
        var read = 0;
        foreach (var path in files)
        {
            var (body, dateLine) = SeedBody.Extract(File.ReadAllText(path));
            Assert.True(PublishedDates.TryParseDateLine(dateLine ?? string.Empty, out var date), Path.GetFileName(path) + ": " + dateLine);
            Assert.Equal(TimeSpan.Zero, date!.Value.Offset);
            Assert.Empty(BodyReader.Read(body, "China Digital Times").Problems);
            read++;
        }

        output.WriteLine($"cdt-legacy: {read}/{files.Length} date lines read, no body problems");
    }

    /// <summary>
    /// The article's own text blocks, found independently of the reader: every innermost p/li/blockquote/h2/h3 outside
    /// boilerplate, normalised. Each must appear in the reader's text.
    /// </summary>
    private static IEnumerable<string> ArticleBlocks(HtmlParser parser, string body)
    {
        var document = parser.ParseDocument(body);
        foreach (var element in document.QuerySelectorAll("p, li, blockquote, h2, h3"))
        {
            if (element.QuerySelector("p, li, blockquote, h2, h3, div") is not null || IsInBoilerplate(element))
            {
                continue;
            }

            // A line break splits a paragraph, so each line is looked for on its own.
            var line = new System.Text.StringBuilder();
            foreach (var node in element.Descendants())
            {
                if (node is IText t && !t.Ancestors<IElement>().Any(a => a.LocalName is "svg" or "script" or "style" or "noscript"))
                {
                    line.Append(t.Data);
                }
                else if (node is IElement { LocalName: "br" })
                {
                    line.Append('\n');
                }
            }

            foreach (var piece in line.ToString().Split('\n'))
            {
                var text = TextNormalizer.Normalize(piece);
                if (text.Length > 0)
                {
                    yield return text;
                }
            }
        }
    }

    private static bool IsInBoilerplate(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            var classes = e.GetAttribute("class") ?? string.Empty;
            if (e.LocalName is "script" or "noscript" or "style" or "template" or "svg"
                || classes.Contains("t-copyright", StringComparison.Ordinal)
                || classes.Contains("m-interstitial__ad", StringComparison.Ordinal)
                || classes.Contains("bbccom_", StringComparison.Ordinal)
                || classes.Split(' ').Any(c => c is "off-screen" or "story-image-copyright" or "embed-youtube-warning")
                || (e.LocalName is "small" or "p" && e.TextContent.StartsWith("Feed enhanced by", StringComparison.Ordinal))
                || (e.LocalName is "small" or "p" && e.TextContent.StartsWith("©", StringComparison.Ordinal) && e.TextContent.Contains("Permalink", StringComparison.Ordinal))
                || e.Attributes.Any(a => a.Name.StartsWith("data-selfpromo", StringComparison.Ordinal))
                || (e.TextContent.StartsWith("获取更多RSS", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static List<(string Path, string Outlet)> ReadManifest(string corpus) =>
        SharedCorpus.Files(corpus)
            .Where(f => f.Variant == "real")
            .Select(f => (f.Path, SharedCorpus.KnownOutlets.TryGetValue(f.ManifestOutlet, out var known) ? known : f.ManifestOutlet))
            .ToList();

    private sealed class OutletStats
    {
        public int Files;
        public int Dated;
        public int Leads;
        public int Images;
        public int Credits;
        public int Blocks;
        public int BlocksKept;
        public int DateLines;
        public int DateLinesRead;
        public List<string> Missing { get; } = [];
        public List<string> Undated { get; } = [];
    }
}
