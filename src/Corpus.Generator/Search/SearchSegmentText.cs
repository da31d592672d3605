using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Search;

/// <summary>
/// A segment's file as the compiler gets it. The command-line compiler embeds every generated file in the PDB in
/// every build, changed or not (<c>EmbeddedText.FromSource</c>: the text encoded and deflated, about 0.6 s of CPU for a
/// segment of 5,000 articles), unless its <see cref="SourceText"/> carries the embedded blob already: made here, once,
/// when the segment is written, and kept with the text by the generator driver while the segment is unchanged. UTF-16:
/// the packed characters (U+4E00–U+CDFF) are two bytes each, not UTF-8's three, a third less to hash and deflate.
/// SHA-256: the SDK's checksum algorithm (<c>ChecksumAlgorithm</c>); the compiler makes a text of another algorithm
/// anew, blob lost (measured: with SHA-1 the compiler server deflated the segments again in every build).
/// </summary>
internal static class SearchSegmentText
{
    public static SourceText From(char[] text)
    {
        // The byte order mark first: the PDB's reader of the embedded text finds the encoding by it.
        var preamble = Encoding.Unicode.GetPreamble();
        var bytes = new byte[preamble.Length + Encoding.Unicode.GetByteCount(text)];
        preamble.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(text, 0, text.Length, bytes, preamble.Length);
        return SourceText.From(bytes, bytes.Length, Encoding.Unicode, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: true);
    }
}
