using System;
using System.IO;

namespace Corpus.Web.Tests;

/// <summary>
/// Debian's Chromium and its chromedriver (packages chromium, chromium-driver: one version, so driver and browser
/// always match; nothing is downloaded). Paths can be changed with CORPUS_CHROMIUM and CORPUS_CHROMEDRIVER.
/// </summary>
internal static class SystemChromium
{
    public static string Browser => Environment.GetEnvironmentVariable("CORPUS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string Driver => Environment.GetEnvironmentVariable("CORPUS_CHROMEDRIVER") is { Length: > 0 } path ? path : "/usr/bin/chromedriver";

    /// <summary>Null when both are installed, else what is missing and how to install it.</summary>
    public static string? Missing =>
        File.Exists(Browser) && File.Exists(Driver)
            ? null
            : $"Chromium or chromedriver is not installed ({Browser}, {Driver}): apt-get install chromium chromium-driver.";

    /// <summary>In CI a missing browser fails the browser tests; elsewhere they are skipped with the reason.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A browser test: skipped, with the reason, where Chromium is not installed, except in CI (CI=true), where it runs and
/// fails loudly so that a green CI never hides browser tests that did not happen.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (SystemChromium.Missing is { } reason && !SystemChromium.IsCi)
        {
            Skip = reason;
        }
    }
}
