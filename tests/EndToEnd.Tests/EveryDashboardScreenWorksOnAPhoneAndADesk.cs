using Deque.AxeCore.Commons;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// Every dashboard screen at 390×844 and 1280×800, light and dark: nothing wider than the phone, controls a thumb can
/// hit (44 px), no serious or critical axe-core finding, and a screenshot of each in the test artifacts.
/// </summary>
public sealed class EveryDashboardScreenWorksOnAPhoneAndADesk(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private const string Controls =
        "button, select, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), a.button, .admin-nav a, summary, label.hit, label.check";

    /// <summary>axe-core as the Deque package ships it, added to every page of a context before the page's own scripts.</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!;
        return new StreamReader(stream).ReadToEnd();
    });

    private static readonly string[] ContrastOnly = ["color-contrast"];

    private sealed record AxeViolation(string Id, string? Impact, string Help, string[] Targets);

    [BrowserFact]
    public async Task Each_screen_fits_a_phone_reads_in_light_and_dark_and_passes_axe()
    {
        var post = await SeedAsync();
        var screens = new (string Path, string Heading, string Name)[]
        {
            ("/admin", "Today", "today"),
            ("/admin/posts", "Posts", "posts"),
            ($"/admin/posts/{post}", "Edit post", "editor"),
            ($"/admin/posts/{post}/revisions", "Revisions", "revisions"),
            ("/admin/runs", "Generation runs", "runs"),
            ("/admin/sources", "Sources", "sources"),
            ("/admin/prompts", "Prompts", "prompts"),
            ("/admin/settings", "Settings", "settings"),
            ("/admin/users", "Users", "users"),
            ("/admin/audit", "Audit log", "audit"),
            ("/admin/import-export", "Import and export", "import-export"),
            ("/admin/subscribers", "Subscribers", "subscribers"),
            ("/admin/newsletter", "Newsletter deliveries", "newsletter"),
            ("/admin/account", "Your account", "account"),
            ("/admin/no-such-screen", "Not found", "not-found"),
        };
        var problems = new List<string>();
        foreach (var size in new[] { DashboardBrowser.Phone, DashboardBrowser.Desk })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var page = await browser.SignInAsync(app, LiveApp.AdminEmail, size, scheme);
                await page.Context.AddInitScriptAsync(AxeSource.Value);
                foreach (var (path, heading, name) in screens)
                {
                    await page.GotoAsync(path);
                    await Expect(page.Locator("main h1").First).ToHaveTextAsync(heading);
                    if (path is not "/admin/no-such-screen" and not "/admin/import-export" and not "/admin/newsletter")
                    {
                        await page.InteractiveAsync();
                    }

                    await Expect(page.Locator("text=Loading…")).ToHaveCountAsync(0);
                    var where = $"{path} at {size.Name()} in {scheme.ToString().ToLowerInvariant()}";
                    problems.AddRange(await CheckAsync(page, size, where, everyRule: scheme == ColorScheme.Light));
                    // The whole page in light; what shows first in dark (a full page of the editor on a phone is 13,000 px).
                    await page.SaveAsync($"screen-{name}-{size.Name()}-{scheme.ToString().ToLowerInvariant()}", fullPage: scheme == ColorScheme.Light);
                }

                if (size == DashboardBrowser.Phone)
                {
                    problems.AddRange(await CheckMenuAsync(page, scheme));
                }

                await page.Context.CloseAsync();
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task The_public_predictions_page_fits_a_phone()
    {
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.Address.ToString(), ViewportSize = DashboardBrowser.Phone });
        await page.GotoAsync("/predictions");

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= DashboardBrowser.Phone.Width);
        await page.SaveAsync("screen-public-predictions-phone-light");
        await page.CloseAsync();
    }

    /// <param name="everyRule">
    /// Every axe rule, or only colour contrast: the dark scheme changes colours and nothing else, so the other rules
    /// have already had their say on the same page in light. (A full axe run costs about a second a screen.)
    /// </param>
    private static async Task<List<string>> CheckAsync(IPage page, ViewportSize size, string where, bool everyRule = true)
    {
        var problems = new List<string>();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (width > size.Width)
        {
            // Name the elements that stick out, innermost first, so the message says what to fix.
            var wide = await page.EvaluateAsync<string[]>("""
                limit => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > limit + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > limit + 0.5))
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.classList.length ? '.' + [...e.classList].join('.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`)
                """, size.Width);
            problems.Add($"{where}: the page is {width} px wide, wider than the screen ({size.Width} px): {string.Join(", ", wide)}.");
        }

        if (size == DashboardBrowser.Phone)
        {
            var small = await page.EvaluateAsync<string[]>("""
                selector => [...document.querySelectorAll(selector)]
                    .filter(e => e.offsetParent !== null && !e.closest('[hidden]'))
                    .map(e => ({ e, r: e.getBoundingClientRect() }))
                    .filter(x => x.r.width > 0 && (x.r.height < 43.5 || x.r.width < 43.5))
                    .map(x => `${x.e.tagName.toLowerCase()}${x.e.id ? '#' + x.e.id : ''} "${(x.e.textContent || x.e.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(x.r.width)}×${Math.round(x.r.height)}`)
                """, Controls);
            problems.AddRange(small.Select(s => $"{where}: touch target under 44 px: {s}"));
        }

        // axe-core is in the page already (an init script of the context, see AxeSource): run it there.
        var violations = await page.EvaluateAsync<AxeViolation[]>("""
            async rules => (await axe.run(document, rules ? { runOnly: { type: 'rule', values: rules } } : {})).violations
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)) }))
            """, everyRule ? null : ContrastOnly);
        foreach (var violation in violations.Where(v => v.Impact is "serious" or "critical"))
        {
            problems.Add($"{where}: axe {violation.Impact} {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Targets)}");
        }

        return problems;
    }

    /// <summary>On a phone the navigation folds behind a Menu button and opens on a tap, with every entry a thumb's size.</summary>
    private static async Task<List<string>> CheckMenuAsync(IPage page, ColorScheme scheme)
    {
        await page.GotoAsync("/admin");
        await page.InteractiveAsync();
        var menu = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Menu" });
        await Expect(page.Locator("#admin-nav")).ToBeHiddenAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#admin-nav a[href='/admin/sources']")).ToBeVisibleAsync();
        var problems = await CheckAsync(page, DashboardBrowser.Phone, $"the open menu in {scheme.ToString().ToLowerInvariant()}");

        // The theme entry says which theme is on, and a tap switches it (and back, for the checks that follow).
        var toggle = page.Locator("#admin-nav #theme-toggle");
        var state = page.Locator("#admin-nav #theme-toggle .toggle-state");
        var shown = () => state.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");
        var (now, other) = scheme == ColorScheme.Dark ? ("\"On\"", "\"Off\"") : ("\"Off\"", "\"On\"");
        Assert.Equal(now, await shown());
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", scheme == ColorScheme.Dark ? "false" : "true");
        Assert.Equal(other, await shown());
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", scheme == ColorScheme.Dark ? "true" : "false");
        Assert.Equal(now, await shown());
        await page.SaveAsync($"screen-menu-phone-{scheme.ToString().ToLowerInvariant()}", fullPage: false);
        await page.Locator("#admin-nav a[href='/admin/posts']").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Posts");
        await Expect(page.Locator("#admin-nav")).ToBeHiddenAsync();
        return problems;
    }

    /// <summary>A draft with every kind of section and a revision, a run and an audit entry, so no screen is empty.</summary>
    private async Task<Guid> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var edition = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var run = GenerationRun.Start(edition, "schedule", "offline (no model)", DateTime.UtcNow.AddDays(-1));
        var post = Post.CreateGeneratedDraft(edition, "[Daily Automated AI Summary]", "Digest", "offline (no model)", run.Id, DateTime.UtcNow.AddDays(-1));
        post.AddSection(new Section(SectionKind.Notice, null, "This post has been automatically generated."));
        post.AddSection(new Section(SectionKind.Topic, "Sparse attention reaches a million tokens on one GPU", "A paper (with code) shows it.", null, "Costlier serving puts long-context models out of reach for small labs."))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points · 57 comments", "https://example.org/r/ml/1", "most discussed today"));
        post.AddSection(new Section(SectionKind.Trending, "SmolLM3 released under Apache-2.0", null));
        post.AddSection(new Section(SectionKind.Prediction, "Artificial general intelligence", "Progress in reasoning benchmarks continues.", null, null, "2035"));
        run.Succeed(post.Id, DateTime.UtcNow.AddDays(-1).AddSeconds(30));
        db.GenerationRuns.Add(run);
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        var editor = scope.ServiceProvider.GetRequiredService<PostEditor>();
        var saved = await editor.FindAsync(post.Id.ToString());
        await editor.SubmitForReviewAsync(saved.Id, LiveApp.EditorEmail);
        return post.Id;
    }
}
