using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Consumer;
using Consumer.Search;

// The search bench's consumer (bench/search.sh): one engine over the compiled corpus, in a fresh process.
//   Consumer ENGINE QUERIES TOP_OUT ROUNDS   ENGINE: index (Articles.Search), scan (the linear scan), lucene (Lucene.NET)
//   Consumer --stats                         the corpus: articles, UTF-8 bytes of every Title and Text, the index's size
//   Consumer first QUERY                     one search straight from Main and nothing else, as an app that answers at start
//   Consumer filters                         searches with filters, and filters with no query (browsing): each 7 times, its total
//                                            and its median and slowest time
//   Consumer related N [IDS_OUT]             Articles.Related(article, 5) of N articles drawn with a fixed seed: a first pass over
//                                            them, then each again, timed (p50, p90, p99, max); IDS_OUT gets each one's five
// Measures process start → first answer (Lucene: its index built first), warm latency of every query of the set over
// ROUNDS rounds after one warm-up round (0: the warm-up round itself is timed), the working set and GC heap before the first search and after the rounds;
// writes each query's total and top ten ids (warm-up round) to TOP_OUT.
// entry_unix_us and first_unix_us are the wall clock (Unix µs) at Main's first line and at the first answer: a caller that
// notes its own clock just before exec gets process start → Main and → first answer without Process.StartTime's 10 ms ticks.
var entered = UnixMicroseconds();
if (args is ["first", var only])
{
    var onlyTotal = IndexEngine.Search(only).Total;
    var answered = UnixMicroseconds();
    // The JIT's work from process start to the answer (0 under NativeAOT).
    Console.WriteLine(FormattableString.Invariant($"engine=index mode=first first_total={onlyTotal} entry_unix_us={entered} first_unix_us={answered} jit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1} jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()}"));
    return;
}

if (args is ["filters"])
{
    var july = new DateTimeOffset(2020, 7, 1, 0, 0, 0, TimeSpan.Zero);
    (string Query, string Label, SearchOptions Options)[] cases =
    [
        ("", "outlet RFI", new SearchOptions { Outlet = "RFI" }),
        ("", "year 2020", new SearchOptions { Year = 2020 }),
        ("", "language zh-Hant", new SearchOptions { Language = "zh-Hant" }),
        ("", "a week of July 2020", new SearchOptions { From = july, To = july.AddDays(7) }),
        ("", "outlet RFI, page 501", new SearchOptions { Outlet = "RFI", Skip = 5000 }),
        ("中国", "", new SearchOptions()),
        ("中国", "outlet RFI", new SearchOptions { Outlet = "RFI" }),
        ("中国", "year 2020, newest", new SearchOptions { Year = 2020, Sort = SearchSort.Newest }),
        ("中国", "page 501", new SearchOptions { Skip = 5000 }),
    ];
    foreach (var (query, label, options) in cases)
    {
        var total = Articles.Search(query, options).Total;
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var at = Stopwatch.GetTimestamp();
            Articles.Search(query, options);
            times.Add(Stopwatch.GetElapsedTime(at).TotalMicroseconds);
        }

        times.Sort();
        Console.WriteLine(FormattableString.Invariant($"mode=filters articles={Articles.All.Count} query=\"{query}\" filters=\"{label}\" total={total} median_us={times[3]:F0} max_us={times[^1]:F0}"));
    }

    return;
}

if (args is ["related", var drawn, ..])
{
    var count = Articles.All.Count;
    var random = new Random(7);
    var articles = Enumerable.Range(0, int.Parse(drawn, CultureInfo.InvariantCulture)).Select(_ => Articles.All[random.Next(count)]).ToArray();
    var memoryBefore = Memory.Now();
    var started = Stopwatch.GetTimestamp();
    var related = articles.Select(a => Articles.Related(a, 5)).ToArray();
    var firstPass = Stopwatch.GetElapsedTime(started);
    var times = new List<double>(articles.Length);
    foreach (var article in articles)
    {
        var at = Stopwatch.GetTimestamp();
        Articles.Related(article, 5);
        times.Add(Stopwatch.GetElapsedTime(at).TotalMicroseconds);
    }

    var memoryAfter = Memory.Now();
    times.Sort();
    Console.WriteLine(FormattableString.Invariant(
        $"mode=related articles={count} drawn={articles.Length} first_pass_ms={firstPass.TotalMilliseconds:F1} p50_us={Percentile(times, 0.50):F1} p90_us={Percentile(times, 0.90):F1} p99_us={Percentile(times, 0.99):F1} max_us={times[^1]:F1} private_before_mib={memoryBefore.Private:F1} private_after_mib={memoryAfter.Private:F1}"));
    if (args.Length > 2)
    {
        File.WriteAllLines(args[2], articles.Select((a, i) => a.Id + "\t" + a.Title + "\t" + string.Join(" ", related[i].Select(r => r.Id))));
    }

    return;
}

if (args is ["--stats"])
{
    long bytes = 0;
    var count = 0;
    foreach (var article in Articles.All)
    {
        bytes += Encoding.UTF8.GetByteCount(article.Title) + Encoding.UTF8.GetByteCount(article.Text);
        count++;
    }

    var (stored, packed) = IndexEngine.Size();
    Console.WriteLine(FormattableString.Invariant($"articles={count} title_text_utf8_bytes={bytes} index_stored_bytes={stored} index_packed_bytes={packed}"));
    return;
}

