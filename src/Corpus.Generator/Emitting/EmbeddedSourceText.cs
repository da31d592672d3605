using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Emitting;

/// <summary>
/// A large generated file as the compiler gets it: the chunks' data and the search index's segments. The command-line
/// compiler and the compiler server embed every generated file in the PDB in every build, changed or not
/// (<c>EmbeddedText.FromSource</c>: the text encoded and deflated; at 10,000 seeds about 1.6 s of CPU for the chunks and
/// 0.6 s a segment of 5,000 articles, on one thread), even when they write no PDB (<c>/debug-</c>, a shard's default:
/// <c>CommonCompiler.CompileAndEmit</c> makes the embedded texts whatever the debug options), unless its <see cref="SourceText"/> carries the embedded blob
/// already: made here, once, when the file is written, and kept with the text by the generator driver while the file is
/// unchanged, so an edit deflates only the files it changes. UTF-16: Chinese text and the segments' packed characters
/// (U+4E00–U+CDFF) are two bytes each, not UTF-8's three, a third less to hash and deflate. SHA-256: the SDK's checksum
/// algorithm (<c>ChecksumAlgorithm</c>); the compiler makes a text of another algorithm anew, blob lost (measured: with
/// SHA-1 the compiler server deflated the segments again in every build).
/// </summary>
internal static class EmbeddedSourceText
{
    public static SourceText From(char[] text)
    {
        var bytes = WithPreamble(Encoding.Unicode.GetByteCount(text));
        Encoding.Unicode.GetBytes(text, 0, text.Length, bytes, Preamble.Length);
        return From(bytes);
    }

    public static SourceText From(string text)
    {
        var bytes = WithPreamble(Encoding.Unicode.GetByteCount(text));
        Encoding.Unicode.GetBytes(text, 0, text.Length, bytes, Preamble.Length);
        return From(bytes);
    }

    // The byte order mark first: the PDB's reader of the embedded text finds the encoding by it.
    private static readonly byte[] Preamble = Encoding.Unicode.GetPreamble();

    private static byte[] WithPreamble(int textBytes)
    {
        var bytes = new byte[Preamble.Length + textBytes];
        Preamble.CopyTo(bytes, 0);
        return bytes;
    }

    private static SourceText From(byte[] bytes) =>
        SourceText.From(bytes, bytes.Length, Encoding.Unicode, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: true);
}
