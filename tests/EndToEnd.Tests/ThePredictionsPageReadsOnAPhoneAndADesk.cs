using System.Text.RegularExpressions;
using Digest.Infrastructure.Hugo;
using Digest.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>/predictions over the old blog's archive as a reader opens it: from the site's navigation, on a phone and a desk, light and dark.</summary>
public sealed class ThePredictionsPageReadsOnAPhoneAndADesk(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    [BrowserFact]
    public async Task The_chart_its_legend_and_the_table_fit_the_screen_and_the_text_stays_readable_in_both_themes()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<HugoImporter>().ImportAsync(HugoArchiveReader.ReadFolder(FixtureFolder.Path("seed-archive")));
            Assert.Equal(0, report.Failed);
        }

        foreach (var (width, scheme) in new[] { (390, ColorScheme.Light), (390, ColorScheme.Dark), (1280, ColorScheme.Light), (1280, ColorScheme.Dark) })
        {
            await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.Address.ToString(),
                ViewportSize = new ViewportSize { Width = width, Height = 844 },
                ColorScheme = scheme,
            });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.Locator("nav a[href='/predictions']").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/predictions$"));

            var chart = page.Locator("figure.chart svg");
            await Expect(chart).ToBeVisibleAsync();
            await Expect(page.Locator(".chart-legend li")).ToHaveCountAsync(2);
            var what = $"{width} px, {scheme}";

            // Nothing is cut off or needs sideways scrolling, and the chart uses the column it has.
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{what}: the page scrolls sideways by {overflow} px");
            var box = (await chart.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{what}: the chart spans {box.X}–{box.X + box.Width}");
            Assert.True(box.Width >= Math.Min(width, 720) * 0.8, $"{what}: the chart is only {box.Width} px wide");

            // The axis labels are drawn at a size a reader can read, whatever the chart is scaled to.
            // (the font size in the SVG's units times the scale it is drawn at on screen)
            var smallest = await page.EvaluateAsync<double>("Math.min(...[...document.querySelectorAll('figure.chart svg .axes text')].map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))");
            Assert.True(smallest >= 12, $"{what}: axis labels are drawn at {smallest:0.0} px");
            var cut = await page.EvaluateAsync<double>("(() => { const svg = document.querySelector('figure.chart svg').getBoundingClientRect(); return Math.max(...[...document.querySelectorAll('figure.chart svg .axes text')].map(t => { const r = t.getBoundingClientRect(); return Math.max(r.right - svg.right, svg.left - r.left, svg.top - r.top, r.bottom - svg.bottom); })); })()");
            Assert.True(cut <= 0.5, $"{what}: an axis label is cut off by {cut:0.0} px");
            var tableOverflow = await page.EvaluateAsync<int>("(() => { const t = document.querySelector('table.predictions-table'); return t.getBoundingClientRect().right - document.documentElement.clientWidth; })()");
            Assert.True(tableOverflow <= 0, $"{what}: the table sticks out by {tableOverflow} px");

            // The theme toggle is there and switches the page to the other theme.
            var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            await page.Locator("#theme-toggle").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", scheme == ColorScheme.Dark ? "light" : "dark");
            Assert.NotEqual(background, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
            await page.Locator("#theme-toggle").ClickAsync();
            await page.SaveAsync($"predictions-{width}-{scheme.ToString().ToLowerInvariant()}");
        }
    }
}
