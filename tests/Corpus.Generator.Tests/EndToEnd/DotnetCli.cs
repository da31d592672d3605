using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.EndToEnd;

/// <summary>What a finished <c>dotnet</c> command left: its exit code and everything it printed.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command line, exit code and output, for an assertion message.</summary>
    public override string ToString() => $"$ {CommandLine}\n(exit {ExitCode} after {Duration.TotalSeconds:F1} s)\n{Output}";
}

/// <summary>Runs the <c>dotnet</c> that runs these tests, as a person would from a shell, with a time limit.</summary>
public static class DotnetCli
{
    /// <summary>Long enough for a cold restore and build on a 2-core machine; short enough that a hang fails the run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(4);

    // The test host sets MSBuild variables for its own SDK resolution; a child `dotnet build` must resolve on its own.
    private static readonly string[] InheritedVariablesToDrop = ["MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static string Executable
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }

    public static Task<CommandResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        RunProgramAsync(Executable, workingDirectory, arguments, timeout);

    /// <summary>Any program (a native executable a publish made), with the same environment, output capture and time limit.</summary>
    public static async Task<CommandResult> RunProgramAsync(string program, string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariablesToDrop)
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The assertions read MSBuild's and the compiler's messages: they must be in English whatever the machine's locale.
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // No build node or compiler server may outlive the test and hold the temporary package's DLLs.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";

        var commandLine = (program == Executable ? "dotnet" : program) + " " + string.Join(" ", info.ArgumentList.Select(a => a.Contains(' ') ? '"' + a + '"' : a));
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = timeout ?? DefaultTimeout;
        using (var cancellation = new CancellationTokenSource(limit))
        {
            try
            {
                // Also waits for the redirected output to be drained.
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException($"{commandLine} did not finish within {limit.TotalSeconds:F0} s:\n{output}");
            }
        }

        return new CommandResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
    }

    /// <summary>The command's line and time in the test's output (its full output is in the assertion message when it fails).</summary>
    public static async Task<CommandResult> LoggedTo(this Task<CommandResult> command, ITestOutputHelper output)
    {
        var result = await command;
        output.WriteLine($"{result.Duration.TotalSeconds,5:F1} s  exit {result.ExitCode}  {result.CommandLine}");
        return result;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
