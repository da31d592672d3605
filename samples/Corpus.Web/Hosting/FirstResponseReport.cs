using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Web.Hosting;

/// <summary>
/// Logs, once, how long after the process started the first response was complete, and the memory then: the figures
/// bench/web-startup.sh reads (it also measures from the outside).
/// </summary>
public static class FirstResponseReport
{
    public const string Marker = "first response";

    public static IApplicationBuilder UseFirstResponseReport(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Corpus.Web.Startup");
        var reported = 0;
        return app.Use(async (context, next) =>
        {
            if (Volatile.Read(ref reported) == 0)
            {
                context.Response.OnCompleted(() =>
                {
                    if (Interlocked.Exchange(ref reported, 1) == 0)
                    {
                        Report(logger, context);
                    }

                    return System.Threading.Tasks.Task.CompletedTask;
                });
            }

            await next(context);
        });
    }

    private static void Report(ILogger logger, HttpContext context)
    {
        using var process = Process.GetCurrentProcess();
        var elapsed = DateTime.Now - process.StartTime;
        var gc = GC.GetGCMemoryInfo();
        logger.LogInformation(
            "{Marker}: {Method} {Path} {Status} at {ElapsedMs} ms after process start; working set {WorkingSetMiB} MiB, GC heap {HeapMiB} MiB, managed in use {ManagedMiB} MiB; {Count} articles",
            Marker,
            context.Request.Method,
            context.Request.Path.Value,
            context.Response.StatusCode,
            Math.Round(elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            MiB(process.WorkingSet64),
            MiB(gc.HeapSizeBytes),
            MiB(GC.GetTotalMemory(forceFullCollection: false)),
            Articles.Count);
    }

    private static string MiB(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
