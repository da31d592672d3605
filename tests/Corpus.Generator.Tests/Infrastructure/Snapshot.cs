using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>
/// Approved-snapshot comparison in plain xunit. The approved file is <c>Snapshots/NAME.verified.cs</c> beside the
/// tests; a mismatch writes <c>NAME.received.cs</c> next to it and fails with a line diff. Set
/// <c>CORPUS_ACCEPT_SNAPSHOTS=1</c> to approve the received output instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "CORPUS_ACCEPT_SNAPSHOTS";

    // The generator's version is stamped into [GeneratedCode]; a release bump must not be a snapshot change.
    private static readonly Regex GeneratorVersion = new(@"(GeneratedCode\(""Corpus\.Generator"", "")[^""]*("")", RegexOptions.CultureInvariant);

    public static void Matches(string name, string actual)
    {
        var directory = Repository.File("tests", "Corpus.Generator.Tests", "Snapshots");
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        actual = GeneratorVersion.Replace(actual.Replace("\r\n", "\n"), "${1}{version}${2}");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        if (expected is null)
        {
            Assert.Fail($"No approved snapshot {verified}. Review {received} and approve it with {AcceptVariable}=1.");
        }

        Assert.Fail($"The generated code differs from {verified} (received: {received}; approve with {AcceptVariable}=1):\n{Diff(expected, actual)}");
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var lines = diff.Lines
            .Select((line, index) => (line, index))
            .Where(l => l.line.Type != ChangeType.Unchanged)
            .Take(40)
            .Select(l => $"{(l.line.Type == ChangeType.Inserted ? "+" : "-")} {l.line.Position?.ToString() ?? "?",5}: {Shorten(l.line.Text)}");
        return string.Join("\n", lines);
    }

    private static string Shorten(string line) => line.Length > 200 ? line[..200] + "…" : line;
}
