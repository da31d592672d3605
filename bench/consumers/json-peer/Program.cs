using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

// Every Title and Text of the embedded JSON, from process start: the same line as the generated consumer prints.
var main = Stopwatch.GetTimestamp();
using var stream = typeof(PeerArticle).Assembly.GetManifestResourceStream("corpus.json")!;
var articles = JsonSerializer.Deserialize(stream, PeerJson.Default.ListPeerArticle)!;
long characters = 0;
var count = 0;
foreach (var article in articles)
{
    characters += article.Title.Length + article.Text.Length;
    count++;
}

var mainToReady = Stopwatch.GetElapsedTime(main);
var startToReady = DateTime.Now - Process.GetCurrentProcess().StartTime;
Console.WriteLine(FormattableString.Invariant($"articles={count} characters={characters} main_to_ready_ms={mainToReady.TotalMilliseconds:F1} start_to_ready_ms={startToReady.TotalMilliseconds:F0} working_set_mb={Environment.WorkingSet / 1048576.0:F0}"));
GC.KeepAlive(articles);

internal sealed record PeerArticle(string Id, string Title, string Text);

[JsonSerializable(typeof(List<PeerArticle>))]
internal sealed partial class PeerJson : JsonSerializerContext;
