using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.Robustness;

/// <summary>
/// Seeded, bounded fuzzing of the whole generator with byte-level mutations of real seeds. Whatever the bytes, the
/// generator must not throw, its code must compile, and a seed it leaves out must have an error saying why.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seeds = 1000;
    private const int BatchSize = 250;
    private const int RandomSeed = 20240611;

    [Fact]
    public void Mutated_seeds_never_break_the_build_and_are_never_lost_silently()
    {
        var originals = Originals();
        var random = new Random(RandomSeed);
        var watch = Stopwatch.StartNew();
        var loaded = 0;
        var rejected = 0;
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        TimeSpan generateTime = default, loadTime = default;

        for (var batch = 0; batch < Seeds / BatchSize; batch++)
        {
            var project = new CorpusProject();
            var names = new List<string>();
            var inputs = new Dictionary<string, (string Mutations, byte[] Bytes)>(StringComparer.Ordinal);
            for (var i = 0; i < BatchSize; i++)
            {
                var name = $"f{batch:D2}_{i:D3}";
                var (bytes, mutations) = Mutate(originals[random.Next(originals.Count)], random);
                project.WithSeed("seeds/" + name + ".txt", bytes);
                names.Add(name);
                inputs[name] = (mutations, bytes);
            }

            var phase = Stopwatch.StartNew();
            var result = project.Generate();
            generateTime += phase.Elapsed;
            phase.Restart();
            Assert.Null(result.RunResult.Results.Single().Exception);
            Assert.DoesNotContain(result.DriverDiagnostics, d => d.Id is "CS8784" or "CS8785");

            var diagnostics = result.GeneratorDiagnostics;
            var unexpected = diagnostics.Where(d => d.Id == "CORPUS099").ToList();
            Assert.True(unexpected.Count == 0, "Unexpected errors (generator bugs):\n" + string.Join("\n", unexpected.Select(d => d + " after " + inputs[Path.GetFileNameWithoutExtension(d.Location.GetLineSpan().Path)].Mutations)));
            foreach (var diagnostic in diagnostics)
            {
                byId[diagnostic.Id] = byId.TryGetValue(diagnostic.Id, out var count) ? count + 1 : 1;
            }

            // Load asserts that the output compiles with no error or warning, emits it and reads every article back.
            var corpus = result.Load();
            loadTime += phase.Elapsed;
            var present = corpus.All.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var errorPaths = diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CORPUS", StringComparison.Ordinal))
                .Select(d => d.Location.GetLineSpan().Path)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (present.Contains(name))
                {
                    loaded++;
                    continue;
                }

                rejected++;
                Assert.True(
                    errorPaths.Contains(CorpusProject.Directory + "seeds/" + name + ".txt"),
                    $"Seed {name} ({inputs[name].Mutations}) is not in Articles.All but has no CORPUS error.");
            }

            // Every error is located in the file it is about, within its text.
            foreach (var diagnostic in diagnostics.Where(d => d.Location != Location.None))
            {
                var span = diagnostic.Location.GetLineSpan();
                Assert.True(span.StartLinePosition <= span.EndLinePosition, diagnostic.ToString());
                Assert.True(diagnostic.Location.SourceSpan.Start >= 0 && diagnostic.Location.SourceSpan.End <= Decoded(inputs[Path.GetFileNameWithoutExtension(span.Path)].Bytes).Length, diagnostic.ToString());
            }
        }

        output.WriteLine($"{Seeds} mutated seeds in {Seeds / BatchSize} compilations, {watch.Elapsed.TotalSeconds:F1} s: {loaded} generated, {rejected} left out");
        output.WriteLine($"generate {generateTime.TotalSeconds:F1} s, compile and load {loadTime.TotalSeconds:F1} s");
        foreach (var pair in byId.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{pair.Key}: {pair.Value}");
        }

        // The mutations are mild enough that most seeds survive and harsh enough that many do not.
        Assert.InRange(loaded, Seeds / 10, Seeds - (Seeds / 20));
    }

    private static string Decoded(byte[] bytes) => new SeedFile("/x", bytes).GetText()?.ToString() ?? string.Empty;

    private static List<byte[]> Originals()
    {
        var originals = new List<byte[]> { File.ReadAllBytes(Repository.File("seeds", "000_153ef59660deb970.txt")) };
        if (Repository.SharedCorpus is { } shared)
        {
            // A few outlets' shapes: the first real files of each folder (sorted, so the choice is stable).
            foreach (var folder in new[] { "real", "cdt-legacy" })
            {
                var directory = Path.Combine(shared, folder);
                if (Directory.Exists(directory))
                {
                    originals.AddRange(Directory.GetFiles(directory, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Where((_, i) => i % 97 == 0).Take(6).Select(File.ReadAllBytes));
                }
            }
        }

        return originals;
    }

    private static (byte[] Bytes, string Mutations) Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var applied = new List<string>();
        var count = 1 + random.Next(3);
        for (var m = 0; m < count; m++)
        {
            var kind = random.Next(13);
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
            switch (kind)
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    applied.Add($"truncate@{at}");
                    break;
                case 1:
                    if (bytes.Count > 0)
                    {
                        var i = random.Next(bytes.Count);
                        bytes[i] ^= (byte)(1 << random.Next(8));
                        applied.Add($"flip@{i}");
                    }

                    break;
                case 2:
                    EditLines(bytes, random, duplicate: false, applied);
                    break;
                case 3:
                    EditLines(bytes, random, duplicate: true, applied);
                    break;
                case 4:
                    for (var i = bytes.Count - 1; i >= 0; i--)
                    {
                        if (bytes[i] == (byte)'\n' && random.Next(2) == 0)
                        {
                            bytes.Insert(i, (byte)'\r');
                        }
                    }

                    applied.Add("crlf");
                    break;
                case 5:
                    var noise = new byte[1 + random.Next(16)];
                    random.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    applied.Add($"random{noise.Length}@{at}");
                    break;
                case 6:
                    var huge = random.Next(3) switch
                    {
                        0 => new string('a', 40_000),
                        1 => string.Concat(Enumerable.Repeat("<div>", 8_000)),
                        _ => string.Concat(Enumerable.Repeat("中&amp;\u2028", 5_000)),
                    };
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(huge));
                    applied.Add($"huge@{at}");
                    break;
                case 7:
                    bytes.Insert(at, 0);
                    applied.Add($"nul@{at}");
                    break;
                case 8:
                    byte[][] invalid = [[0xFF], [0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80], [0x81], [0x8D]];
                    var sequence = invalid[random.Next(invalid.Length)];
                    bytes.InsertRange(at, sequence);
                    applied.Add($"invalid{BitConverter.ToString(sequence)}@{at}");
                    break;
                case 9:
                    string[] lines = ["------", "<!--NaN-->", "<!--x-->", "[a](b)", "日期：Sun, 28 Jun 2020 15:42:36 +0000", "", "](", "\u2028", "\r"];
                    var line = lines[random.Next(lines.Length)];
                    bytes.InsertRange(AtLineStart(bytes, at), Encoding.UTF8.GetBytes(line + "\n"));
                    applied.Add($"line'{line}'@{at}");
                    break;
                case 10:
                    string[] snippets = ["\"", "\\", "\"\"\"", "*/", "#if", "//", "{", "}", "</p>", "<p>", "&#0;", "&#xD800;", "&#x10FFFF;", "<script>", "\u0085", "\uFEFF", "\U0001F600"];
                    var snippet = snippets[random.Next(snippets.Length)];
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(snippet));
                    applied.Add($"snippet'{snippet}'@{at}");
                    break;
                case 11:
                    if (bytes.Count > 2 && bytes[0] != 0xEF)
                    {
                        bytes.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF });
                        applied.Add("bom");
                    }

                    break;
                default:
                    var length = Math.Min(bytes.Count - Math.Min(at, bytes.Count), random.Next(200));
                    bytes.RemoveRange(Math.Min(at, bytes.Count), length);
                    applied.Add($"delete{length}@{at}");
                    break;
            }
        }

        return (bytes.ToArray(), string.Join(", ", applied));
    }

    private static int AtLineStart(List<byte> bytes, int at)
    {
        while (at > 0 && bytes[at - 1] != (byte)'\n')
        {
            at--;
        }

        return at;
    }

    private static void EditLines(List<byte> bytes, Random random, bool duplicate, List<string> applied)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        var line = random.Next(starts.Count);
        var start = starts[line];
        var end = line + 1 < starts.Count ? starts[line + 1] : bytes.Count;
        if (duplicate)
        {
            bytes.InsertRange(start, bytes.GetRange(start, end - start));
            applied.Add($"dup-line{line}");
        }
        else
        {
            bytes.RemoveRange(start, end - start);
            applied.Add($"del-line{line}");
        }
    }
}
