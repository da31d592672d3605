using System;

namespace Corpus.Web.Tests;

/// <summary>
/// The browser for a test class, started by the first test that asks for it: a skipped test never starts Chromium, and
/// a missing Chromium fails each browser test with the reason.
/// </summary>
public sealed class ChromiumFixture : IDisposable
{
    private readonly Lazy<ChromiumSession> _session = new(() => new ChromiumSession());

    public ChromiumSession Session => _session.Value;

    public void Dispose()
    {
        if (_session.IsValueCreated)
        {
            _session.Value.Dispose();
        }
    }
}
