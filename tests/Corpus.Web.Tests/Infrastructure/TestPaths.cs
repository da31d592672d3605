using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Corpus.Web.Tests;

/// <summary>Where the built web app and the repository are (written into this assembly by the project file).</summary>
internal static class TestPaths
{
    public static string WebApp => Metadata("WebApp");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>The configuration the tests (and so the app) were built in.</summary>
    public static string Configuration => Metadata("Configuration");

    /// <summary>Screenshots: artifacts/screenshots in the repository (git-ignored), or CORPUS_SCREENSHOTS.</summary>
    public static string Screenshots =>
        Environment.GetEnvironmentVariable("CORPUS_SCREENSHOTS") is { Length: > 0 } custom
            ? custom
            : Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
