using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

if (args.Contains("--hash"))
{
    // Every value of every article, hashed: compares the output of two generator versions (bench/run.sh does not use it).
    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    void Add(string? value) => sha.AppendData(Encoding.UTF8.GetBytes((value ?? "<null>") + "\u0001"));
    foreach (var a in Consumer.Articles.All)
    {
        Add(a.Id); Add(a.SeedPath); Add(a.Title); Add(a.RawTitle); Add(a.Column); Add(a.Url.OriginalString); Add(a.Outlet); Add(a.Author); Add(a.Credit);
        Add(a.FeedPublishedAt?.ToString("O")); Add(a.PublishedAt?.ToString("O")); Add(a.PublishedAtPrecision?.ToString()); Add(a.Lead);
        foreach (var s in a.Sections) { Add("section"); Add(s.Heading); foreach (var p in s.Paragraphs) { Add(p); } }
        foreach (var p in a.Paragraphs) { Add(p); }
        Add(a.Text); Add(a.Html);
        foreach (var i in a.Images) { Add(i.Url.OriginalString); Add(i.Alt); Add(i.Caption); }
        Add(a.Language);
        foreach (var m in a.Media) { Add(m.Kind.ToString()); Add(m.Url.OriginalString); }
        foreach (var t in a.Tags) { Add("tag"); Add(t); }
        foreach (var c in a.Categories) { Add("category"); Add(c); }
        Add(Consumer.Articles.FindById(a.Id)?.Id); Add(Consumer.Articles.FindByUrl(a.Url)?.Id);
        Add(a.CharacterCount.ToString()); Add(a.ReadingTime.ToString());
    }

    Console.WriteLine("hash=" + Convert.ToHexString(sha.GetHashAndReset()));
    return;
}

if (args.Length == 2 && args[0] == "--json")
{
    // The JSON peer's input (bench/storage.sh): id, title and text of every article, as UTF-8 without escapes.
    using var file = System.IO.File.Create(args[1]);
    using var json = new System.Text.Json.Utf8JsonWriter(file, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    json.WriteStartArray();
    foreach (var a in Consumer.Articles.All)
    {
        json.WriteStartObject();
        json.WriteString("Id", a.Id);
        json.WriteString("Title", a.Title);
        json.WriteString("Text", a.Text);
        json.WriteEndObject();
    }

    json.WriteEndArray();
    return;
}

if (args.Contains("--first-use"))
{
    // First use of All, then one article's body on first touch (its Text), each from a cold start (bench/storage.sh).
    var first = Stopwatch.GetTimestamp();
    var all = Consumer.Articles.All;
    var listed = all.Count;
    var firstUse = Stopwatch.GetElapsedTime(first);
    var touch = Stopwatch.GetTimestamp();
    var length = all[listed / 2].Text.Length;
    var oneBody = Stopwatch.GetElapsedTime(touch);
    // Another body, of another group and chunk: its data is as cold, the code that reads it no longer is (JIT).
    var again = Stopwatch.GetTimestamp();
    length += all[listed / 4].Text.Length;
    var otherBody = Stopwatch.GetElapsedTime(again);
    Console.WriteLine(FormattableString.Invariant($"articles={listed} first_use_ms={firstUse.TotalMilliseconds:F2} one_body_ms={oneBody.TotalMilliseconds:F3} other_body_ms={otherBody.TotalMilliseconds:F3} text={length}"));
    return;
}

if (args.Contains("--start-only"))
{
    // The floor of start→ready: the same process and assembly, no article touched (bench/run.sh reports it).
    var started = DateTime.Now - Process.GetCurrentProcess().StartTime;
    Console.WriteLine(FormattableString.Invariant($"articles=0 characters=0 main_to_ready_ms=0.0 start_to_ready_ms={started.TotalMilliseconds:F0}"));
    return;
}

// Every Title and Text of the compiled corpus, from process start.
var main = Stopwatch.GetTimestamp();
long characters = 0;
var count = 0;
foreach (var article in Consumer.Articles.All)
{
    characters += article.Title.Length + article.Text.Length;
    count++;
}

var mainToReady = Stopwatch.GetElapsedTime(main);
var startToReady = DateTime.Now - Process.GetCurrentProcess().StartTime;
Console.WriteLine(FormattableString.Invariant($"articles={count} characters={characters} main_to_ready_ms={mainToReady.TotalMilliseconds:F1} start_to_ready_ms={startToReady.TotalMilliseconds:F0} working_set_mb={Environment.WorkingSet / 1048576.0:F0}"));
