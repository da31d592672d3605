using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Corpus.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator.Tests.Diagnostics;

/// <summary>
/// CORPUS001 for bytes that are not UTF-8, with the seeds decoded by the compiler's own decoding code
/// (<see cref="CompilerDecoding"/>) under each fallback a compiler uses: UTF-8 with U+FFFD replacements (csc on .NET off
/// Windows, what <c>dotnet build</c> does here and in CI) and Windows-1252 (csc on a Western Windows, .NET or .NET
/// Framework). A UTF-8 BOM gets <c>Encoding.UTF8</c>, which also replaces, on every host. Positions are zero-based
/// (line, UTF-16 column) in the text the compiler decoded, counted by hand from each fixture. The real build is in
/// <c>EndToEnd/EncodingPackageTests</c>.
/// </summary>
public sealed class EncodingTests
{
    private const string Header = "<!--1641989702000-->";
    internal const string GoodSeed = Header + "\n[A good title](https://example.com/good)\n------\n\n<p>Some article text.</p>\n";
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The seed of issue 12: line 4 (the body) is "&lt;p&gt;abc" + C3 28 FF + "def&lt;/p&gt;".</summary>
    private static byte[] IssueSeed() =>
        [.. Utf8(Header + "\n[Bad bytes](https://example.com/bad)\n------\n\n<p>abc"), 0xC3, (byte)'(', 0xFF, .. Utf8("def</p>\n")];

    [Theory]
    [InlineData(CompilerHost.DotnetOffWindows, "\uFFFD")]
    [InlineData(CompilerHost.Windows1252, "Ã")]
    public void The_first_bad_byte_is_reported_at_its_line_and_column_by_either_compiler(CompilerHost host, string decodedAsWhat)
    {
        // "<p>abc" is six characters: the bad 0xC3 is column 6 of line 4 whichever way the compiler decoded it.
        var project = Project(host).WithSeed("seeds/bad.txt", IssueSeed());
        var result = project.Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertAt(diagnostic, CorpusProject.Directory + "seeds/bad.txt", (4, 6));
        Assert.Equal(decodedAsWhat, Decoded(project, diagnostic));
        Assert.Equal(["good"], result.Load().All.Select(a => a.Id));
    }

    [Theory]
    [InlineData(CompilerHost.DotnetOffWindows, 3, "\uFFFD")]
    [InlineData(CompilerHost.Windows1252, 7, "ÿ")]
    public void Columns_are_counted_in_the_text_the_compiler_decoded(CompilerHost host, int column, string decodedAsWhat)
    {
        // "[中文" then 0xFF: in UTF-8 "中文" is two characters (column 3); read as Windows-1252 its six bytes are six (column 7).
        byte[] bytes = [.. Utf8(Header + "\n[中文"), 0xFF, .. Utf8("](https://example.com/bad)\n------\n\n<p>Text.</p>\n")];
        var project = Project(host).WithSeed("seeds/bad.txt", bytes);

        var diagnostic = Assert.Single(project.Generate().GeneratorDiagnostics);
        AssertAt(diagnostic, CorpusProject.Directory + "seeds/bad.txt", (1, column));
        Assert.Equal(decodedAsWhat, Decoded(project, diagnostic));
    }

    [Fact]
    public void Windows_1252_text_gives_back_the_bytes_so_the_message_names_the_byte_and_its_offset()
    {
        // Header and LF are 21 bytes, "<p>abc" of line 4 starts after 21 + 37 ("[Bad bytes](…)" and LF) + 7 + 1 = 66: 0xC3 is at 72.
        var result = Project(CompilerHost.Windows1252).WithSeed("seeds/bad.txt", IssueSeed()).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("Seed 'seeds/bad.txt' is not UTF-8 text: byte 0xC3 at byte offset 72 is not valid UTF-8 (the compiler read the file as windows-1252)", Message(diagnostic));
    }

    [Fact]
    public void Off_Windows_without_the_file_the_first_U_FFFD_is_reported_as_such()
    {
        // The seed is in memory only (no file at its path): the text alone cannot name the byte.
        var result = Project(CompilerHost.DotnetOffWindows).WithSeed("seeds/bad.txt", IssueSeed()).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("Seed 'seeds/bad.txt' is not UTF-8 text: it has bytes that are not valid UTF-8, which the compiler (utf-8) replaced with U+FFFD; the first U+FFFD is here", Message(diagnostic));
    }

    [Fact]
    public void Off_Windows_the_file_names_the_first_bad_byte_even_after_a_U_FFFD_the_file_holds()
    {
        // Line 4 is "<p>" + U+FFFD (EF BF BD, correct UTF-8) + " abc" + C3 28: the U+FFFD is column 3, the bad 0xC3 column 8,
        // at byte 66 + 3 + 3 + 4 = 76.
        byte[] bytes = [.. Utf8(Header + "\n[Bad bytes](https://example.com/bad)\n------\n\n<p>\uFFFD abc"), 0xC3, (byte)'(', .. Utf8("def</p>\n")];
        using var folder = new SeedFolder();
        var result = folder.Project(CompilerHost.DotnetOffWindows, "seeds/bad.txt", bytes).Generate();

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        AssertAt(diagnostic, folder.PathOf("seeds/bad.txt"), (4, 8));
        Assert.Equal("Seed 'seeds/bad.txt' is not UTF-8 text: byte 0xC3 at byte offset 76 is not valid UTF-8 (the compiler read the file as utf-8, replacing what is not UTF-8 with U+FFFD)", Message(diagnostic));
    }

