using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// The repository as a newcomer gets it (issue 21): its tracked files (and new ones not ignored, so a change under test
/// is in it) copied into a fresh temporary folder with nothing beside it, so no <c>../shared</c> corpus. No build
/// output is copied: the samples build from scratch there, with the generator as a project reference, as after a clone.
/// </summary>
public sealed class RepositoryCopy : IAsyncLifetime
{
    public RepositoryCopy()
    {
        Parent = Path.Combine(Path.GetTempPath(), "corpus-newcomer-" + Guid.NewGuid().ToString("N")[..8]);
        Root = Path.Combine(Parent, "Corpus.Generator");
    }

    /// <summary>The folder that holds the copy and nothing else.</summary>
    public string Parent { get; }

    public string Root { get; }

    public Task InitializeAsync()
    {
        var files = TrackedFiles();
        foreach (var file in files)
        {
            var source = Path.Combine(Repository.Root, file);
            if (!File.Exists(source))
            {
                continue; // Deleted in the working tree but still in the index.
            }

            var target = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        if (!File.Exists(Path.Combine(Root, "seeds", PackedFeed.ProjectSeedName)))
        {
            throw new InvalidOperationException($"The copy of {Repository.Root} in {Root} has no seeds/{PackedFeed.ProjectSeedName}.");
        }

        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable(PackedFeed.KeepVariable) != "1")
        {
            try
            {
                Directory.Delete(Parent, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is not a test failure.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary><c>git ls-files</c>: what a clone of this working tree would hold, the uncommitted changes included.</summary>
    private static string[] TrackedFiles()
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "ls-files", "-z", "--cached", "--others", "--exclude-standard" })
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        var listing = git.StandardOutput.ReadToEnd();
        var errors = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git ls-files failed in {Repository.Root} (the newcomer tests copy a git checkout):\n{errors}");
        }

        return listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
    }
}
