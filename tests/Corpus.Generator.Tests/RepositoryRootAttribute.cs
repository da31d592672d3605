using System;
using System.IO;
using System.Reflection;

namespace Corpus.Generator.Tests;

/// <summary>Where the repository was when the tests were built: the tests find seeds, snapshots and the shared corpus from it.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RepositoryRootAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

internal static class Repository
{
    public static string Root { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<RepositoryRootAttribute>()!.Path.TrimEnd('/', '\\');

    public static string File(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The shared real corpus (<c>../shared/corpus</c> beside the repository), or null where it is not present.</summary>
    public static string? SharedCorpus
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("CORPUS_SHARED_CORPUS");
            if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
            {
                return fromEnvironment;
            }

            var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(beside) ? beside : null;
        }
    }
}
