using System;
using System.Diagnostics;

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
Console.WriteLine(FormattableString.Invariant($"articles={count} characters={characters} main_to_ready_ms={mainToReady.TotalMilliseconds:F1} start_to_ready_ms={startToReady.TotalMilliseconds:F0}"));
