using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Diagnostics;

/// <summary>
/// Finds seeds that are not UTF-8. The compiler reads an additional file as UTF-8 when it can and otherwise silently
/// falls back to a legacy code page (Windows-1252), which would turn the article into mojibake: the encoding it chose
/// tells us, and re-encoding the text with it gives back the original bytes to point at the first bad one.
/// </summary>
internal static class EncodingCheck
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>Why the text is not UTF-8 (null when it is), and the character offset to point at.</returns>
    public static (string? Problem, int Offset) Inspect(SourceText text, string content)
    {
        var encoding = text.Encoding;
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return (null, 0);
        }

        if (encoding is UnicodeEncoding or UTF32Encoding)
        {
            return ($"it is saved as {encoding.WebName}", 0);
        }

        var bytes = encoding.GetBytes(content);
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return (null, 0);
        }
        catch (DecoderFallbackException exception)
        {
            var index = exception.Index < 0 ? 0 : exception.Index;
            var badByte = index < bytes.Length ? bytes[index] : (byte)0;
            // In a single-byte code page, byte offsets are character offsets.
            var offset = encoding.IsSingleByte ? index : 0;
            return (
                string.Format(CultureInfo.InvariantCulture, "byte 0x{0:X2} at byte offset {1} is not valid UTF-8 (the compiler read the file as {2})", badByte, index, encoding.WebName),
                offset);
        }
    }
}
