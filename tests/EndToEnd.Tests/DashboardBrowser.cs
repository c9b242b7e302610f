using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>The two screens people use the dashboard on, and how a person gets into it.</summary>
internal static class DashboardBrowser
{
    public static readonly ViewportSize Desk = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static string Name(this ViewportSize size) => size.Width < 600 ? "phone" : "desk";

    /// <summary>A fresh browser context signed in as <paramref name="email"/>, on Today.</summary>
    public static async Task<IPage> SignInAsync(this Browser browser, LiveApp app, string email, ViewportSize? size = null, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = size ?? Desk,
            ColorScheme = scheme,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") Console.WriteLine($"browser console: {m.Text}"); };
        page.Response += (_, r) => { if (r.Status >= 500) Console.WriteLine($"HTTP {r.Status} {r.Url}"); };
        await page.GotoAsync("/admin");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", LiveApp.Password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        return page;
    }

    /// <summary>Text typed before the circuit connects would be lost: wait for the page to say it is interactive.</summary>
    public static Task InteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=yes]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
