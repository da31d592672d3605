using System;
using System.Collections.Generic;

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
    /// The path relative to the project directory with <c>/</c> separators, the same on every machine: a seed in the
    /// project is <c>seeds/x.txt</c>, one beside it <c>../seeds/x.txt</c>. When the directory is unknown, or the seed is
    /// on another drive, the seed is named by its file name alone.
    /// </summary>
    public static string Relative(string filePath, string? projectDirectory)
    {
        var path = filePath.Replace('\\', '/');
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return FileName(path);
        }

        var fileParts = path.Split('/');
        var directoryParts = projectDirectory!.Replace('\\', '/').TrimEnd('/').Split('/');

        // Paths on Windows and macOS compare without case; a prefix that matches only so is still the project.
        var common = 0;
        while (common < directoryParts.Length && common < fileParts.Length - 1
            && string.Equals(directoryParts[common], fileParts[common], StringComparison.OrdinalIgnoreCase))
        {
            common++;
        }

        if (common == 0)
        {
            return FileName(path);
        }

        var parts = new List<string>();
        for (var i = common; i < directoryParts.Length; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < fileParts.Length; i++)
        {
            parts.Add(fileParts[i]);
        }

        return string.Join("/", parts);
    }

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }
}
