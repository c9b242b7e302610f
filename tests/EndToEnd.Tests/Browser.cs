using Microsoft.Playwright;

namespace Digest.EndToEnd.Tests;

/// <summary>The system Chromium (DIGEST_CHROMIUM, else /usr/bin/chromium), headless; Playwright never downloads one.</summary>
public sealed class Browser : IAsyncLifetime
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = default!;

    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable("DIGEST_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A browser test; skipped with the reason when no Chromium is installed (test.sh installs Debian's).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.ExecutablePath is null)
        {
            Skip = "No Chromium: set DIGEST_CHROMIUM or install Debian's chromium (./test.sh does).";
        }
    }
}

/// <summary>A browser theory; skipped with the reason when no Chromium is installed.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Browser.ExecutablePath is null)
        {
            Skip = "No Chromium: set DIGEST_CHROMIUM or install Debian's chromium (./test.sh does).";
        }
    }
}
