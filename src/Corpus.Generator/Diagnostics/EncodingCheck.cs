using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Diagnostics;

/// <summary>
/// Finds seeds that are not UTF-8, in the text the compiler decoded. What the compiler hands over (Roslyn's
/// <c>EncodedStringText.Create</c>, which every csc uses for additional files):
/// <list type="bullet">
/// <item>bytes that are all UTF-8 and no BOM: a strict <see cref="UTF8Encoding"/> (its decoder fallback throws);</item>
/// <item>other bytes and no BOM: the host's fallback, <c>Encoding.GetEncoding(0)</c> once the code-page provider is
/// registered: the ANSI code page (Windows-1252, 936, …) on Windows and in the .NET Framework csc of Visual Studio, and
/// <c>Encoding.Default</c>, UTF-8 that replaces each bad sequence with U+FFFD, on a .NET host off Windows;</item>
/// <item>a UTF-8 BOM, on every host: <c>Encoding.UTF8</c>, which replaces bad bytes with U+FFFD too;</item>
/// <item>a UTF-16 BOM: <c>Encoding.Unicode</c> or <c>BigEndianUnicode</c>.</item>
/// </list>
/// The text keeps no bytes, so <see cref="SeedBytes"/> recovers them, checked against the text's checksum.
/// </summary>
internal static class EncodingCheck
{
    private const char Replacement = '\uFFFD';

    /// <param name="path">The seed file, read again only when its text proves that it has bytes that are not UTF-8 and the text alone cannot say where.</param>
    /// <returns>Why the text is not UTF-8 (null when it is), and the character offset to point at.</returns>
    public static (string? Problem, int Offset) Inspect(SourceText text, string content, string path)
    {
        var encoding = text.Encoding;
        if (encoding is null)
        {
            return (null, 0);
        }

        if (encoding is UnicodeEncoding or UTF32Encoding)
        {
            return ($"it is saved as {encoding.WebName}", 0);
        }

        var isUtf8 = encoding.CodePage == Encoding.UTF8.CodePage;
        if (isUtf8 && (encoding.DecoderFallback is DecoderExceptionFallback || content.IndexOf(Replacement) < 0))
        {
            // A strict decoder accepted every byte; a replacing one that replaced nothing found nothing to replace.
            return (null, 0);
        }

        var reencoded = SeedBytes.Reencoded(text, content, encoding);
        if (isUtf8 && reencoded is not null)
        {
            // Every U+FFFD was in the file, correctly encoded.
            return (null, 0);
        }

        var bytes = reencoded ?? SeedBytes.ReadVerified(path, text, content.Length);
        if (bytes is null && isUtf8)
        {
            return (
                $"it has bytes that are not valid UTF-8, which the compiler ({encoding.WebName}) replaced with U+FFFD; the first U+FFFD is here",
                content.IndexOf(Replacement));
        }

        // A code page that does not round-trip, and a file that changed since: the re-encoded text is the best guess left.
        bytes ??= encoding.GetBytes(content);
        var index = SeedBytes.FirstInvalidUtf8Byte(bytes);
        if (index < 0)
        {
            // Valid UTF-8 read in a code page only happens with csc's /codepage; not a byte problem of the seed.
            return (null, 0);
        }

        var start = isUtf8 && SeedBytes.StartsWithUtf8Bom(bytes) ? 3 : 0;
        var offset = index < start ? 0 : encoding.GetCharCount(bytes, start, index - start);
        var replaced = isUtf8 ? ", replacing what is not UTF-8 with U+FFFD" : string.Empty;
        return (
            string.Format(CultureInfo.InvariantCulture, "byte 0x{0:X2} at byte offset {1} is not valid UTF-8 (the compiler read the file as {2}{3})", bytes[index], index, encoding.WebName, replaced),
            offset > content.Length ? content.Length : offset);
    }
}
