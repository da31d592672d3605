using System;
using Corpus.Generator.Paths;

namespace Corpus.Generator.Reading;

/// <summary>How a seed's file path becomes its Id and its project-relative <c>SeedPath</c>.</summary>
internal static class SeedPaths
{
    /// <summary>The file name without its last extension: <c>seeds/000_153ef59660deb970.txt</c> gives <c>000_153ef59660deb970</c>.</summary>
    public static string IdOf(string filePath)
    {
        var name = FileName(filePath);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    /// <summary>
    /// The path relative to the project directory with <c>/</c> separators, the same on every machine and for every
    /// spelling of the path (<see cref="SeedPathForm"/>): a seed in the project is <c>seeds/x.txt</c>, one beside it
    /// <c>../seeds/x.txt</c>, whether the compiler was given <c>seeds/x.txt</c>, <c>./seeds//x.txt</c> or
    /// <c>sub/../seeds/x.txt</c>. When the directory is unknown, or the seed is on another drive, the seed is named by
    /// its file name alone.
    /// </summary>
    public static string Relative(string filePath, string? projectDirectory) =>
        (string.IsNullOrEmpty(projectDirectory) ? null : SeedPathForm.Relative(filePath, projectDirectory!, SeedPathForm.IgnoresCase))
        is { Length: > 0 } relative ? relative : FileName(filePath);

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }
}
