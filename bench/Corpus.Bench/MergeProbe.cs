using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Corpus.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Corpus.Bench;

/// <summary>
/// What every build of an app over shards pays in its generator: finding the shards among its references and merging
/// their claims (CORPUS007/008 across shards), with a new driver per run as a command-line build has, over references
/// the compiler server would keep. DIR is a sharded layout of bench/shards.sh (DIR/ShardNN/bin/Release/*/ShardNN.dll).
/// </summary>
internal static class MergeProbe
{
    public static string Run(string directory, int times)
    {
        var shardFiles = Directory.GetDirectories(directory, "Shard*")
            .Order(StringComparer.Ordinal)
            .Select(d => Directory.GetFiles(Path.Combine(d, "bin", "Release"), Path.GetFileName(d) + ".dll", SearchOption.AllDirectories).Single())
            .ToArray();
        var runtime = Directory.GetFiles(Path.GetDirectoryName(shardFiles[0])!, "Corpus.Runtime.dll").Single();
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll" or "System.Collections.dll");
        var references = framework.Concat(shardFiles).Append(runtime).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
        var options = new GeneratorHarness.OptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer", ["build_property.ProjectDir"] = "/bench/app/" },
            []);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"shards: {shardFiles.Length}, {string.Join(" ", shardFiles.Select(Path.GetFileName))}");
        for (var i = 0; i < times; i++)
        {
            // A new compilation per run, as each build has; the references' metadata stays, as in the compiler server.
            var compilation = CSharpCompilation.Create(
                "Consumer",
                [CSharpSyntaxTree.ParseText(GeneratorHarness.ProgramSource(i), GeneratorHarness.ParseOptions, "/bench/app/Program.cs")],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
            var driver = CSharpGeneratorDriver.Create([new CorpusGenerator().AsSourceGenerator()], [], GeneratorHarness.ParseOptions, options);
            var watch = Stopwatch.StartNew();
            var result = driver.RunGenerators(compilation).GetRunResult();
            var diagnostics = result.Diagnostics.GroupBy(d => d.Id).Select(g => g.Key + "×" + g.Count().ToString(CultureInfo.InvariantCulture));
            var elapsed = watch.Elapsed.TotalMilliseconds;
            // What the run produced, in order: a change to the merge must leave it byte for byte as it was.
            var output = string.Join("\n", result.Diagnostics.Select(d => d.ToString()).Concat(result.GeneratedTrees.Select(t => t.GetText().ToString())));
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(output)))[..16];
            report.AppendLine(CultureInfo.InvariantCulture, $"run {i + 1}: {elapsed:F0} ms, {result.GeneratedTrees.Length} files, {string.Join(" ", diagnostics)}, output {hash}");
        }

        return report.ToString();
    }
}
