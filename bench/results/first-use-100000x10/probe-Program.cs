using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using Corpus;

// First use of Articles.All in the search app over shards (issue 22), without rebuilding the app: Consumer.Articles by
// reflection (its property getter is the generated one: `=> __CorpusData.Merged.All`), then Count, one article's Text.
var start = Stopwatch.GetTimestamp();
// Loaded by path and found among its types (the app has no seeds of its own: a few): no type or assembly name is parsed before the first use (the
// type-name parser's first use is a cost of its own, which the runtime's code must meet in its own time).
var type = Array.Find(Assembly.LoadFrom(System.IO.Path.Combine(AppContext.BaseDirectory, "Consumer.dll")).GetTypes(), t => t.FullName == "Consumer.Articles")!;
var property = type.GetProperty("All")!;
var found = Stopwatch.GetElapsedTime(start);
var cctorMs = 0.0;
if (Environment.GetEnvironmentVariable("PROBE_CCTOR") == "1")
{
    // The data class's static constructor alone (the stores made, every shard's assembly loaded), then the first use.
    var data = type.Assembly.GetTypes();
    var c0 = Stopwatch.GetTimestamp();
    foreach (var t in data) if (t.Name.EndsWith("Data", StringComparison.Ordinal) && t.DeclaringType is null) System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(t.TypeHandle);
    cctorMs = Stopwatch.GetElapsedTime(c0).TotalMilliseconds;
}
var cpu = Environment.CpuUsage.TotalTime;
var first = Stopwatch.GetTimestamp();
var all = (IReadOnlyList<Article>)property.GetValue(null)!;
var listed = all.Count;
var firstUse = Stopwatch.GetElapsedTime(first);
var firstUseCpu = Environment.CpuUsage.TotalTime - cpu;
var touch = Stopwatch.GetTimestamp();
var length = all[listed / 2].Text.Length;
var oneBody = Stopwatch.GetElapsedTime(touch);
var again = Stopwatch.GetTimestamp();
length += all[listed / 4].Text.Length;
var otherBody = Stopwatch.GetElapsedTime(again);
string hash = "";
if (args.Length > 0 && args[0] == "--ids")
{
    // Every Id and Title in the order of All, hashed: the same order before and after a change.
    var h = new System.Security.Cryptography.IncrementalHash[] { System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256) }[0];
    foreach (var a in all) { h.AppendData(System.Text.Encoding.UTF8.GetBytes(a.Id + "\n" + a.Title + "\n" + a.PublishedAt + "\n")); }
    var n = 0; foreach (var a in all) n++;
    hash = " ids_sha=" + Convert.ToHexString(h.GetHashAndReset())[..16] + " enumerated=" + n;
}
Console.WriteLine(FormattableString.Invariant($"articles={listed} find_type_ms={found.TotalMilliseconds:F2} cctor_ms={cctorMs:F2} first_use_ms={firstUse.TotalMilliseconds:F2} first_use_cpu_ms={firstUseCpu.TotalMilliseconds:F1} one_body_ms={oneBody.TotalMilliseconds:F3} other_body_ms={otherBody.TotalMilliseconds:F3} text={length}{hash}"));
