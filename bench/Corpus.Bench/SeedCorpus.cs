using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Bench;

/// <summary>
/// N-seed corpora made from the real seeds at run time (the real seeds never enter the repository). Seed i is real
/// file i % 934, byte for byte, except that copies after the first get a query parameter on the URL (<c>?n=k</c>, or
/// <c>&amp;n=k</c> when the URL has a query already) so that URLs stay unique, and a new file name
/// <c>NNNNNN_&lt;16 hex of the new content's SHA-256&gt;.txt</c> so that Ids stay unique and follow the seed pattern.
/// </summary>
internal static class SeedCorpus
{
    public static string RealDirectory =>
        Environment.GetEnvironmentVariable("CORPUS_REAL_SEEDS") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "real"));

    private static readonly Lazy<byte[][]> Real = new(() =>
    {
        var files = Directory.GetFiles(RealDirectory, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new InvalidOperationException("No real seeds in " + RealDirectory + " (set CORPUS_REAL_SEEDS).");
        }

        return files.Select(File.ReadAllBytes).ToArray();
    });

    public static int RealCount => Real.Value.Length;

    /// <summary>The corpus in memory: (file name, bytes), in order.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Generate(int count)
    {
        var real = Real.Value;
        for (var i = 0; i < count; i++)
        {
            var copy = i / real.Length;
            var bytes = copy == 0 ? real[i % real.Length] : WithUrlSuffix(real[i % real.Length], copy);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes)).Substring(0, 16);
            yield return (i.ToString("D6", CultureInfo.InvariantCulture) + "_" + hash + ".txt", bytes);
        }
    }

    /// <summary>Writes the corpus into <paramref name="directory"/> (emptied first); returns the bytes written.</summary>
    public static long Write(int count, string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        long total = 0;
        foreach (var (name, bytes) in Generate(count))
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
            total += bytes.Length;
        }

        return total;
    }

    /// <summary>Inserts <c>?n=copy</c> at the end of the URL (before a fragment): the last <c>)</c> before the <c>------</c> line.</summary>
    internal static byte[] WithUrlSuffix(byte[] seed, int copy)
    {
        var separator = SeparatorLine(seed);
        var close = Array.LastIndexOf(seed, (byte)')', separator);
        var open = LastIndexOf(seed, "]("u8, close);
        if (close < 0 || open < 0)
        {
            throw new InvalidOperationException("A real seed without a title block.");
        }

        var url = seed.AsSpan(open + 2, close - open - 2);
        var fragment = url.IndexOf((byte)'#');
        var insertAt = fragment >= 0 ? open + 2 + fragment : close;
        var suffix = Encoding.ASCII.GetBytes((url.IndexOf((byte)'?') >= 0 ? "&n=" : "?n=") + copy.ToString(CultureInfo.InvariantCulture));
        var result = new byte[seed.Length + suffix.Length];
        seed.AsSpan(0, insertAt).CopyTo(result);
        suffix.CopyTo(result.AsSpan(insertAt));
        seed.AsSpan(insertAt).CopyTo(result.AsSpan(insertAt + suffix.Length));
        return result;
    }

    /// <summary>Where the line that is exactly <c>------</c> starts.</summary>
    internal static int SeparatorLine(ReadOnlySpan<byte> seed)
    {
        var start = 0;
        while (start < seed.Length)
        {
            var end = seed[start..].IndexOf((byte)'\n');
            var line = end < 0 ? seed[start..] : seed.Slice(start, end);
            if (line.TrimEnd((byte)'\r').SequenceEqual("------"u8))
            {
                return start;
            }

            if (end < 0)
            {
                break;
            }

            start += end + 1;
        }

        throw new InvalidOperationException("A real seed without its ------ line.");
    }

    /// <summary>The body: everything after the <c>------</c> line (the blank or date line that follows is a few bytes).</summary>
    internal static string Body(string seed)
    {
        var separator = seed.IndexOf("\n------", StringComparison.Ordinal);
        var start = seed.IndexOf('\n', separator + 1);
        return start < 0 ? string.Empty : seed.Substring(start + 1);
    }

    private static int LastIndexOf(byte[] data, ReadOnlySpan<byte> value, int before) =>
        before < 0 ? -1 : data.AsSpan(0, before).LastIndexOf(value);

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Corpus.Generator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository.");
    }
}
