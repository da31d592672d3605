using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Running;

namespace Corpus.Bench;

/// <summary>
/// <code>
/// corpus N DIR        write an N-seed corpus made from the real seeds into DIR (for the whole-build runs of bench/run.sh)
/// cold N [times]      the generator's cold run, repeated (to profile)
/// compile N           one in-process generate + compile, timed by phase (where a build's time goes)
/// compile-edit N      the same, then one seed's body edited and the warm driver run and compiled again (the edit loop)
/// steps N [N…]        step reasons after each kind of edit, as Markdown on standard output
/// materialize N CHARS  the floor of making N strings of CHARS characters in all (no decoding)
/// ratio N [times]     generator cold run and AngleSharp floor, interleaved, with their ratio (a quick check, not BenchmarkDotNet)
/// tokenize N [times]  AngleSharp's tokenizer alone against the whole parse (what a streaming reader would start from)
/// lookups N [times]  the lookup analyzer (CORPUS015/016) in process: its time against compiling the same output
/// merge DIR [times]  the app's generator over a sharded layout's built shards (what every app build pays to merge them)
/// editorconfig N [N…]  the compiler matching N additional files against a generated .editorconfig with and without a section each
/// sanitize N [R]     the allow-list pass of Html alone against the cold run, R interleaved rounds (issue 24)
/// queries FILE [SEED]  the search bench's fixed query set, drawn from the real seeds (bench/search.sh; committed as bench/search-queries.tsv)
/// overlap A B [NAME_A NAME_B]  how much two engines' top tens agree, by kind of query (files written by bench/consumers/search)
/// search-clean DIR  the search index's part of a clean build stage by stage, as a fresh compiler runs it (DOTNET_gcServer=1)
/// search-edit DIR [R]  the same for R one-seed edits: the edited segment's write, its files, their hashes and PDB blobs
/// search-compile DIR [R]  what the compiler does with the index's files in every build: parse, bind, emit with the PDB
/// search-size DIR [DIR…]  where the search index's bytes go for the seeds of DIR: by component and class of term (issue 23)
/// hash N              SHA-256 of every generated file and diagnostic (output identical before and after a refactoring?)
/// search-bytes N      SHA-256 of the search index's bytes unpacked, whatever constants hold them (same index, other storage?)
/// bdn [BDN args]      the BenchmarkDotNet suite (GeneratorBenchmarks), e.g. bdn --filter '*'
/// </code>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: corpus N DIR | steps N [N…] | bdn [BenchmarkDotNet arguments]");
            return 2;
        }

        switch (args[0])
        {
            case "corpus":
                var count = int.Parse(args[1], CultureInfo.InvariantCulture);
                var bytes = SeedCorpus.Write(count, Path.GetFullPath(args[2]));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} seeds, {bytes} bytes"));
                return 0;
            case "steps":
                for (var i = 1; i < args.Length; i++)
                {
                    Console.Write(StepReport.Run(int.Parse(args[i], CultureInfo.InvariantCulture)));
                }

                return 0;
            case "compile":
                Console.WriteLine(CompileProbe.Header);
                Console.Write(CompileProbe.Run(int.Parse(args[1], CultureInfo.InvariantCulture)));
                return 0;
            case "compile-edit":
                Console.WriteLine(CompileProbe.EditHeader);
                Console.Write(CompileProbe.Edit(int.Parse(args[1], CultureInfo.InvariantCulture)));
                return 0;
            case "cold":
                // For a profiler: the generator's cold run, repeated (e.g. dotnet-trace collect -- dotnet Corpus.Bench.dll cold 10000 3).
                var harness = new GeneratorHarness(int.Parse(args[1], CultureInfo.InvariantCulture));
                for (var i = 0; i < (args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1); i++)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var files = harness.CreateDriver(trackSteps: false).RunGenerators(harness.Compilation).GetRunResult().GeneratedTrees.Length;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold run {i + 1}: {watch.Elapsed.TotalSeconds:F2} s, {files} files"));
                }

                return 0;
            case "ratio":
                {
                    var ratioHarness = new GeneratorHarness(int.Parse(args[1], CultureInfo.InvariantCulture));
                    var times = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
                    Console.WriteLine(QuickRatio.Run(ratioHarness, times));
                    return 0;
                }

            case "sanitize":
                Console.WriteLine(SanitizerProbe.Run(
                    new GeneratorHarness(int.Parse(args[1], CultureInfo.InvariantCulture)),
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5));
                return 0;
            case "tokenize":
                Console.WriteLine(QuickRatio.Tokenize(
                    new GeneratorHarness(int.Parse(args[1], CultureInfo.InvariantCulture)),
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3));
                return 0;
            case "lookups":
                Console.Write(LookupProbe.Run(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3));
                return 0;
            case "merge":
                Console.Write(MergeProbe.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5));
                return 0;
            case "editorconfig":
                for (var i = 1; i < args.Length; i++)
                {
                    Console.Write(EditorConfigProbe.Run(int.Parse(args[i], CultureInfo.InvariantCulture)));
                }

                return 0;
            case "queries":
                SearchQueries.Write(Path.GetFullPath(args[1]), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : SearchQueries.DefaultSeed);
                return 0;
            case "overlap":
                Console.Write(SearchOverlap.Report(args[1], args[2], args.Length > 3 ? args[3] : "A", args.Length > 4 ? args[4] : "B"));
                return 0;
            case "search-size":
                for (var i = 1; i < args.Length; i++)
                {
                    Console.WriteLine(SearchSize.Report(args[i]));
                }

                return 0;
            case "search-edit":
                Console.WriteLine(SearchCleanProbe.Header);
                Console.Write(SearchCleanProbe.Edit(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3));
                return 0;
            case "search-compile":
                Console.Write(SearchCleanProbe.Compile(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3));
                return 0;
            case "search-clean":
                Console.WriteLine(SearchCleanProbe.Header);
                Console.Write(SearchCleanProbe.Run(args[1]));
                return 0;
            case "search-bytes":
                Console.WriteLine(SearchBytes.Report(int.Parse(args[1], CultureInfo.InvariantCulture)));
                return 0;
            case "hash":
                Console.WriteLine(QuickRatio.Hash(new GeneratorHarness(int.Parse(args[1], CultureInfo.InvariantCulture))));
                return 0;
            case "materialize":
                // The floor of "every text ready" in a fresh process: N strings of the given total length, copied out of
                // one source string (no decoding, no parsing), e.g. materialize 10000 14617444.
                {
                    var n = int.Parse(args[1], CultureInfo.InvariantCulture);
                    var total = int.Parse(args[2], CultureInfo.InvariantCulture);
                    var source = new string('\u4E2D', total);
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var strings = new string[n];
                    var each = total / n;
                    for (var i = 0; i < n; i++)
                    {
                        strings[i] = source.Substring(i * each, each);
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} strings, {total} chars: {watch.Elapsed.TotalMilliseconds:F1} ms"));
                    GC.KeepAlive(strings);
                    return 0;
                }

            case "bdn":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
                return 0;
            default:
                Console.Error.WriteLine("unknown command " + args[0]);
                return 2;
        }
    }
}
