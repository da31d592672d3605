using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>
/// An additional file held in memory, decoded by the compiler's own code for additional files (Roslyn's
/// <c>EncodedStringText.Create</c>, see <see cref="CompilerDecoding"/>) with the fallback encoding of <paramref name="host"/>.
/// </summary>
internal sealed class SeedFile(string path, byte[] bytes, CompilerHost host = CompilerHost.DotnetOffWindows) : AdditionalText
{
    public SeedFile(string path, string text, CompilerHost host = CompilerHost.DotnetOffWindows)
        : this(path, new System.Text.UTF8Encoding(false).GetBytes(text), host)
    {
    }

    public override string Path { get; } = path;

    public byte[] Bytes { get; } = bytes;

    public CompilerHost Host { get; } = host;

    /// <summary>Null where the compiler has no text either (it reports CS2015 for a file it takes for binary).</summary>
    public override SourceText? GetText(CancellationToken cancellationToken = default)
    {
        try
        {
            return CompilerDecoding.Decode(Bytes, Host);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
