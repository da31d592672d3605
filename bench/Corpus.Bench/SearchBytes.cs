using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Corpus.Bench;

/// <summary>
/// The search index's bytes, whatever constants hold them: each segment's directory (its version number left out) and
/// its blocks in order, unpacked from the generated text with a decoder of its own, for a constant a block (format 6:
/// B0, B1, …) or a group of blocks (format 7: G0, G1, …). Run with two generators' builds of this file: equal hashes
/// mean the same index in another storage (a segment's constants gathered from all its files).
/// </summary>
internal static class SearchBytes
{
    private const int Bits = 15;
    private const char Base = '\u4E00';

    public static string Report(int count)
    {
        var harness = new GeneratorHarness(count);
        var driver = harness.CreateDriver(trackSteps: false).RunGenerators(harness.Compilation);
        var lines = new List<string>();
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // A segment's constants, whichever of its files (parts: Corpus.Search.0000.g.cs, Corpus.Search.0000.1.g.cs, …) hold them.
        var segments = driver.GetRunResult().GeneratedTrees
            .Where(t => t.FilePath.Contains("Corpus.Search.", StringComparison.Ordinal))
            .GroupBy(t => System.IO.Path.GetFileName(t.FilePath)[.."Corpus.Search.0000".Length], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var constants = segment.SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>())
                .ToDictionary(v => v.Identifier.Text, v => string.Concat(v.Initializer!.Value.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).Select(t => t.ValueText)));
            var directory = Unpack(constants["D"], 0).Bytes;
            var blocks = new List<byte[]>();
            if (constants.ContainsKey("B0"))
            {
                for (var i = 0; constants.TryGetValue("B" + i.ToString(CultureInfo.InvariantCulture), out var packed); i++)
                {
                    blocks.Add(Unpack(packed, 0).Bytes);
                }
            }
            else
            {
                for (var g = 0; constants.TryGetValue("G" + g.ToString(CultureInfo.InvariantCulture), out var packed); g++)
                {
                    for (var at = 0; at < packed.Length;)
                    {
                        var (bytes, next) = Unpack(packed, at);
                        blocks.Add(bytes);
                        at = next;
                    }
                }
            }

            // The directory starts with the format's version (a one-byte varint): the rest is the index.
            var body = directory.Skip(1).ToArray();
            var hash = SHA256.HashData(body.Concat(blocks.SelectMany(b => BitConverter.GetBytes(b.Length).Concat(b))).ToArray());
            all.AppendData(hash);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{segment.Key}.g.cs: format {directory[0]}, directory {directory.Length} bytes, {blocks.Count} blocks, {blocks.Sum(b => (long)b.Length)} bytes, {constants.Count} constants, sha256 {Convert.ToHexString(hash)}"));
        }

        lines.Add("search bytes sha256=" + Convert.ToHexString(all.GetHashAndReset()));
        return string.Join(Environment.NewLine, lines);
    }

    // One packing from characters[start]: two characters of length, then 15 bits a character; where the next one starts.
    private static (byte[] Bytes, int Next) Unpack(string characters, int start)
    {
        var length = (characters[start] - Base) | ((characters[start + 1] - Base) << Bits);
        var bytes = new byte[length];
        var at = start + 2;
        int buffer = 0, held = 0;
        for (var i = 0; i < length; i++)
        {
            if (held < 8)
            {
                buffer |= (characters[at++] - Base) << held;
                held += Bits;
            }

            bytes[i] = (byte)buffer;
            buffer >>= 8;
            held -= 8;
        }

        return (bytes, at);
    }
}
