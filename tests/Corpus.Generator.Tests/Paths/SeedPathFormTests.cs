using System;
using System.IO;
using System.Linq;
using Corpus.Generator.Paths;
using CsCheck;

namespace Corpus.Generator.Tests.Paths;

/// <summary>
/// The one spelling of a seed path (issue 21: the compiler passed <c>app/../../seeds/x.txt</c> as written while the
/// seeds folder was normalised, and every seed was dropped). Windows forms are plain strings here: the type reads no
/// file system, so they are tested on every machine.
/// </summary>
public sealed class SeedPathFormTests
{
    [Theory]
    [InlineData("/clone/samples/Corpus.Web/../../seeds/000_153ef59660deb970.txt", "/clone/seeds/000_153ef59660deb970.txt")]
    [InlineData("/p/./seeds//x.txt", "/p/seeds/x.txt")]
    [InlineData("/p/seeds/", "/p/seeds")]
    [InlineData("/p/seeds/.", "/p/seeds")]
    [InlineData("/p/a/b/../../seeds/./2022/../x.txt", "/p/seeds/x.txt")]
    [InlineData("/..", "/")]
    [InlineData("/../p/x.txt", "/p/x.txt")]
    [InlineData("/", "/")]
    [InlineData(@"\\server\share", "//server/share")]
    [InlineData("seeds/../../shared/x.txt", "../shared/x.txt")]
    [InlineData("../../seeds", "../../seeds")]
    [InlineData("./", ".")]
    [InlineData(@"C:\repo\samples\Corpus.Web\..\..\seeds\x.txt", "C:/repo/seeds/x.txt")]
    [InlineData(@"c:\repo\.\seeds\\x.txt", "C:/repo/seeds/x.txt")]
    [InlineData(@"C:\repo/seeds\x.txt", "C:/repo/seeds/x.txt")]
    [InlineData(@"c:\..\x.txt", "C:/x.txt")]
    [InlineData(@"\\server\share\corpus\..\seeds\x.txt", "//server/share/seeds/x.txt")]
    [InlineData(@"\\server\share\..\x.txt", "//server/share/x.txt")]
    public void A_path_has_one_spelling(string path, string expected)
    {
        Assert.Equal(expected, SeedPathForm.Normalize(path));

        // Once is enough; except that a UNC path's // is read as / where there is no UNC path (as the runtime reads it).
        Assert.Equal(expected.StartsWith("//", StringComparison.Ordinal) && !OperatingSystem.IsWindows() ? expected[1..] : expected, SeedPathForm.Normalize(expected));
    }

    [Fact]
    public void An_absolute_path_is_spelled_as_NET_spells_its_full_path_on_this_machine()
    {
        // The oracle is the runtime's own lexical normalisation (what MSBuild's FullPath and NormalizeDirectory use).
        string[] segments = ["a", "seeds", "..", ".", "", "x.txt", "b c", "Corpus.Web"];
        var paths = Gen.Int[0, segments.Length - 1].Array[1, 10].Select(indexes =>
            (OperatingSystem.IsWindows() ? @"C:\" : "/") + string.Join(OperatingSystem.IsWindows() ? "\\" : "/", indexes.Select(i => segments[i])));

        paths.Sample(path =>
        {
            var full = Path.GetFullPath(path).Replace('\\', '/');
            var expected = full.Length > 1 && full.EndsWith('/') && !full.EndsWith(":/", StringComparison.Ordinal) ? full.TrimEnd('/') : full;
            Assert.Equal(expected, SeedPathForm.Normalize(path));
        });
    }

    [Theory]
    [InlineData("/clone/samples/Corpus.Web/../../seeds/x.txt", "/clone/seeds/", true)]
    [InlineData("/clone/seeds/x.txt", "/clone/samples/Corpus.Web/../../seeds", true)]
    [InlineData("/p/./seeds//2022/x.txt", "/p/seeds/", true)]
    [InlineData("/p/seeds/../x.txt", "/p/seeds/", false)]
    [InlineData("/p/seeds-old/x.txt", "/p/seeds", false)]
    [InlineData("/p/seeds", "/p/seeds/", false)]
    [InlineData("/p/Seeds/x.txt", "/p/seeds/", false)]
    [InlineData(@"C:\p\app\..\seeds\x.txt", "C:/p/seeds/", true)]
    [InlineData(@"c:\p\seeds\x.txt", @"C:\p\seeds\", true)]
    [InlineData(@"C:\P\Seeds\x.txt", @"c:\p\seeds\", false)]
    [InlineData(@"D:\p\seeds\x.txt", @"C:\p\seeds\", false)]
    public void A_file_is_under_a_folder_whatever_the_spelling_of_either(string path, string folder, bool expected)
    {
        Assert.Equal(expected, SeedPathForm.IsUnder(path, folder, ignoreCase: false));
    }

    [Theory]
    [InlineData(@"C:\P\Seeds\x.txt", @"c:\p\seeds\", true)]
    [InlineData("/p/Seeds/x.txt", "/p/seeds/", true)]
    [InlineData(@"D:\p\seeds\x.txt", @"C:\p\seeds\", false)]
    public void Where_the_file_system_ignores_case_so_does_the_comparison(string path, string folder, bool expected)
    {
        Assert.Equal(expected, SeedPathForm.IsUnder(path, folder, ignoreCase: true));
    }

    [Theory]
    [InlineData("/clone/samples/Corpus.Web/../../seeds/x.txt", "/clone/samples/Corpus.Web/", "../../seeds/x.txt")]
    [InlineData("/p/app/./seeds//x.txt", "/p/app", "seeds/x.txt")]
    [InlineData("/p/app/sub/../seeds/x.txt", "/p/app/", "seeds/x.txt")]
    [InlineData("/p/app/seeds/x.txt", "/p/app/sub/..", "seeds/x.txt")]
    [InlineData("/p/shared/x.txt", "/p/app/", "../shared/x.txt")]
    [InlineData(@"C:\p\app\..\seeds\x.txt", @"c:\p\app\", "../seeds/x.txt")]
    [InlineData("/x.txt", "/", "x.txt")]
    public void A_path_relative_to_the_project_is_the_same_for_every_spelling(string path, string directory, string expected)
    {
        Assert.Equal(expected, SeedPathForm.Relative(path, directory, ignoreCase: false));
    }

    [Theory]
    [InlineData(@"D:\p\x.txt", @"C:\p\")]
    [InlineData("seeds/x.txt", "/p/")]
    [InlineData(@"\\server\share\x.txt", @"C:\p\")]
    public void A_path_on_another_root_has_no_relative_form(string path, string directory)
    {
        Assert.Null(SeedPathForm.Relative(path, directory, ignoreCase: true));
    }

    [Fact]
    public void Dot_dot_after_a_link_removes_the_link_as_MSBuild_and_the_compiler_do_without_resolving_it()
    {
        // Lexical, as MSBuild's FullPath: /p/link/.. is /p whatever link points to, so both sides agree on it.
        Assert.Equal("/p/seeds/x.txt", SeedPathForm.Normalize("/p/link/../seeds/x.txt"));
        Assert.True(SeedPathForm.IsUnder("/p/seeds-link/x.txt", "/p/seeds-link/", ignoreCase: false));
    }
}