    [Fact]
    public void A_file_that_changed_after_the_compiler_read_it_is_not_taken_for_its_bytes()
    {
        // The bytes on disk no longer hash to the text's checksum: the generator falls back to the first U+FFFD (column 3).
        byte[] bytes = [.. Utf8(Header + "\n[Bad bytes](https://example.com/bad)\n------\n\n<p>\uFFFD abc"), 0xC3, (byte)'(', .. Utf8("def</p>\n")];
        using var folder = new SeedFolder();
        var project = folder.Project(CompilerHost.DotnetOffWindows, "seeds/bad.txt", bytes);
        File.WriteAllBytes(folder.PathOf("seeds/bad.txt"), [.. bytes.Take(bytes.Length - 2), (byte)'!', (byte)'\n']);

        var diagnostic = Assert.Single(project.Generate().GeneratorDiagnostics);

        AssertAt(diagnostic, folder.PathOf("seeds/bad.txt"), (4, 3));
        Assert.Contains("the first U+FFFD is here", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CompilerHost.DotnetOffWindows)]
    [InlineData(CompilerHost.Windows1252)]
    public void A_UTF8_BOM_does_not_hide_bad_bytes(CompilerHost host)
    {
        // With a BOM every compiler decodes with Encoding.UTF8, which replaces; columns count from after the BOM.
        var project = Project(host).WithSeed("seeds/bad.txt", [.. Bom, .. IssueSeed()]);

        var diagnostic = Assert.Single(project.Generate().GeneratorDiagnostics);
        AssertAt(diagnostic, CorpusProject.Directory + "seeds/bad.txt", (4, 6));
        Assert.Equal("\uFFFD", Decoded(project, diagnostic));
    }

    [Theory]
    [InlineData(CompilerHost.DotnetOffWindows, false)]
    [InlineData(CompilerHost.DotnetOffWindows, true)]
    [InlineData(CompilerHost.Windows1252, false)]
    [InlineData(CompilerHost.Windows1252, true)]
    public void A_U_FFFD_the_file_holds_is_text_not_an_error(CompilerHost host, bool withBom)
    {
        // In memory, so no file can be read: with a BOM the text's checksum alone proves the U+FFFD was in the file.
        var text = Utf8(Header + "\n[Replacement](https://example.com/fffd)\n------\n\n<p>abc\uFFFDdef</p>\n");
        var result = Project(host).WithSeed("seeds/fffd.txt", withBom ? [.. Bom, .. text] : text).Generate();

        Assert.Empty(result.GeneratorDiagnostics);
        var corpus = result.Load();
        Assert.Equal("abc\uFFFDdef", corpus.FindById("fffd")!.Text);
    }

    internal static CorpusProject Project(CompilerHost host) =>
        new CorpusProject { Host = host }.WithSeed("seeds/good.txt", GoodSeed);

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>A one-character CORPUS001 error at <paramref name="at"/>.</summary>
    private static void AssertAt(Diagnostic diagnostic, string path, (int Line, int Column) at)
    {
        Assert.Equal("CORPUS001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(at, (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal(1, diagnostic.Location.SourceSpan.Length);
    }

    /// <summary>The character the diagnostic points at, in the text the compiler decoded.</summary>
    private static string Decoded(CorpusProject project, Diagnostic diagnostic)
    {
        var seed = project.Seeds.Single(s => s.Path == diagnostic.Location.GetLineSpan().Path);
        return seed.GetText()!.ToString(diagnostic.Location.SourceSpan);
    }

    /// <summary>A temporary project folder whose seeds are real files, for the generator to read back.</summary>
    private sealed class SeedFolder : IDisposable
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "corpus-encoding-" + Guid.NewGuid().ToString("N")[..8]) + "/";

        public string PathOf(string relativePath) => Root + relativePath;

        /// <summary>A project in this folder with the good seed and <paramref name="bytes"/> written at <paramref name="relativePath"/>.</summary>
        public CorpusProject Project(CompilerHost host, string relativePath, byte[] bytes)
        {
            var project = new CorpusProject { Host = host };
            project.Properties["ProjectDir"] = Root;
            foreach (var (path, content) in new[] { ("seeds/good.txt", Utf8(GoodSeed)), (relativePath, bytes) })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(PathOf(path))!);
                File.WriteAllBytes(PathOf(path), content);
                project.WithSeed(new SeedFile(PathOf(path), content, host));
            }

            return project;
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
