using Microsoft.Playwright;

namespace Digest.EndToEnd.Tests;

/// <summary>Saves a full-page screenshot of each screen to DIGEST_TEST_ARTIFACTS (TestResults/artifacts under test.sh).</summary>
internal static class Screenshots
{
    private static readonly string Directory = Environment.GetEnvironmentVariable("DIGEST_TEST_ARTIFACTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(AppContext.BaseDirectory, "artifacts");

    /// <param name="fullPage">False for long pages whose top is what matters (the editor scrolls beside a sticky preview).</param>
    public static async Task SaveAsync(this IPage page, string name, bool fullPage = true)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}.png"), FullPage = fullPage });
    }

    public static async Task SaveAsync(this ILocator part, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Directory, $"{name}.png") });
    }
}
