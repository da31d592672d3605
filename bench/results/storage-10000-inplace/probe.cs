using System.Diagnostics;
using System.Reflection;
using System.Runtime;
// probe DLL: the first use of Articles.All and one body's first touch in a fresh process (wall, CPU, JIT time and methods
// compiled), then the same store made again (code compiled, pages touched)
var proc = Process.GetCurrentProcess();
var asm = Assembly.LoadFrom(args[0]);
var articles = asm.GetType("Consumer.Articles")!;
var allProperty = articles.GetProperty("All")!;
var textProperty = asm.GetType("Consumer.Article")!.GetProperty("Text")!;
typeof(string).GetProperty("Length")!.GetValue("warm"); // the reflection invoke path, warmed outside the timings
static double Jit() => JitInfo.GetCompilationTime(false).TotalMilliseconds;
static long Methods() => JitInfo.GetCompiledMethodCount(false);
var cpu0 = proc.TotalProcessorTime; var jit0 = Jit(); var m0 = Methods(); var sw = Stopwatch.StartNew();
var all = (System.Collections.IList)allProperty.GetValue(null)!;
var count = all.Count;
var first = sw.Elapsed.TotalMilliseconds; proc.Refresh(); var firstCpu = (proc.TotalProcessorTime - cpu0).TotalMilliseconds; var jit1 = Jit(); var m1 = Methods();
var article = all[count / 2]!;
sw.Restart();
var length = ((string)textProperty.GetValue(article)!).Length;
var body = sw.Elapsed.TotalMilliseconds; var jit2 = Jit(); var m2 = Methods();
var storeType = asm.GetType("Consumer.ArticleStore")!;
var data = asm.GetType("Consumer.ArticlesData")!;
var store = data.GetField("Store", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
var starts = (int[])storeType.GetField("_chunkStarts", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store)!;
var positions = (int[])storeType.GetField("_slotPositions", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store)!;
var ctor = storeType.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(Type), typeof(int[]), typeof(int[])])!;
var allOf = storeType.BaseType!.GetProperty("All")!;
var warm = new List<double>();
for (var i = 0; i < 3; i++)
{
    var again = ctor.Invoke([data, starts, positions]);
    sw.Restart();
    var list = (System.Collections.IList)allOf.GetValue(again)!;
    var c = list.Count;
    warm.Add(sw.Elapsed.TotalMilliseconds);
}
Console.WriteLine($"first_use_ms={first:F1} cpu_ms={firstCpu:F1} jit_ms={jit1 - jit0:F1} jit_methods={m1 - m0} one_body_ms={body:F2} body_jit_ms={jit2 - jit1:F2} body_jit_methods={m2 - m1} warm_ms={string.Join('/', warm.Select(w => w.ToString("F1")))} count={count} text={length}");
