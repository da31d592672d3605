using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Corpus.Generator.Diagnostics;
using Corpus.Generator.Model;
using Corpus.Generator.Reading;
using Corpus.Generator.Text;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>
/// Issue 5, measured: every file of the shared corpus read as a build reads it, with a table per outlet and per variant.
/// </summary>
public sealed class CorpusQualityTests(ITestOutputHelper output)
{
    /// <summary>Outlets whose feed body has a date element (RFI, BBC, DW, VOA, Reuters, NYT), or a 日期 line (legacy CDT).</summary>
    private static readonly HashSet<string> DatedOutlets = new(StringComparer.Ordinal) { "RFI", "BBC", "DW", "VOA", "Reuters", "NYT" };

    /// <summary>
    /// Manifest outlets that are China Digital Times authors, not outlets: their Jekyll posts are on chinadigitaltimes.net
    /// and their front matter's category is 中国数字时代, so the right outlet is China Digital Times.
    /// </summary>
    private static readonly HashSet<string> ChinaDigitalTimesAuthors = new(StringComparer.Ordinal) { "一朵后浪", "大号冲塔", "最后领导人" };

    /// <summary>Text that is never the article's: if it is in Text, Paragraphs or Html, boilerplate leaked.</summary>
    private static readonly string[] LeakMarkers =
    [
        "获取更多RSS", "feedx.net", "feedx.top", "feedx.xyz", "data-selfpromo", "m-interstitial__ad", "m-block-ad", "bbccom_advert",
        "Feed enhanced by", "t-copyright", "德国之声版权声明", "汤森路透“信任原则”", "trustBadge",
    ];

    /// <summary>Whole blocks that are never the article's.</summary>
    private static readonly HashSet<string> LeakBlocks = new(StringComparer.Ordinal) { "Array", "广告", "分享 :", "分享：", "分享", "图片版权", "Image caption" };

