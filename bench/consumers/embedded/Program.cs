using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;
using AngleSharp.Html.Parser;

// Every title and text, from the raw seeds embedded in the assembly, parsed with AngleSharp at run time. This does less
// than the generator (no entity decoding of titles, no cleaning, no whitespace normalisation): a generous baseline.
// Like the generated side, which keeps every Title and Text once read, it keeps what it read: that is "ready".
var main = Stopwatch.GetTimestamp();
var ready = new System.Collections.Generic.List<(string Title, string Text)>();
var assembly = Assembly.GetExecutingAssembly();
var parser = new HtmlParser();
long characters = 0;
var count = 0;
foreach (var name in assembly.GetManifestResourceNames())
{
    using var stream = assembly.GetManifestResourceStream(name)!;
    using var reader = new StreamReader(stream, Encoding.UTF8);
    var seed = reader.ReadToEnd();
    var separator = seed.IndexOf("\n------", StringComparison.Ordinal);
    var open = seed.IndexOf('[');
    var close = seed.LastIndexOf("](", separator, StringComparison.Ordinal);
    var title = seed.Substring(open + 1, close - open - 1).Trim();
    var bodyStart = seed.IndexOf('\n', separator + 1) + 1;
    using var document = parser.ParseDocument(seed.Substring(bodyStart));
    var text = document.Body?.TextContent ?? string.Empty;
    ready.Add((title, text));
    characters += title.Length + text.Length;
    count++;
}

var mainToReady = Stopwatch.GetElapsedTime(main);
var startToReady = DateTime.Now - Process.GetCurrentProcess().StartTime;
GC.KeepAlive(ready);
Console.WriteLine(FormattableString.Invariant($"articles={count} characters={characters} main_to_ready_ms={mainToReady.TotalMilliseconds:F1} start_to_ready_ms={startToReady.TotalMilliseconds:F0}"));
