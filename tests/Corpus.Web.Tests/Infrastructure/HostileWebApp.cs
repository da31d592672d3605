using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Corpus.Web.Tests;

/// <summary>
/// The web app built again, by <c>dotnet build</c> with the generator as the sample references it, over hostile seeds
/// only: one seed per vector of tests/XssVectors/xss-vectors.txt, written to a temporary folder and handed to the build
/// as its <c>CorpusSeedsDirectory</c> (the repository's seeds/ and the real corpus stay out, and the solution's own build
/// of the sample is not touched: this one goes to its own artifacts folder). Then started like the app itself.
/// </summary>
public sealed class HostileWebApp : IAsyncLifetime
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private readonly string _root = Directory.CreateTempSubdirectory("corpus-web-hostile-").FullName;
    private WebAppProcess? _app;

    /// <summary>The vectors, in file order: the seed of the vector at index i is <see cref="IdOf"/>(i).</summary>
    public IReadOnlyList<(string Name, string Html)> Vectors { get; } = LoadVectors();

    public WebAppProcess App => _app ?? throw new InvalidOperationException("The hostile app is not started.");

    public static string IdOf(int index) => "xss_" + index.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where a vector's article says it comes from: a closed port on this machine, so that nothing it points at loads.</summary>
    public static string UrlOf(string name) => "http://127.0.0.1:9/xss/" + name + ".html";

    public async Task InitializeAsync()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_root, "seeds")).FullName;
        for (var i = 0; i < Vectors.Count; i++)
        {
            var (name, html) = Vectors[i];
            var seed = "<!--1700000000000-->\n[XSS vector " + name + "](" + UrlOf(name) + ")\n------\n\n"
                + "<p>Before " + name + ".</p>" + html + "<p>After " + name + ".</p>\n";
            await File.WriteAllTextAsync(Path.Combine(seeds, IdOf(i) + ".txt"), seed);
        }

        var artifacts = Path.Combine(_root, "artifacts");
        var project = Path.Combine(TestPaths.RepositoryRoot, "samples", "Corpus.Web", "Corpus.Web.csproj");
        await Run(
            "build", project, "-c", TestPaths.Configuration, "--artifacts-path", artifacts, "--disable-build-servers",
            "-p:CorpusSeedsDirectory=" + seeds, "-p:CorpusWebRealSeeds=false", "-p:UseSharedCompilation=false");

        var app = Directory.GetFiles(Path.Combine(artifacts, "bin", "Corpus.Web"), "Corpus.Web.dll", SearchOption.AllDirectories).Single();
        _app = new WebAppProcess(app);
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting app; a temp folder left behind is harmless.
        }
    }

    private static async Task Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(BuildTimeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took more than {BuildTimeout.TotalMinutes} min.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):{Environment.NewLine}{await output}{await error}");
        }
    }

    private static List<(string, string)> LoadVectors()
    {
        var vectors = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "tests", "XssVectors", "xss-vectors.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            vectors.Add((line.Substring(0, bar), line.Substring(bar + 3)));
        }

        return vectors;
    }
}

/// <summary>The hostile app, built and started once for the tests that need it.</summary>
[CollectionDefinition(Name)]
public sealed class HostileWebAppCollection : ICollectionFixture<HostileWebApp>
{
    public const string Name = "Corpus.Web app over hostile seeds";
}
