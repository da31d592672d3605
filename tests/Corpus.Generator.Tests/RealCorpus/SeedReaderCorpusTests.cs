using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Corpus.Generator.Reading;
using Corpus.Generator.Tests.Robustness;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>Reads every file of the shared real corpus (when present beside the repository).</summary>
public sealed class SeedReaderCorpusTests(ITestOutputHelper output)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [SharedCorpusFact]
    public void Every_real_seed_reads_without_problems()
    {
        var corpus = Repository.SharedCorpus!;

        var files = Directory.GetFiles(Path.Combine(corpus, "real"), "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();

        // The README states 934 files; a smaller count means the folder moved or was truncated, not that all is well.
        Assert.Equal(934, files.Count);
        var outlets = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var withColumn = 0;
        var withHeader = 0;
        var withDateLine = 0;
        foreach (var file in files)
        {
            var result = SeedReaderRobustnessTests.AssertConsistent(StrictUtf8.GetString(File.ReadAllBytes(file)));
            Assert.True(result.Problems.Count == 0, Path.GetFileName(file) + ": " + string.Join("; ", result.Problems));
            var seed = result.Seed;
            Assert.NotNull(seed);
            Assert.True(Uri.TryCreate(seed.Url, UriKind.Absolute, out var uri), Path.GetFileName(file) + ": " + seed.Url);
            Assert.True(uri.Scheme is "http" or "https", seed.Url);
            Assert.False(string.IsNullOrWhiteSpace(seed.RawTitle), file);
            Assert.NotEmpty(seed.Body);
            Assert.DoesNotContain('\n', seed.Body);

            var outlet = Outlets.FromUrl(seed.Url);
            Assert.Contains(outlet, Outlets.Known);
            outlets[outlet] = outlets.TryGetValue(outlet, out var count) ? count + 1 : 1;

            var title = TitleParser.Parse(seed.RawTitle, seed.Url);
            Assert.False(string.IsNullOrWhiteSpace(title.Title), file);
            withColumn += title.Column is null ? 0 : 1;
            withHeader += seed.FeedEpochMilliseconds is null ? 0 : 1;
            withDateLine += seed.DateLine is null ? 0 : 1;
        }

        output.WriteLine($"real: {files.Count} files, {withHeader} with header, {withDateLine} with 日期 line, {withColumn} with a column");
        output.WriteLine(string.Join(", ", outlets.Select(o => $"{o.Key} {o.Value}")));

        // Independent counts from corpus/README.md.
        Assert.Equal(330, outlets[Outlets.Rfi]);
        Assert.Equal(100, outlets[Outlets.Reuters]);
        Assert.Equal(94, outlets[Outlets.ChinaDigitalTimes]);
        Assert.Equal(90, outlets[Outlets.Dw]);
        Assert.Equal(90, outlets[Outlets.Voa]);
        Assert.Equal(60, outlets[Outlets.Bbc]);
        Assert.Equal(60, outlets[Outlets.Rfa]);
        Assert.Equal(60, outlets[Outlets.Ft]);
        Assert.Equal(50, outlets[Outlets.Nyt]);
    }

    [SharedCorpusFact]
    public void Every_legacy_china_digital_times_seed_has_its_date_line()
    {
        var corpus = Repository.SharedCorpus!;

        var files = Directory.GetFiles(Path.Combine(corpus, "cdt-legacy"), "*.txt");
        Assert.Equal(30, files.Length);
        foreach (var file in files)
        {
            var result = SeedReaderRobustnessTests.AssertConsistent(StrictUtf8.GetString(File.ReadAllBytes(file)));
            Assert.True(result.Problems.Count == 0, Path.GetFileName(file) + ": " + string.Join("; ", result.Problems));
            var seed = result.Seed;
            Assert.NotNull(seed);
            Assert.Null(seed.FeedEpochMilliseconds);
            Assert.True(Uri.TryCreate(seed.Url, UriKind.Absolute, out _), seed.Url);
            Assert.Equal(Outlets.ChinaDigitalTimes, Outlets.FromUrl(seed.Url));

            // RFC 822 as the renderer writes it: "Sun, 28 Jun 2020 15:42:36 +0000".
            Assert.NotNull(seed.DateLine);
            Assert.EndsWith("+0000", seed.DateLine, StringComparison.Ordinal);
            Assert.True(
                DateTimeOffset.TryParseExact(seed.DateLine, "ddd, dd MMM yyyy HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
                || DateTimeOffset.TryParse(seed.DateLine, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                seed.DateLine);
            Assert.False(seed.Body.StartsWith("日期", StringComparison.Ordinal));
        }

        output.WriteLine($"cdt-legacy: {files.Length} files read without problems");
    }
}
