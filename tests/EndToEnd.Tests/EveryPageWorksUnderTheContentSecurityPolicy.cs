using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// Every public and dashboard page loaded in Chromium under the site's Content-Security-Policy (scripts from the site
/// only, no inline script): the browser reports no violation, and the dashboard's scripts and WebSocket still work.
/// </summary>
public sealed class EveryPageWorksUnderTheContentSecurityPolicy(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    // Runs in every page before its own scripts; the browser fires this event for each blocked load or execution.
    private const string CollectViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || location.href}:${e.lineNumber}`));
        """;

    [BrowserFact]
    public async Task Public_pages_and_every_dashboard_screen_load_without_a_single_violation()
    {
        var (postId, slug) = await PublishAsync();
        var (page, violations) = await NewPageAsync();

        foreach (var path in new[] { "/", $"/posts/{slug}/", "/archives/", "/tags/", "/tags/csp-test/", "/search/?q=attention", "/predictions", "/no-such-page", "/account/login" })
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
            await AssertCleanAsync(page, violations, path);
        }

        // The theme script runs under the policy: its toggle appears and works.
        await page.GotoAsync("/");
        await page.ClickAsync("#theme-toggle");
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));

        await page.GotoAsync("/admin");
        await page.FillAsync("#email", LiveApp.AdminEmail);
        await page.FillAsync("#password", LiveApp.Password);
        // The dashboard the sign-in lands on opens its circuit too: wait for it, or its WebSocket, opened late on a
        // slow machine, would be taken for the next screen's.
        var landed = CircuitAnswered(page);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await landed.WaitAsync(TimeSpan.FromSeconds(15));

        foreach (var path in new[] { "/admin", "/admin/posts", $"/admin/posts/{postId}", $"/admin/posts/{postId}/revisions", "/admin/runs", "/admin/sources", "/admin/prompts", "/admin/settings", "/admin/users", "/admin/audit" })
        {
            // Each screen is a circuit: the page only works once its WebSocket (connect-src) answers.
            var circuit = CircuitAnswered(page);
            await page.GotoAsync(path);
            await AssertCleanAsync(page, violations, path);
            try
            {
                await circuit.WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{path}: the dashboard's WebSocket never answered");
            }
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
            await Expect(page.Locator("text=Loading…")).ToHaveCountAsync(0);
            await AssertCleanAsync(page, violations, path);
        }

        // Import and export is a static form (uploads post to the server): blazor.web.js loads, no circuit.
        await page.GotoAsync("/admin/import-export");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Import and export");
        await AssertCleanAsync(page, violations, "/admin/import-export");

        // An interactive action over the circuit: sorting the posts re-renders the grid.
        await page.GotoAsync("/admin/posts");
        await page.ClickAsync("button.sort >> text=Post");
        await Expect(page.Locator("th[aria-sort=ascending], th[aria-sort=descending]")).ToHaveCountAsync(1);
        await AssertCleanAsync(page, violations, "/admin/posts (sorted)");

        // Hangfire's dashboard has style attributes of its own; its policy allows inline styles, never inline script.
        var jobs = await page.GotoAsync("/admin/jobs");
        Assert.DoesNotContain("'unsafe-inline'", Directive(await jobs!.HeaderValueAsync("content-security-policy"), "script-src"), StringComparison.Ordinal);
        await Expect(page.Locator("text=Digest jobs").First).ToBeVisibleAsync();
        await AssertCleanAsync(page, violations, "/admin/jobs");
    }

    private static Task CircuitAnswered(IPage page)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSocket(object? sender, IWebSocket socket)
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                socket.FrameReceived += (_, _) => answered.TrySetResult();
                page.WebSocket -= OnSocket;
            }
        }

        page.WebSocket += OnSocket;
        return answered.Task;
    }

    private async Task<(IPage Page, ConcurrentQueue<string> Console)> NewPageAsync()
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString(), ColorScheme = ColorScheme.Light });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(CollectViolations);
        var page = await context.NewPageAsync();
        // Chromium also writes each refusal to the console; keep those as a second witness.
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Enqueue(message.Text);
            }
        };
        return (page, console);
    }

    private static async Task AssertCleanAsync(IPage page, ConcurrentQueue<string> console, string path)
    {
        var reported = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        Assert.True(reported.Length == 0 && console.IsEmpty, $"{path}: {string.Join(" | ", reported.Concat(console))}");
    }

    private static string Directive(string? policy, string name) =>
        (policy ?? "").Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal)) ?? "";

    private async Task<(Guid Id, string Slug)> PublishAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var now = DateTime.UtcNow;
        var post = Post.CreateDraft($"csp-{Guid.NewGuid():N}", "A post under the policy", now, "Digest", PostOrigin.Manual, now);
        post.AddSection(new Section(SectionKind.Topic, "Sparse attention at 1M tokens", "A paper with a [link](https://example.org/paper) and `code`.",
            "Longer context lets models read whole code bases and long reports at once.", "Costlier serving puts long-context models out of reach for small labs."))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://example.org/r/ml/1", "most discussed"));
        post.SetMetadata(new PostMetadata(post.Title, post.Slug, "A post for the policy test.", post.Date, post.Author, ["csp test"], PostFlags.HouseDefault, Cover.None), now);
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        var published = await scope.ServiceProvider.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, LiveApp.EditorEmail, overrideReason: "policy test post");
        return (published.Id, published.Slug);
    }
}
