using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.CompilerServices;
// per-method JIT cost of the first body's path: each method prepared (JIT) alone after the first use of All
var asm = Assembly.LoadFrom(args[0]);
var flags = BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
var all = (System.Collections.IList)asm.GetType("Consumer.Articles")!.GetProperty("All")!.GetValue(null)!;
var sw = new Stopwatch();
double J() => JitInfo.GetCompilationTime(false).TotalMilliseconds;
var outp = new List<string>();
foreach (var spec in args.Skip(1))
{
    var parts = spec.Split(':');
    var type = asm.GetType("Consumer." + parts[0])!;
    foreach (var m in type.GetMethods(flags).Cast<MethodBase>().Concat(type.GetConstructors(flags)).Where(m => m.Name == parts[1]))
    {
        var j = J(); sw.Restart(); RuntimeHelpers.PrepareMethod(m.MethodHandle); var t = sw.Elapsed.TotalMilliseconds;
        outp.Add($"{parts[0]}.{parts[1]}={t:F2}/{J() - j:F2}");
    }
}
sw.Restart();
var len = ((string)asm.GetType("Consumer.Article")!.GetProperty("Text")!.GetValue(all[all.Count / 2])!).Length;
outp.Add($"body={sw.Elapsed.TotalMilliseconds:F2}");
Console.WriteLine(string.Join(" ", outp));