const int Take = 10;
var engine = args[0];
var queries = File.ReadLines(args[1]).Where(l => l.Length > 0).Select(line =>
{
    var tab = line.IndexOf('\t');
    // JsonDocument, not JsonSerializer: no reflection, so the same code runs published with NativeAOT (bench/start.sh).
    using var text = JsonDocument.Parse(line[(tab + 1)..]);
    return (Kind: line[..tab], Text: text.RootElement.GetString()!);
}).ToArray();
var rounds = int.Parse(args[3], CultureInfo.InvariantCulture);

var main = Stopwatch.GetTimestamp();
var before = Memory.Now();
long indexBytes = -1;
Func<string, (int Total, IReadOnlyList<string> Ids)> search;
switch (engine)
{
    case "index":
        search = IndexEngine.Search;
        break;
    case "scan":
        search = q =>
        {
            var r = LinearScan.Search(q, Take);
            return (r.Total, r.Hits.Select(h => h.Article.Id).ToArray());
        };
        break;
    case "lucene":
        var peer = new LucenePeer(Articles.All);
        search = q => peer.Search(q, Take);
        indexBytes = peer.IndexBytes;
        break;
    default:
        Console.Error.WriteLine("unknown engine " + engine);
        Environment.Exit(2);
        return;
}

var ready = Stopwatch.GetElapsedTime(main);
// The first answer: the set's first two-character CJK query (a common kind of search, with hits).
var first = queries.First(q => q.Kind == "cjk2").Text;
var (jitBefore, jitMethodsBefore) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
var firstTotal = search(first).Total;
var firstAt = UnixMicroseconds();
var mainToFirst = Stopwatch.GetElapsedTime(main);
var firstJit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
var firstJitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore;
var startToFirst = DateTime.Now - Process.GetCurrentProcess().StartTime;

var samples = new List<double>(queries.Length * Math.Max(1, rounds));
var byKind = new Dictionary<string, List<double>>();
// Each query's slowest timing, for the slowest queries written to stderr (what a p99 is made of).
var slowest = new double[queries.Length];
// ROUNDS 0: the top-ten pass is the one timed (for the scan, whose every query reads every text: no warm-up pass).
using (var top = new StreamWriter(args[2], append: false, new UTF8Encoding(false)))
{
    for (var i = 0; i < queries.Length; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var (total, ids) = search(queries[i].Text);
        if (rounds == 0)
        {
            Record(i, Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        top.Write(FormattableString.Invariant($"{i}\t{queries[i].Kind}\t{total}\t{string.Join(",", ids)}\n"));
    }
}

for (var round = 0; round < rounds; round++)
{
    for (var i = 0; i < queries.Length; i++)
    {
        var started = Stopwatch.GetTimestamp();
        search(queries[i].Text);
        Record(i, Stopwatch.GetElapsedTime(started).TotalMicroseconds);
    }
}

var after = Memory.Now();
samples.Sort();
Console.WriteLine(FormattableString.Invariant(
    $"engine={engine} articles={Articles.All.Count} queries={queries.Length} rounds={rounds} first_total={firstTotal} ready_ms={ready.TotalMilliseconds:F1} main_to_first_ms={mainToFirst.TotalMilliseconds:F1} start_to_first_ms={startToFirst.TotalMilliseconds:F0} p50_us={Percentile(samples, 0.50):F1} p99_us={Percentile(samples, 0.99):F1} max_us={samples[^1]:F1} mean_us={samples.Average():F1} ws_before_mib={before.WorkingSet:F1} ws_after_mib={after.WorkingSet:F1} heap_before_mib={before.Heap:F1} heap_after_mib={after.Heap:F1} index_bytes={indexBytes} private_before_mib={before.Private:F1} private_after_mib={after.Private:F1} first_jit_ms={firstJit.TotalMilliseconds:F1} first_jit_methods={firstJitMethods} entry_unix_us={entered} first_unix_us={firstAt}"));
foreach (var (kind, list) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
{
    list.Sort();
    Console.WriteLine(FormattableString.Invariant($"kind={kind} p50_us={Percentile(list, 0.50):F1} p99_us={Percentile(list, 0.99):F1}"));
}

var readable = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
foreach (var i in Enumerable.Range(0, queries.Length).OrderByDescending(i => slowest[i]).Take(8))
{
    var text = queries[i].Text;
    Console.Error.WriteLine(FormattableString.Invariant($"slow: {slowest[i] / 1000:F1} ms {queries[i].Kind} #{i + 1} \"{JsonEncodedText.Encode(text.Length > 40 ? text[..40] + "…" : text, readable)}\""));
}

void Record(int query, double micros)
{
    samples.Add(micros);
    slowest[query] = Math.Max(slowest[query], micros);
    var kind = queries[query].Kind;
    (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add(micros);
}

static long UnixMicroseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

/// <summary>
/// The process's working set, the GC heap after a full collection, and the working set's private part (MiB): on Linux
/// RssAnon, the resident pages no file backs; the rest of the working set is mapped files (the assemblies whose
/// constants a query reads), which the OS can drop and read again. -1 where the OS does not say.
/// </summary>
internal readonly record struct Memory(double WorkingSet, double Heap, double Private)
{
    public static Memory Now()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        using var process = Process.GetCurrentProcess();
        return new Memory(process.WorkingSet64 / 1048576.0, heap, ResidentAnonymous());
    }

    private static double ResidentAnonymous()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return -1;
        }

        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return line is null ? -1 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
