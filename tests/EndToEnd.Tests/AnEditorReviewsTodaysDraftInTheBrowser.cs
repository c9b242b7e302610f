using System.Text.RegularExpressions;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>The editor's morning in a real browser: sign in, generate, edit with the preview, approve, read it on the site and in RSS.</summary>
public sealed partial class AnEditorReviewsTodaysDraftInTheBrowser(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private static readonly TimeSpan Generation = TimeSpan.FromSeconds(90);

    private async Task<IPage> SignInAsync(string email)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // A failing script or asset shows in the test output, not only as a timeout.
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

    /// <summary>Text typed before the circuit connects would be lost: wait for the page to be interactive.</summary>
    private static Task InteractiveAsync(IPage page) => page.Locator("[data-interactive=yes]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    [BrowserFact]
    public async Task Generate_edit_preview_approve_then_read_it_on_the_site_and_in_rss()
    {
        var page = await SignInAsync(LiveApp.EditorEmail);
        await InteractiveAsync(page);
        await page.SaveAsync("01-today");

        await page.ClickAsync("#generate");
        await Expect(page.Locator("#open-draft")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = (float)Generation.TotalMilliseconds });
        await Expect(page.Locator(".progress")).ToContainTextAsync("The draft is ready");
        await page.SaveAsync("02-today-draft-ready");

        await page.ClickAsync("#open-draft");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/posts/[0-9a-f-]+$"));
        await page.Locator("#title").WaitForAsync();
        await InteractiveAsync(page);
        var benefits = page.Locator("textarea[id^=benefits-]").First;
        await benefits.FillAsync("Editors in the loop catch what **automation** missed.");
        var preview = page.Locator(".editor-preview .post-content");
        await Expect(preview.Locator("strong", new LocatorLocatorOptions { HasTextString = "automation" })).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync("Editors in the loop catch what automation missed.");
        await page.SaveAsync("03-editor-with-preview", fullPage: false);

        // Each sentence shows what it rests on when focused from the keyboard (or hovered), with a link to the source.
        var grounded = page.Locator(".grounding .claim-grounded").First;
        await grounded.FocusAsync();
        var tip = grounded.Locator(".claim-tip");
        await Expect(tip).ToBeVisibleAsync();
        await Expect(tip).ToContainTextAsync("Rests on");
        await Expect(tip.Locator("a").First).ToHaveAttributeAsync("href", new Regex("^https://"));
        await page.SaveAsync("03a-grounding-tip", fullPage: false);

        await page.ClickAsync("#publish-toggle");
        if (await page.Locator("#override").CountAsync() > 0)
        {
            // The offline writer leaves Benefits and Ramifications open; approving anyway is recorded with a reason.
            await page.FillAsync("#override", "Browser test: the other topics stay as the offline writer left them.");
        }

        await page.Locator(".review").SaveAsync("03b-editor-review");
        await page.ClickAsync("#approve");
        await Expect(page.Locator("[role=status].alert")).ToContainTextAsync("Approved and published.");
        await Expect(page.Locator("#post-status")).ToHaveTextAsync("Published");
        await page.SaveAsync("04-approved", fullPage: false);

        var publicLink = page.Locator("a", new PageLocatorOptions { HasTextString = "view the public page" });
        var path = await publicLink.GetAttributeAsync("href");
        await page.GotoAsync(path!);
        await Expect(page.Locator(".post-content")).ToContainTextAsync("Editors in the loop catch what automation missed.");
        await Expect(page.Locator(".disclosure")).ToContainTextAsync(LiveApp.EditorName);
        await Expect(page.Locator(".disclosure")).Not.ToContainTextAsync("@");
        await page.SaveAsync("05-public-page");

        var rss = await page.APIRequest.GetAsync("/index.xml");
        Assert.True(rss.Ok);
        Assert.Contains("Editors in the loop catch what &lt;strong&gt;automation&lt;/strong&gt; missed.", await rss.TextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_second_editor_saving_the_same_post_sees_both_versions_and_chooses()
    {
        var postId = await AddDraftAsync();
        var editor = await SignInAsync(LiveApp.EditorEmail);
        var admin = await SignInAsync(LiveApp.AdminEmail);
        await editor.GotoAsync($"/admin/posts/{postId}");
        await admin.GotoAsync($"/admin/posts/{postId}");
        await InteractiveAsync(editor);
        await InteractiveAsync(admin);

        await editor.FillAsync("#title", "The editor's title");
        await editor.ClickAsync("#save");
        await Expect(editor.Locator("[role=status].alert")).ToContainTextAsync("Saved.");

        await admin.FillAsync("#title", "The admin's title");
        await admin.ClickAsync("#save");
        var conflict = admin.Locator(".conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.Locator(".diff-line.diff-removed")).ToContainTextAsync(["# The editor's title"]);
        await Expect(conflict.Locator(".diff-line.diff-added")).ToContainTextAsync(["# The admin's title"]);
        await conflict.SaveAsync("06-conflict");

        await conflict.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save my version over theirs" }).ClickAsync();
        await Expect(admin.Locator(".conflict")).ToHaveCountAsync(0);
        await Expect(admin.Locator("[role=status].alert")).ToContainTextAsync("Saved.");

        await admin.GotoAsync($"/admin/posts/{postId}/revisions");
        await Expect(admin.Locator("table.revisions tbody tr")).ToHaveCountAsync(2);
        await Expect(admin.Locator(".diff")).ToContainTextAsync("# The admin's title");
        await admin.SaveAsync("07-revisions");
    }

    [BrowserFact]
    public async Task Every_screen_of_the_dashboard_opens_for_an_admin()
    {
        await AddDraftAsync();
        var page = await SignInAsync(LiveApp.AdminEmail);
        foreach (var (path, heading, name) in new[]
        {
            ("/admin/posts", "Posts", "08-posts"),
            ("/admin/runs", "Generation runs", "09-runs"),
            ("/admin/settings", "Settings", "10-settings"),
            ("/admin/users", "Users", "11-users"),
            ("/admin/audit", "Audit log", "12-audit"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await Expect(page.Locator("text=Loading…")).ToHaveCountAsync(0);
            await page.SaveAsync(name);
        }
    }

    private async Task<Guid> AddDraftAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var now = DateTime.UtcNow;
        var post = Post.CreateDraft($"conflict-{Guid.NewGuid():N}", "A post two people edit", now, "Digest", PostOrigin.Manual, now);
        post.AddSection(new Section(SectionKind.Topic, "Sparse attention at 1M tokens", "A paper.", "Longer context lets models read whole code bases and long reports at once.", "Costlier serving puts long-context models out of reach for small labs and hobbyists."))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://example.org/r/ml/1", "most discussed"));
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }
}
