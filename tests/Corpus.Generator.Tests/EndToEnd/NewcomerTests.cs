using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>
/// The README's sample commands in a copy of the repository with nothing beside it, as a newcomer meets them (issue 21:
/// in a fresh clone both samples showed no article and the build said nothing, while CI, with <c>../shared</c> beside
/// its clone, saw the seed). The samples name the repository's seeds through <c>..\..\seeds</c>. Builds the generator
/// and both samples from source once (a few minutes on two cores).
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedFeedCollection.Name)]
public sealed partial class NewcomerTests(RepositoryCopy copy, ITestOutputHelper output) : IClassFixture<RepositoryCopy>
{
    private const string Title = "俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_sample_prints_the_repository_seeds_title()
    {
        Assert.Equal([copy.Root], Directory.GetFileSystemEntries(copy.Parent));

        // The README's command, as written (the build it starts has no compiler server to outlive the test).
        var run = await DotnetCli.RunAsync(copy.Root, ["run", "--project", "samples/Corpus.Sample", "-p:UseSharedCompilation=false"], BuildTimeout).LoggedTo(output);

        Assert.True(run.Succeeded, run.ToString());
        Assert.DoesNotContain("CORPUS019", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 article(s), newest first", run.Output, StringComparison.Ordinal);
        Assert.Contains(Title, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_web_sample_serves_the_repository_seed_on_the_home_page_and_at_its_address()
    {
        var build = await DotnetCli.RunAsync(copy.Root, ["build", "samples/Corpus.Web", "-p:UseSharedCompilation=false"], BuildTimeout).LoggedTo(output);
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("CORPUS019", build.Output, StringComparison.Ordinal);

        await using var app = await WebApp.StartAsync(Path.Combine(copy.Root, "samples", "Corpus.Web", "bin", "Debug", "net10.0", "Corpus.Web.dll"));
        var home = await app.Http.GetStringAsync("/");
        var article = await app.Http.GetAsync("/articles/000_153ef59660deb970");
        var page = await article.Content.ReadAsStringAsync();

        Assert.Contains(Title, home, StringComparison.Ordinal);
        Assert.True(article.IsSuccessStatusCode, $"{(int)article.StatusCode} {page}\n{app.Output}");
        Assert.Contains("<h1 lang=\"zh-Hans\">" + Title + "</h1>", page, StringComparison.Ordinal);
    }

    /// <summary>The built web sample on a port the system picks, read from Kestrel's "Now listening on" line; stopped when disposed.</summary>
    private sealed partial class WebApp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();
        private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private WebApp(Process process) => _process = process;

        public HttpClient Http { get; private set; } = null!;

        public string Output => string.Join(Environment.NewLine, _output);

        public static async Task<WebApp> StartAsync(string assembly)
        {
            var start = new ProcessStartInfo(DotnetCli.Executable) { WorkingDirectory = Path.GetDirectoryName(assembly)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { assembly, "--urls", "http://127.0.0.1:0" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Logging__LogLevel__Default"] = "Information";
            start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
            var app = new WebApp(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
            app._process.OutputDataReceived += (_, e) => app.Receive(e.Data);
            app._process.ErrorDataReceived += (_, e) => app.Receive(e.Data);
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            try
            {
                var address = await app._listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
                app.Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
                return app;
            }
            catch (TimeoutException)
            {
                await app.DisposeAsync();
                throw new TimeoutException("The web sample did not listen within 90 s:\n" + app.Output);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Http?.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }

            _output.Enqueue(line);
            if (Listening().Match(line) is { Success: true } match)
            {
                _listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
        private static partial Regex Listening();
    }
}
