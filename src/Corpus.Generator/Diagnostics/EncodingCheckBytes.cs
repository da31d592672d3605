using System;
using System.Collections.Immutable;
using System.Linq;
using System.IO;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Diagnostics;

/// <summary>
/// The bytes a seed's text was decoded from. A <see cref="SourceText"/> keeps no bytes, but the compiler computes its
/// checksum over the file's bytes as read (<c>SourceText.From(byte[]…)</c> and <c>From(Stream…)</c>), so a guess at the
/// bytes is proved right or wrong by hashing it: whatever this returns is exactly what the compiler read, and the result
/// depends on that alone.
/// </summary>
internal static class SeedBytes
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The text encoded again, with or without the encoding's preamble, when that is what the compiler read; else null.</summary>
    public static byte[]? Reencoded(SourceText text, string content, Encoding encoding)
    {
        var body = encoding.GetBytes(content);
        if (IsWhatTheCompilerRead(text, body))
        {
            return body;
        }

        var preamble = encoding.GetPreamble();
        if (preamble.Length == 0)
        {
            return null;
        }

        var withPreamble = new byte[preamble.Length + body.Length];
        preamble.CopyTo(withPreamble, 0);
        body.CopyTo(withPreamble, preamble.Length);
        return IsWhatTheCompilerRead(text, withPreamble) ? withPreamble : null;
    }

    /// <summary>
    /// The seed file's bytes when they are the ones the compiler decoded; null when the file cannot be read, is larger
    /// than the text could have come from, or changed since.
    /// </summary>
    /// <remarks>
    /// Generators should not read files: this one does only for a seed whose text already proves it has bytes that are not
    /// UTF-8, because the text cannot say where the first one is (a U+FFFD the file holds and one that replaced a bad byte
    /// are the same character). The checksum check keeps the result a function of what the compiler read.
    /// </remarks>
    public static byte[]? ReadVerified(string path, SourceText text, int decodedLength)
    {
        // Each UTF-16 character of the text came from at most three bytes (a U+FFFD replaces up to three), plus a BOM.
        var maxLength = (3L * decodedLength) + Utf8Bom.Length;
        try
        {
#pragma warning disable RS1035 // The documented exception above: an error seed's bytes, checked against the compiler's checksum.
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > maxLength)
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
#pragma warning restore RS1035
            return IsWhatTheCompilerRead(text, bytes) ? bytes : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public static bool StartsWithUtf8Bom(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == Utf8Bom[0] && bytes[1] == Utf8Bom[1] && bytes[2] == Utf8Bom[2];

    /// <summary>The index of the first byte that does not begin a well-formed UTF-8 sequence (Unicode table 3-7), or -1.</summary>
    public static int FirstInvalidUtf8Byte(byte[] bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var length = WellFormedLength(bytes, i);
            if (length == 0)
            {
                return i;
            }

            i += length;
        }

        return -1;
    }

    /// <summary>The length of the well-formed UTF-8 sequence at <paramref name="i"/>, or 0 when there is none.</summary>
    private static int WellFormedLength(byte[] bytes, int i)
    {
        var lead = bytes[i];
        if (lead < 0x80)
        {
            return 1;
        }

        var (length, secondMin, secondMax) = lead switch
        {
            >= 0xC2 and <= 0xDF => (2, 0x80, 0xBF),
            0xE0 => (3, 0xA0, 0xBF),
            >= 0xE1 and <= 0xEC or 0xEE or 0xEF => (3, 0x80, 0xBF),
            0xED => (3, 0x80, 0x9F),
            0xF0 => (4, 0x90, 0xBF),
            >= 0xF1 and <= 0xF3 => (4, 0x80, 0xBF),
            0xF4 => (4, 0x80, 0x8F),
            _ => (0, 0, 0),
        };
        if (length == 0 || i + length > bytes.Length || bytes[i + 1] < secondMin || bytes[i + 1] > secondMax)
        {
            return 0;
        }

        for (var k = 2; k < length; k++)
        {
            if (bytes[i + k] is < 0x80 or > 0xBF)
            {
                return 0;
            }
        }

        return length;
    }

    private static bool IsWhatTheCompilerRead(SourceText text, byte[] bytes)
    {
        var checksum = text.GetChecksum();
        using HashAlgorithm? algorithm = text.ChecksumAlgorithm switch
        {
            SourceHashAlgorithm.Sha1 => SHA1.Create(),
            SourceHashAlgorithm.Sha256 => SHA256.Create(),
            _ => null,
        };
        return algorithm is not null && !checksum.IsDefaultOrEmpty && checksum.SequenceEqual(algorithm.ComputeHash(bytes));
    }
}
