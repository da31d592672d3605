using System;
using System.Collections.Generic;

namespace Corpus.Generator.Paths;

/// <summary>
/// One spelling of a file path, for every comparison and key the package makes on seed paths. The compiler hands the
/// generator a path as the command line had it (<c>/repo/app/../seeds/x.txt</c>, <c>C:\repo\app\./seeds\x.txt</c>),
/// while MSBuild's full paths and <c>CorpusSeedsPath</c> are normalised: without one form, a seed named through
/// <c>..</c> is not under the seeds folder it is in. Lexical, as MSBuild's <c>FullPath</c> and the compiler's own
/// .editorconfig matching are: <c>..</c> removes the segment before it, never resolving a symbolic link, and a file
/// reached through a link keeps the link's path. Pure (no file system, no Roslyn), so it is tested by itself.
/// </summary>
internal static class SeedPathForm
{
    /// <summary>Whether paths compare without letter case on this machine, as its file system does (Windows).</summary>
    public static bool IgnoresCase => OnWindows;

    private static bool OnWindows { get; } = System.IO.Path.DirectorySeparatorChar == '\\';

    /// <summary>
    /// The path with <c>/</c> separators, no <c>.</c> segment, no doubled separator, each <c>..</c> removed with the
    /// segment before it (at the root it stays at the root; a relative path keeps its leading ones), a drive letter in
    /// upper case and no trailing separator (except the root's). A UNC path keeps its leading <c>//</c>.
    /// </summary>
    public static string Normalize(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        var slashed = path.Replace('\\', '/');
        var root = RootOf(path, slashed);
        if (root.Length == slashed.Length)
        {
            return root;
        }

        var segments = new List<string>();
        foreach (var segment in slashed.Substring(root.Length).Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0 && segments[segments.Count - 1] != "..")
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                else if (root.Length == 0)
                {
                    segments.Add(segment);
                }

                continue;
            }

            segments.Add(segment);
        }

        var joined = string.Join("/", segments);
        return root.Length == 0 && joined.Length == 0 ? "." : root + joined;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a file inside <paramref name="folder"/> (at any depth), both in any spelling;
    /// letter case ignored when <paramref name="ignoreCase"/> says the file system ignores it.
    /// </summary>
    public static bool IsUnder(string path, string folder, bool ignoreCase)
    {
        var file = Normalize(path);
        var directory = Normalize(folder);
        if (directory == ".")
        {
            return false;
        }

        var prefix = directory.EndsWith("/", StringComparison.Ordinal) ? directory : directory + "/";
        return file.Length > prefix.Length && file.StartsWith(prefix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="directory"/> with <c>/</c> separators (<c>seeds/x.txt</c>,
    /// <c>../shared/x.txt</c>), both in any spelling; null when they share no root (another drive, or either relative).
    /// </summary>
    public static string? Relative(string path, string directory, bool ignoreCase)
    {
        var file = Normalize(path);
        var folder = Normalize(directory);
        var fileRoot = RootOf(file, file);
        var folderRoot = RootOf(folder, folder);
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (fileRoot.Length == 0 || !string.Equals(fileRoot, folderRoot, comparison))
        {
            return null;
        }

        var fileParts = Split(file.Substring(fileRoot.Length));
        var folderParts = Split(folder.Substring(folderRoot.Length));
        var common = 0;
        while (common < folderParts.Length && common < fileParts.Length - 1 && string.Equals(folderParts[common], fileParts[common], comparison))
        {
            common++;
        }

        var parts = new List<string>();
        for (var i = common; i < folderParts.Length; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < fileParts.Length; i++)
        {
            parts.Add(fileParts[i]);
        }

        return string.Join("/", parts);
    }

    /// <summary>
    /// The root of a path with <c>/</c> separators: <c>/</c>, <c>C:/</c> or <c>C:</c> (letter upper-cased), <c>//server/share/</c>
    /// for a UNC path (<c>\\server\share</c>, or <c>//server/share</c> on Windows: elsewhere a leading <c>//</c> is
    /// <c>/</c>, as the runtime and MSBuild read it there), or empty for a relative path.
    /// </summary>
    private static string RootOf(string original, string slashed)
    {
        if (slashed.Length >= 2 && IsLetter(slashed[0]) && slashed[1] == ':')
        {
            var drive = char.ToUpperInvariant(slashed[0]) + ":";
            return slashed.Length > 2 && slashed[2] == '/' ? drive + "/" : drive;
        }

        var unc = original.StartsWith(@"\\", StringComparison.Ordinal) || (OnWindows && original.StartsWith("//", StringComparison.Ordinal));
        if (unc && slashed.Length > 2 && slashed[2] != '/')
        {
            var server = slashed.IndexOf('/', 2);
            var share = server < 0 ? -1 : slashed.IndexOf('/', server + 1);
            return share < 0 ? slashed : slashed.Substring(0, share + 1);
        }

        return slashed.StartsWith("/", StringComparison.Ordinal) ? "/" : string.Empty;
    }

    private static string[] Split(string rest) => rest.Length == 0 ? Array.Empty<string>() : rest.Split('/');

    private static bool IsLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
}
