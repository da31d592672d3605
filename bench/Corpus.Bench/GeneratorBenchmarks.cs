using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Corpus.Bench;

/// <summary>
/// Issue 6 (a) and (b) in one class, so every ratio is against the generator's cold run measured in the same run:
/// the AngleSharp floor, the cold run, and re-runs of a warm driver after one seed's body, one seed's title or an
/// unrelated .cs file was edited. A warm driver is immutable, so every invocation re-runs from the same state.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly ConcurrentDictionary<int, GeneratorHarness> Harnesses = new();

    private GeneratorHarness _harness = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _bodyEdited = null!;
    private GeneratorDriver _titleEdited = null!;
    private CSharpCompilation _codeEdited = null!;
    private HtmlParser _parser = null!;

    /// <summary>Seed counts: 1,000 and 10,000, or the comma-separated list in <c>CORPUS_BENCH_SEEDS</c>.</summary>
    public static System.Collections.Generic.IEnumerable<int> SeedCounts =>
        System.Environment.GetEnvironmentVariable("CORPUS_BENCH_SEEDS") is { Length: > 0 } list
            ? System.Linq.Enumerable.Select(list.Split(','), s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [1_000, 10_000];

    [ParamsSource(nameof(SeedCounts))]
    public int Seeds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _harness = Harnesses.GetOrAdd(Seeds, n => new GeneratorHarness(n));
        _parser = GeneratorHarness.CreateFloorParser();
        _warm = _harness.CreateDriver(trackSteps: false).RunGenerators(_harness.Compilation);
        var middle = _harness.Seeds.Length / 2;
        _bodyEdited = _warm.ReplaceAdditionalText(_harness.Seeds[middle], _harness.EditedBody(middle, "bench"));
        _titleEdited = _warm.ReplaceAdditionalText(_harness.Seeds[middle], _harness.EditedTitle(middle, "bench"));
        _codeEdited = _harness.WithUnrelatedEdit(1);
    }

    /// <summary>The floor: AngleSharp parsing every body once, in this process, with a warm parser.</summary>
    [Benchmark(Description = "AngleSharp floor (parse every body)")]
    public int AngleSharpFloor() => _harness.ParseAllBodies(_parser);

    [Benchmark(Baseline = true, Description = "Generator cold run")]
    public int GeneratorCold() =>
        _harness.CreateDriver(trackSteps: false).RunGenerators(_harness.Compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "Re-run: one seed's body edited")]
    public int SeedBodyEdited() => _bodyEdited.RunGenerators(_harness.Compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "Re-run: one seed's title edited")]
    public int SeedTitleEdited() => _titleEdited.RunGenerators(_harness.Compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "Re-run: unrelated .cs edit")]
    public int UnrelatedCodeEdit() => _warm.RunGenerators(_codeEdited).GetRunResult().GeneratedTrees.Length;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process: no per-benchmark project to build (the repository's central package management and
            // warnings-as-errors would apply to it). One invocation per iteration: a cold run at 10,000 seeds takes seconds.
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(int.TryParse(System.Environment.GetEnvironmentVariable("CORPUS_BENCH_ITERATIONS"), out var n) ? n : 5)
                .WithId("InProcess"));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
