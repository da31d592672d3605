using System;
using System.IO;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Corpus.Web.Tests;

/// <summary>One headless Chromium, driven through WebDriver, with a fresh profile that is deleted afterwards.</summary>
public sealed class ChromiumSession : IDisposable
{
    private readonly string _profile;

    public ChromiumSession()
    {
        if (SystemChromium.Missing is { } missing)
        {
            throw new InvalidOperationException(missing + " CI=true: browser tests must run, so this is a failure, not a skip.");
        }

        _profile = Directory.CreateTempSubdirectory("corpus-web-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = SystemChromium.Browser };
        options.AddArguments(
            "--headless=new",
            // Root in a container has no user namespaces for the sandbox.
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            // The machine's network is closed: no background connections to wait for or to be refused.
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + _profile,
            "--window-size=1280,900",
            "--lang=en-US");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(SystemChromium.Driver)!, Path.GetFileName(SystemChromium.Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Saves what the browser shows to artifacts/screenshots/NAME.png and returns the path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(TestPaths.Screenshots);
        var path = Path.Combine(TestPaths.Screenshots, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; a temp folder left behind is harmless.
        }
    }
}
