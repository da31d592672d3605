using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Tests.Infrastructure;

/// <summary>The encoding a compiler falls back to for a file that is not UTF-8 (and has no BOM).</summary>
public enum CompilerHost
{
    /// <summary>
    /// csc on .NET off Windows (the <c>dotnet build</c> of this machine and of CI): <c>Encoding.GetEncoding(0)</c> is
    /// <c>Encoding.Default</c>, UTF-8 that replaces each bad sequence with U+FFFD.
    /// </summary>
    DotnetOffWindows,

    /// <summary>csc on Windows (.NET or the .NET Framework csc of Visual Studio) where the ANSI code page is Windows-1252.</summary>
    Windows1252,
}

/// <summary>
/// Decodes bytes with the compiler's own code for source and additional files, <c>EncodedStringText.Create(Stream,
/// Lazy&lt;Encoding&gt; fallback, …)</c> (internal, so reached by reflection): strict UTF-8 first, then the fallback; a
/// BOM picks its encoding; the checksum is SHA-256 of the bytes, as the SDK asks. Only the fallback is chosen here,
/// so the tests do not depend on the host they run on.
/// </summary>
internal static class CompilerDecoding
{
    private static readonly MethodInfo Create = typeof(SourceText).Assembly
        .GetType("Microsoft.CodeAnalysis.Text.EncodedStringText", throwOnError: true)!
        .GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
        .Single(m => m.Name == "Create" && m.GetParameters().Select(p => p.ParameterType).Take(2).SequenceEqual([typeof(Stream), typeof(Lazy<Encoding>)]));

    private static readonly Encoding Windows1252 = CreateWindows1252();

    /// <exception cref="InvalidDataException">The compiler takes the bytes for a binary file.</exception>
    public static SourceText Decode(byte[] bytes, CompilerHost host)
    {
        var fallback = host switch
        {
            CompilerHost.DotnetOffWindows => Encoding.Default,
            CompilerHost.Windows1252 => Windows1252,
            _ => throw new ArgumentOutOfRangeException(nameof(host)),
        };
        // Publicly visible, so the compiler reads the array as it reads a FileStream's bytes (SourceText.From(byte[], …)).
        using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
        try
        {
            return (SourceText)Create.Invoke(null, [stream, new Lazy<Encoding>(() => fallback), null, SourceHashAlgorithm.Sha256, false])!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
