using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.CompilerServices;
// step probe: where the first use of All goes (each step's wall and JIT time, methods compiled)
var asm = Assembly.LoadFrom(args[0]);
var flags = BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
var data = asm.GetType("Consumer.ArticlesData")!;
var storeType = asm.GetType("Consumer.ArticleStore")!;
var cc = asm.GetType("Consumer.CompiledConstants")!;
typeof(string).GetProperty("Length")!.GetValue("warm");
var steps = new List<string>();
var sw = new Stopwatch();
double J() => JitInfo.GetCompilationTime(false).TotalMilliseconds;
long M() => JitInfo.GetCompiledMethodCount(false);
void Step(string name, Action a) { var j = J(); var m = M(); sw.Restart(); a(); var t = sw.Elapsed.TotalMilliseconds; steps.Add($"{name}={t:F1}/{J() - j:F1}/{M() - m}"); }
Step("loadSRM", () => typeof(System.Reflection.Metadata.MetadataReader).TypeHandle.ToString());
unsafe { Step("rawmeta", () => { System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(asm, out var b, out var l); }); }
unsafe { Step("reader", () => { System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(asm, out var b, out var l); var r = new System.Reflection.Metadata.MetadataReader(b, l); }); }
unsafe { Step("reader2", () => { System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(asm, out var b, out var l); var r = new System.Reflection.Metadata.MetadataReader(b, l); }); }
object store = null!;
Step("cctor", () => { RuntimeHelpers.RunClassConstructor(data.TypeHandle); store = data.GetField("Store", flags)!.GetValue(null)!; });
var constants = storeType.GetField("_constants", flags)!.GetValue(store)!;
Step("has", () => cc.GetMethod("Has", flags)!.Invoke(constants, ["Chunk0000"]));
var loaded = storeType.BaseType!.GetProperty("Loaded")!;
Step("loaded", () => loaded.GetValue(store));
Console.WriteLine(string.Join(" ", steps));
if (Environment.GetEnvironmentVariable("STARTS") != null) { var st = (int[])storeType.GetField("_chunkStarts", flags)!.GetValue(store)!; Console.WriteLine($"chunks={st.Length - 1} sizes={string.Join(",", st.Zip(st.Skip(1), (a, b) => b - a).Distinct())}"); }
