using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>A signed-in browser tab on the dashboard, and a CPU slowed down as on a busy laptop.</summary>
internal static partial class Sessions
{
    public static async Task<IPage> SignInAsync(this IBrowser browser, Uri address, string email, int width = 1280, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") Console.WriteLine($"browser console: {m.Text}"); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", LiveApp.Password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(AdminHome());
        return page;
    }

    /// <summary>Slows this tab's CPU by <paramref name="rate"/> through the DevTools protocol (1 = full speed).</summary>
    public static async Task SlowDownAsync(this IPage page, int rate)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = rate });
    }

    [GeneratedRegex("/admin$")]
    private static partial Regex AdminHome();
}
