using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Corpus.Generator.Tests.Infrastructure;
using Corpus.Generator.Tests.Search;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>
/// The compiled index against the reference scan on the shared real corpus, for a query set drawn from its articles
/// (CJK of 1–4 characters, English words, two terms, phrases, no match, hostile): the same answer for every query;
/// CJK terms match exactly the articles whose title or text holds them; English words find every article that has
/// them as whole words. Reports the index's size against the UTF-8 bytes of the titles and texts, and informal timings.
/// </summary>
public sealed class SearchCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Hostile =
    [
        "", "   ", "\u3000\u3000", "\"", "\"\"", "((", ".*", "[a-z]+", "\\d", "$^", "a\u0000b", "😀", "🇨🇳 中国", "<script>", "'; DROP TABLE",
        new string('中', 5000), string.Join(" ", Enumerable.Range(0, 200).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture))),
        "zzqxvw", "乌克兰乌克兰乌克兰乌克兰",
    ];

    // Each folder of the shared corpus compiled once for the tests of this class.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(GenerationResult Result, byte[] Image)>> Built = new();

    private static (GenerationResult Result, byte[] Image) Build(string folder) => Built.GetOrAdd(folder, f => new(() =>
    {
        var files = Directory.GetFiles(Path.Combine(Repository.SharedCorpus!, f), "*.txt").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var project = new CorpusProject();
        foreach (var file in files)
        {
            project.WithSeed("seeds/" + Path.GetFileName(file), File.ReadAllBytes(file));
        }

        var result = project.Generate();
        return (result, result.Image());
    })).Value;

    [SharedCorpusFact]
    public void The_index_answers_every_query_as_the_scan_and_CJK_terms_match_exactly()
    {
        var (result, image) = Build("real");
        var corpus = LoadedCorpus.From(image, "Consumer.Articles");
        using var probe = new SearchProbe(image);

        var (cjk, words, others) = Queries(corpus.All);
        var all = cjk.Concat(words).Concat(others).ToList();
        Assert.True(cjk.Count >= 80 && words.Count >= 40, $"{cjk.Count} CJK and {words.Count} word queries");

        var comparer = new SearchValuesComparer();
        var options = new SearchOptionValues(Take: 1000);
        foreach (var query in all)
        {
            var index = probe.Search(query, options);
            Assert.True(comparer.Equals(probe.Scan(query, options), index), "index and scan differ for: " + query);
        }

        Assert.Equal(["SearchSegment"], probe.SourceKinds);

        // CJK exactly: an article matches if and only if its title or text holds the term.
        foreach (var query in cjk.Where(q => !q.Contains(' ', StringComparison.Ordinal)))
        {
            var expected = corpus.All.Where(a => a.Title.Contains(query, StringComparison.Ordinal) || a.Text.Contains(query, StringComparison.Ordinal)).Select(a => a.Id).Order(StringComparer.Ordinal);
            Assert.Equal(expected, probe.Search(query, options).Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        }

        // Whole words: every article that has the word (any case) as a word is found (the last term may find more: a prefix).
        foreach (var query in words.Where(q => !q.Contains(' ', StringComparison.Ordinal)))
        {
            var word = new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(query) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var found = probe.Search(query, options).Hits.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(corpus.All.Where(a => word.IsMatch(a.Title) || word.IsMatch(a.Text)), a => Assert.Contains(a.Id, found));
        }

        Report(result, corpus, probe, all);
    }

    /// <summary>
    /// Any stretch of a real title or text as typed or pasted (punctuation, digits, Latin and CJK touching, spaces, quotes)
    /// is answered as the reference scan answers it, a third of them with filters, order and page drawn from an article:
    /// random but repeatable (a fixed seed), 600 queries a folder, over the real seeds and their variants (the legacy
    /// China Digital Times pages, the Jekyll-wrapped copies); and the related articles of 40 of them, as the scan
    /// relates them.
    /// </summary>
    [SharedCorpusTheory]
    [InlineData("real")]
    [InlineData("cdt-legacy")]
    [InlineData("jekyll-wrapped")]
    public void Any_stretch_of_an_article_is_answered_as_the_scan_answers_it(string folder)
    {
        var (_, image) = Build(folder);
        var corpus = LoadedCorpus.From(image, "Consumer.Articles");
        using var probe = new SearchProbe(image);
        var random = new Random(2312);
        var comparer = new SearchValuesComparer();
        var found = 0;
        for (var i = 0; i < 600; i++)
        {
            var (query, options) = Draw(corpus.All, random, i);
            var index = probe.Search(query, options);
            Assert.True(comparer.Equals(probe.Scan(query, options), index), "index and scan differ for: " + query);
            found += index.Total > 0 ? 1 : 0;
        }

        // A stretch of an article finds that article at least, unless it is only punctuation or spaces.
        Assert.True(found >= 400, $"{found} of 600 queries found an article");

        // Related articles by the index are the scan's, for 40 articles drawn alike.
        for (var i = 0; i < 40; i++)
        {
            var id = corpus.All[random.Next(corpus.All.Count)].Id;
            Assert.Equal(probe.ScanRelated(id, 5), probe.Related(id, 5));
        }
    }

    /// <summary>
    /// An app over two shards of the real seeds (and a third of them its own) answers random stretches, with filters,
    /// order and page, as one project of the same seeds: statistics merged across the shards' indexes.
    /// </summary>
    [SharedCorpusFact]
    public void An_app_over_shards_of_the_real_seeds_answers_as_one_project()
    {
        var (_, image) = Build("real");
        var seeds = Directory.GetFiles(Path.Combine(Repository.SharedCorpus!, "real"), "*.txt").OrderBy(p => p, StringComparer.Ordinal)
            .Select(f => ("seeds/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var (app, images) = Generation.ShardTests.App(
            Generation.ShardTests.Shard("ShardA", seeds.Where((_, i) => i % 3 == 0)),
            Generation.ShardTests.Shard("ShardB", seeds.Where((_, i) => i % 3 == 1)));
        foreach (var (path, text) in seeds.Where((_, i) => i % 3 == 2))
        {
            app.WithSeed(path, text);
        }

        using var sharded = new SearchProbe(app.Generate().Image(), dependencies: images);
        using var single = new SearchProbe(image);
        var corpus = LoadedCorpus.From(image, "Consumer.Articles");
        var random = new Random(17);
        var comparer = new SearchValuesComparer();
        for (var i = 0; i < 300; i++)
        {
            var (query, options) = Draw(corpus.All, random, i);
            Assert.True(comparer.Equals(single.Search(query, options), sharded.Search(query, options)), "shards and one project differ for: " + query);
        }

        Assert.Equal(["SearchSegment"], sharded.SourceKinds);
    }

    /// <summary>A stretch of up to 12 characters of an article's title or text, every fifth quoted or with a second term, every third with options.</summary>
    private static (string Query, SearchOptionValues Options) Draw(IReadOnlyList<ArticleValues> articles, Random random, int i)
    {
        var article = articles[random.Next(articles.Count)];
        var options = i % 3 == 0 ? Options(article, random) : new SearchOptionValues(Take: 20);
        var text = random.Next(4) == 0 ? article.Title : article.Text;
        var length = 1 + random.Next(Math.Min(12, Math.Max(1, text.Length)));
        var start = random.Next(Math.Max(1, text.Length - length));
        var query = text.Substring(start, Math.Min(length, text.Length - start));
        query = (i % 5) switch
        {
            3 => "\"" + query + "\"",
            4 => query + " " + text.Substring(random.Next(Math.Max(1, text.Length - 3)), Math.Min(3, text.Length)),
            _ => query,
        };

        return (query, options);
    }

    /// <summary>Filters, order and page drawn from an article (its outlet, language, year, a window around its date, a tag), each set or not.</summary>
    private static SearchOptionValues Options(ArticleValues article, Random random)
    {
        var date = article.PublishedAt;
        var language = article.Language.Length > 2 && random.Next(2) == 0 ? article.Language[..2] : article.Language;
        return new SearchOptionValues(
            Outlet: random.Next(3) == 0 ? article.Outlet.ToUpperInvariant() : null,
            Language: random.Next(3) == 0 ? language : null,
            Tag: article.Tags.Count > 0 && random.Next(3) == 0 ? article.Tags[random.Next(article.Tags.Count)] : null,
            From: date is not null && random.Next(4) == 0 ? date.Value.AddDays(-random.Next(30)) : null,
            To: date is not null && random.Next(4) == 0 ? date.Value.AddDays(random.Next(30)) : null,
            Newest: random.Next(2) == 0,
            Skip: random.Next(4) == 0 ? random.Next(6) : 0,
            Take: 1 + random.Next(20),
            Year: date is not null && random.Next(4) == 0 ? date.Value.Year : null);
    }

    /// <summary>Queries drawn from the articles at fixed places: the same set on every run.</summary>
    private static (List<string> Cjk, List<string> Words, List<string> Others) Queries(IReadOnlyList<ArticleValues> articles)
    {
        var cjk = new List<string>();
        var words = new List<string>();
        var others = new List<string>(Hostile);
        for (var i = 0; i < articles.Count; i += 9)
        {
            var text = articles[i].Text;
            var tokens = SearchAnalyzer.Tokenize(text);
            var runs = tokens.Where(t => t.IsCjk).ToList();
            if (runs.Count > 40)
            {
                var length = 1 + (i % 4);
                var start = runs[(i * 7) % (runs.Count - 5)].Start;
                if (start + length <= text.Length && text.Substring(start, length).All(SearchAnalyzer.IsCjk))
                {
                    cjk.Add(text.Substring(start, length));
                }

                // Characters apart (a text pasted with spaces): each clause of one character is found in the documents
                // of those before it, rarest first (SearchSegment.Find of several clauses); some share no document.
                var apart = Enumerable.Range(0, 2 + (i % 5)).Select(j => runs[((i * 11) + (j * 17)) % runs.Count]).Select(t => text[t.Start..t.End]);
                others.Add(string.Join(" ", apart));

                var second = runs[(i * 13) % (runs.Count - 5)].Start;
                if (second + 2 <= text.Length && text.Substring(second, 2).All(SearchAnalyzer.IsCjk) && cjk.Count > 0)
                {
                    cjk.Add(cjk[^1] + " " + text.Substring(second, 2));
                }
            }

            // Clauses with a CJK character alone (next to a word, or apart from the next CJK character): the index
            // reads those documents to check (SearchSegment.Verify), where runs of two or more are bigrams.
            for (var k = (i * 3) % 50; k + 2 < tokens.Count && k < 400; k += 97)
            {
                var (left, right) = (tokens[k], tokens[k + 1]);
                if (left.IsCjk != right.IsCjk && right.Position == left.Position + 1)
                {
                    others.Add(text.Substring(left.Start, right.End - left.Start));
                }
                else if (left.IsCjk && right.IsCjk && right.Position == left.Position + 2)
                {
                    others.Add("\"" + text.Substring(left.Start, right.End - left.Start) + "\"");
                }
            }

            var latin = tokens.Where(t => !t.IsCjk && t.Term.Length >= 4 && t.Term.All(c => c < 128 && char.IsLetter(c))).ToList();
            if (latin.Count > 3)
            {
                var at = (i * 5) % (latin.Count - 2);
                words.Add(latin[at].Term);
                words.Add(latin[at].Term + " " + latin[at + 1].Term);
                if (runs.Count > 0)
                {
                    others.Add(latin[at].Term + " " + text[runs[i % runs.Count].Start..runs[i % runs.Count].End] + " ");
                }

                if (latin[at + 1].Position == latin[at].Position + 1)
                {
                    // Two touching words, the second cut (a clause whose last unit is a prefix: its words are read only
                    // in the documents of the first).
                    others.Add(latin[at].Term + "-" + latin[at + 1].Term[..2]);
                    others.Add("\"" + text.Substring(latin[at].Start, latin[at + 1].End - latin[at].Start) + "\"");
                }
            }
        }

        return (cjk.Distinct(StringComparer.Ordinal).ToList(), words.Distinct(StringComparer.Ordinal).ToList(), others);
    }

    private void Report(GenerationResult result, LoadedCorpus corpus, SearchProbe probe, List<string> queries)
    {
        // The index's bytes: each constant's characters carry 14 bits, after two characters of length.
        long characters = 0;
        long constants = 0;
        foreach (var source in result.Sources.Where(s => s.HintName.StartsWith("Corpus.Search.", StringComparison.Ordinal)))
        {
            foreach (var line in source.SourceText.ToString().Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("internal const string ", StringComparison.Ordinal))
                {
                    constants++;
                }
                else if (trimmed.StartsWith('"'))
                {
                    characters += trimmed.LastIndexOf('"') - 1;
                }
            }
        }

        var indexBytes = (characters - (2 * constants)) * 14 / 8;
        var textBytes = corpus.All.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Text));
        output.WriteLine($"index: {indexBytes:N0} bytes in {constants} constants ({characters * 2:N0} bytes of metadata); titles and texts: {textBytes:N0} UTF-8 bytes; ratio {(double)indexBytes / textBytes:F3}");

        // Informal timings (no assertion): each query warm, the index and the scan.
        foreach (var query in queries)
        {
            probe.Search(query);
        }

        var index = Time(queries, q => probe.Search(q));
        var scan = Time(queries.Take(60).ToList(), q => probe.Scan(q));
        output.WriteLine($"{queries.Count} queries, warm: index p50 {index[index.Count / 2]:F3} ms, p99 {index[index.Count * 99 / 100]:F3} ms, max {index[^1]:F3} ms; scan p50 {scan[scan.Count / 2]:F3} ms");
    }

    private static List<double> Time(List<string> queries, Action<string> search)
    {
        var times = new List<double>();
        foreach (var query in queries)
        {
            var watch = Stopwatch.StartNew();
            search(query);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }
}