    [SharedCorpusFact]
    public void Every_variant_reads_with_its_text_dates_and_outlet_and_no_boilerplate()
    {
        var corpus = Repository.SharedCorpus!;

        var files = SharedCorpus.Files(corpus);
        Assert.Equal(934 + 30 + 410, files.Count);
        var byOutlet = new SortedDictionary<string, Stats>(StringComparer.Ordinal);
        var byVariant = new SortedDictionary<string, Stats>(StringComparer.Ordinal);
        var failures = new List<string>();
        var exceptions = new List<string>();
        var parser = new HtmlParser();

        foreach (var file in files)
        {
            var label = file.Variant + "/" + file.Name;
            var text = File.ReadAllText(file.Path);
            var read = SharedCorpus.Read(file.Path);
            var stats = new[] { Get(byVariant, file.Variant), Get(byOutlet, file.Variant == "jekyll-wrapped" ? "(jekyll) " + file.ManifestOutlet : file.ManifestOutlet) };
            foreach (var s in stats)
            {
                s.Files++;
            }

            foreach (var finding in read.Findings)
            {
                var descriptor = DiagnosticDescriptors.Get(finding.DiagnosticId);
                if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
                {
                    failures.Add($"{label}: error {finding.DiagnosticId} {string.Join(" | ", finding.Arguments)}");
                }
                else
                {
                    foreach (var s in stats)
                    {
                        s.Warnings.Add($"{finding.DiagnosticId} {file.Name}");
                    }
                }
            }

            if (read.Article is not { } article)
            {
                failures.Add($"{label}: not accepted");
                continue;
            }

            foreach (var s in stats)
            {
                s.Accepted++;
            }

            // Outlet: the manifest's outlet for the nine known ones; any other outlet must not be mistaken for one of them.
            var outletRight = ChinaDigitalTimesAuthors.Contains(file.ManifestOutlet)
                ? article.Outlet == "China Digital Times"
                : SharedCorpus.KnownOutlets.TryGetValue(file.ManifestOutlet, out var expectedOutlet)
                ? article.Outlet == expectedOutlet
                : !Outlets.Known.Contains(article.Outlet) && article.Outlet.Length > 0;
            if (outletRight)
            {
                Array.ForEach(stats, s => s.OutletRight++);
            }
            else
            {
                failures.Add($"{label}: outlet {article.Outlet}, manifest says {file.ManifestOutlet}");
            }

            var body = SeedReader.Read(text).Seed!.Body;
            if (article.PublishedAt is { } at && article.FeedPublishedAtUnixMilliseconds is { } feedMs)
            {
                // The feed time is when the item entered the feed: after the article's own time, by up to a day when the
                // outlet republishes an update (DW 27.6 h, CDT 53 h at most). A wrong zone shows as a shift of whole hours
                // below -2 h (NYT read as UTC would be -8 h). A day-only date is midnight UTC of a local day, so it may lie up
                // to 14 h after the feed time, and the feed may take three days to list the item.
                var hours = (feedMs - ((at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMillisecond)) / 3_600_000.0;
                var (low, high) = at.Precision == 0 ? (-14.0, 72.0) : (-2.0, 72.0);
                if (hours < low || hours > high)
                {
                    failures.Add($"{label}: feed time minus PublishedAt is {hours:F1} h, outside {low}..{high} h ({at.ToDateTimeOffset():O})");
                }

                foreach (var s in stats)
                {
                    s.FeedMinusPublished.Add(hours);
                }
            }

            if (article.PublishedAt is not null)
            {
                Array.ForEach(stats, s => s.Dated++);
            }
            else if (ExpectsDate(file, article.Outlet, body, out var exception))
            {
                failures.Add($"{label}: no PublishedAt ({article.Outlet}) from '{body.Substring(0, Math.Min(60, body.Length))}'");
            }
            else if (exception is not null)
            {
                exceptions.Add($"{label}: {exception}");
            }

            var paragraphs = article.Sections.SelectMany(s => s.Paragraphs).ToList();
            var leaks = LeakMarkers.Where(m => article.Text.Contains(m, StringComparison.Ordinal) || article.Html.Contains(m, StringComparison.Ordinal)).ToList();
            leaks.AddRange(paragraphs.Concat(article.Sections.Select(s => s.Heading ?? string.Empty)).Where(LeakBlocks.Contains));
            if (leaks.Count > 0)
            {
                Array.ForEach(stats, s => s.Leaks++);
                failures.Add($"{label}: boilerplate leaked: {string.Join(", ", leaks)}");
            }

            foreach (var expected in ReferenceBlocks(parser, body))
            {
                foreach (var s in stats)
                {
                    s.Blocks++;
                    if (article.Text.Contains(expected, StringComparison.Ordinal))
                    {
                        s.Kept++;
                    }
                    else if (s.Missing.Count < 3)
                    {
                        s.Missing.Add($"{file.Name}: {expected.Substring(0, Math.Min(70, expected.Length))}");
                    }
                }
            }

            foreach (var s in stats)
            {
                s.Images += article.Images.Count;
                s.Captions += article.Images.Count(i => i.Caption is not null);
                s.Media += article.Media.Count;
                s.Leads += article.Lead is null ? 0 : 1;
                s.Authors += article.Author is null ? 0 : 1;
                s.Languages[article.Language] = s.Languages.TryGetValue(article.Language, out var n) ? n + 1 : 1;
                if (article.Language != "zh-Hans" && s.Odd.Count < 8)
                {
                    s.Odd.Add($"{article.Language} {file.Name}");
                }
            }

            if (article.Title.Contains('<', StringComparison.Ordinal) && article.Title.Contains('>', StringComparison.Ordinal))
            {
                failures.Add($"{label}: markup in title '{article.Title}'");
            }
        }

        Print("per variant", byVariant);
        Print("per outlet (jekyll-wrapped outlets prefixed)", byOutlet);
        foreach (var exception in exceptions)
        {
            output.WriteLine("expected exception: " + exception);
        }

        foreach (var failure in failures)
        {
            output.WriteLine("FAIL " + failure);
        }

        Assert.Empty(failures);
        foreach (var (variant, s) in byVariant)
        {
            Assert.True(s.Kept >= s.Blocks * 0.99, $"{variant}: text kept {s.KeptShare:P2} < 99%");
        }
    }

    /// <summary>
    /// Whether the seed must have a PublishedAt: every Jekyll-wrapped seed (its front matter has a date), every legacy CDT seed
    /// (日期 line), and every real seed of a dated outlet, except DW items whose body does not start with the
    /// <c>&lt;div&gt;&lt;i&gt;</c> date element (videos and galleries: the feed gives them none).
    /// </summary>
    private static bool ExpectsDate(CorpusFile file, string outlet, string body, out string? exception)
    {
        exception = null;
        if (file.Variant is "jekyll-wrapped" or "cdt-legacy")
        {
            return true;
        }

        if (!DatedOutlets.Contains(outlet))
        {
            return false;
        }

        if (outlet == "DW" && !body.StartsWith("<div><i>", StringComparison.Ordinal))
        {
            exception = "DW item without a date element (video or gallery)";
            return false;
        }

        return true;
    }

    private void Print(string title, SortedDictionary<string, Stats> table)
    {
        output.WriteLine(title);
        output.WriteLine($"{"",-28} {"files",5} {"ok",4} {"kept",8} {"blocks",6} {"leaks",5} {"dated",6} {"outlet",6} {"leads",5} {"authors",7} {"images",6} {"capt",5} {"media",5} {"feed-pub h",11}  languages / warnings");
        foreach (var (name, s) in table)
        {
            var languages = string.Join(" ", s.Languages.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}:{l.Value}"));
            var warnings = s.Warnings.Count == 0 ? string.Empty : $" / {s.Warnings.Count} warnings";
            var delta = s.FeedMinusPublished.Count == 0 ? "-" : $"{s.FeedMinusPublished.Min():F1}..{s.FeedMinusPublished.Max():F1}";

            output.WriteLine($"{name,-28} {s.Files,5} {s.Accepted,4} {s.KeptShare,8:P2} {s.Blocks,6} {s.Leaks,5} {s.Dated,6} {s.OutletRight,6} {s.Leads,5} {s.Authors,7} {s.Images,6} {s.Captions,5} {s.Media,5} {delta,11}  {languages}{warnings}");
        }

        foreach (var (name, s) in table)
        {
            foreach (var missing in s.Missing)
            {
                output.WriteLine($"    {name}: not in text: {missing}");
            }

            if (s.Warnings.Count + s.Odd.Count > 0)
            {
                output.WriteLine($"    {name}: warnings: {string.Join(", ", s.Warnings)}; languages other than zh-Hans: {string.Join(", ", s.Odd)}");
            }
        }

        output.WriteLine(string.Empty);
    }

    private static Stats Get(SortedDictionary<string, Stats> table, string key)
    {
        if (!table.TryGetValue(key, out var stats))
        {
            table[key] = stats = new Stats();
        }

        return stats;
    }

    /// <summary>
    /// The article's own text blocks, found with AngleSharp independently of the reader's block logic: each innermost
    /// p, li, blockquote and heading outside boilerplate, split at line breaks, whitespace-normalised.
    /// </summary>
    internal static IEnumerable<string> ReferenceBlocks(HtmlParser parser, string body)
    {
        const string Blocks = "p, li, blockquote, h1, h2, h3, h4";
        var document = parser.ParseDocument(body);
        foreach (var element in document.QuerySelectorAll(Blocks))
        {
            if (element.QuerySelector(Blocks + ", div") is not null || IsBoilerplate(element))
            {
                continue;
            }

            var line = new StringBuilder();
            foreach (var node in element.Descendants())
            {
                if (node is IText t && !t.Ancestors<IElement>().Any(a => a.LocalName is "svg" or "script" or "style" or "noscript" or "template"))
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
                if (text.Length > 0 && !LeakBlocks.Contains(text))
                {
                    yield return text;
                }
            }
        }
    }

    private static bool IsBoilerplate(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            var classes = (e.GetAttribute("class") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var content = e.TextContent.Trim();
            if (e.LocalName is "script" or "noscript" or "style" or "template" or "svg"
                || classes.Any(c => c is "t-copyright" or "m-interstitial__ad" or "m-block-ad" or "off-screen" or "story-image-copyright" or "embed-youtube-warning"
                    || c.StartsWith("bbccom_", StringComparison.Ordinal))
                || e.LocalName.Contains("m-block-ad", StringComparison.Ordinal)
                || e.Attributes.Any(a => a.Name.StartsWith("data-selfpromo", StringComparison.Ordinal))
                || content.StartsWith("获取更多RSS", StringComparison.Ordinal)
                || content.StartsWith("Feed enhanced by", StringComparison.Ordinal)
                || (content.StartsWith("©", StringComparison.Ordinal) && content.Contains("Permalink", StringComparison.Ordinal))
                || classes.Any(c => c.Contains("trustBadgeContainer", StringComparison.Ordinal))
                || (e.LocalName == "p" && content.StartsWith("©", StringComparison.Ordinal) && content.Contains("版权声明", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Stats
    {
        public int Files;
        public int Accepted;
        public int Blocks;
        public int Kept;
        public int Leaks;
        public int Dated;
        public int OutletRight;
        public int Leads;
        public int Authors;
        public int Images;
        public int Captions;
        public int Media;
        public Dictionary<string, int> Languages { get; } = new(StringComparer.Ordinal);
        public List<string> Missing { get; } = [];
        public List<string> Warnings { get; } = [];
        public List<string> Odd { get; } = [];
        public List<double> FeedMinusPublished { get; } = [];

        public double KeptShare => Blocks == 0 ? 1.0 : (double)Kept / Blocks;
    }
}
