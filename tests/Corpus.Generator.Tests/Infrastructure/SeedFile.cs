using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>
/// An additional file held in memory, decoded the way the command-line compiler decodes one: strict UTF-8 (BOM or
/// not), UTF-16 when it has that BOM, otherwise a silent fall back to Windows-1252.
/// </summary>
internal sealed class SeedFile(string path, byte[] bytes) : AdditionalText
{
    private static readonly Encoding Fallback = CreateFallback();

    public SeedFile(string path, string text)
        : this(path, new UTF8Encoding(false).GetBytes(text))
    {
    }

    public override string Path { get; } = path;

    public byte[] Bytes { get; } = bytes;

    public override SourceText GetText(CancellationToken cancellationToken = default)
    {
        try
        {
            using var stream = new MemoryStream(Bytes, writable: false);
            return SourceText.From(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), throwIfBinaryDetected: false);
        }
        catch (DecoderFallbackException)
        {
            using var stream = new MemoryStream(Bytes, writable: false);
            return SourceText.From(stream, Fallback, throwIfBinaryDetected: false);
        }
    }

    private static Encoding CreateFallback()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
