using Digest.Infrastructure.Data;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// A dashboard screen is painted before its circuit connects. An editor who types and clicks at once — no waiting after
/// the page loads, on a fast machine and on one whose CPU is four times slower — loses no keystroke and no click: the
/// controls are disabled ("Connecting…") until they work, as Playwright, like a person, only types into a field it can
/// use. A circuit the server has dropped comes back from the browser's copy, and the page says so.
/// </summary>
public sealed class NothingTypedOrClickedEarlyIsLost(NothingTypedOrClickedEarlyIsLost.ForgetfulApp app, Browser browser)
    : IClassFixture<NothingTypedOrClickedEarlyIsLost.ForgetfulApp>, IClassFixture<Browser>
{
    [BrowserTheory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Every_keystroke_typed_right_after_the_editor_opens_reaches_the_saved_post(int cpuSlowdown)
    {
        var post = await app.AddDraftAsync("Typed at once");
        var page = await browser.Chromium.SignInAsync(app.Address, LiveApp.EditorEmail);
        await page.SlowDownAsync(cpuSlowdown);

        await page.GotoAsync($"/admin/posts/{post.Id}");
        var title = page.Locator("#title");
        await title.ClickAsync();
        await title.PressAsync("End");
        await title.PressSequentiallyAsync(", every letter kept");
        var benefits = page.Locator("textarea[id^=benefits-]").First;
        await benefits.ClickAsync();
        await benefits.PressAsync("Control+End");
        await benefits.PressSequentiallyAsync(" Typed fast, saved whole.");
        await page.ClickAsync("#save");

        await Expect(page.Locator("[role=status].alert")).ToContainTextAsync("Saved.");
        await Expect(page.Locator(".editor-bar .save-state")).ToHaveTextAsync("All changes saved");
        var saved = await app.FindAsync(post.Id);
        Assert.Equal("Typed at once, every letter kept", saved.Title);
        Assert.Equal("Longer context lets models read whole code bases at once. Typed fast, saved whole.", saved.Sections.Single().Benefits);
    }

    [BrowserTheory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Generate_now_clicked_as_soon_as_it_shows_starts_a_run(int cpuSlowdown)
    {
        // Today's edition not started yet (an earlier row of this theory may have made it), so "Generate now" shows.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
            db.Posts.RemoveRange(await db.Posts.Where(p => p.EditionDate != null).ToListAsync());
            db.GenerationRuns.RemoveRange(await db.GenerationRuns.ToListAsync());
            await db.SaveChangesAsync();
        }

        var page = await browser.Chromium.SignInAsync(app.Address, LiveApp.AdminEmail);
        await page.SlowDownAsync(cpuSlowdown);

        await page.GotoAsync("/admin");
        await page.ClickAsync("#generate");

        // The click reached the server: the edition card follows the run to its draft, and a run is recorded.
        await Expect(page.Locator("#edition-title")).ToHaveTextAsync("Draft waiting for review", new LocatorAssertionsToHaveTextOptions { Timeout = 120_000 });
        await Expect(page.Locator(".edition [role=status]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("draft is ready|already exists"));
        await Expect(page.Locator("table.runs tbody tr").First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Before_the_circuit_is_ready_the_controls_are_disabled_and_say_so()
    {
        var post = await app.AddDraftAsync("Seen before it works");
        var page = await browser.Chromium.SignInAsync(app.Address, LiveApp.EditorEmail);
        // Hold the circuit back: the page as first painted, before any interactivity.
        await page.RouteAsync("**/_blazor/**", route => route.AbortAsync());

        await page.GotoAsync($"/admin/posts/{post.Id}");

        await Expect(page.Locator(".connecting")).ToContainTextAsync("Connecting…");
        await Expect(page.Locator("#title")).ToBeDisabledAsync();
        await Expect(page.Locator("#save")).ToBeDisabledAsync();
        await Expect(page.Locator("#approve")).ToBeDisabledAsync();
        await Expect(page.Locator(".editor-bar .save-state")).ToHaveTextAsync("Connecting…");
        await page.SaveAsync("13-editor-connecting", fullPage: false);
    }

    [BrowserFact]
    public async Task What_was_typed_survives_a_lost_circuit_and_the_page_says_so()
    {
        var post = await app.AddDraftAsync("Before the drop");
        var page = await browser.Chromium.SignInAsync(app.Address, LiveApp.EditorEmail);
        await page.GotoAsync($"/admin/posts/{post.Id}");
        var title = page.Locator("#title");
        await title.ClickAsync();
        await title.PressAsync("End");
        await title.PressSequentiallyAsync(" and after it");
        await page.WaitForFunctionAsync("key => (localStorage.getItem(key) || '').includes('and after it')", $"digest:post:{post.Id}");

        // The connection drops and the server has let the circuit go: the page reloads from this browser's copy.
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        await Expect(page.Locator(".alert.ok")).ToContainTextAsync("The connection to the server was lost; what you typed was kept in this browser and is back.", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await Expect(title).ToHaveValueAsync("Before the drop and after it");
        await page.SaveAsync("14-editor-after-lost-connection", fullPage: false);
        await page.ClickAsync("#save");
        await Expect(page.Locator("[role=status].alert")).ToContainTextAsync("Saved.");
        Assert.Equal("Before the drop and after it", (await app.FindAsync(post.Id)).Title);
    }

    [BrowserFact]
    public async Task When_this_browsers_copy_cannot_be_read_the_editor_says_so_and_lets_nothing_overwrite_it()
    {
        var post = await app.AddDraftAsync("Kept copy");
        var page = await browser.Chromium.SignInAsync(app.Address, LiveApp.EditorEmail);
        await page.GotoAsync($"/admin/posts/{post.Id}");
        var title = page.Locator("#title");
        await title.ClickAsync();
        await title.PressAsync("End");
        await title.PressSequentiallyAsync(" typed yesterday");
        var key = $"digest:post:{post.Id}";
        await page.WaitForFunctionAsync("key => (localStorage.getItem(key) || '').includes('typed yesterday')", key);

        // Back later, when this browser refuses to read its storage (a privacy setting, an extension, a broken profile).
        await page.AddInitScriptAsync("""
            const read = Storage.prototype.getItem;
            Storage.prototype.getItem = function (key) {
                if (window.storageRefused !== false && String(key).startsWith('digest:post:')) throw new Error('storage refused');
                return read.call(this, key);
            };
            """);
        await page.ReloadAsync();

        await Expect(page.Locator("p.alert[role=alert]")).ToContainTextAsync("This browser's copy of your unsaved edits could not be read");
        await Expect(page.Locator(".editor-bar .save-state")).ToHaveTextAsync("Not known: unsaved edits in this browser could not be checked");
        await Expect(page.Locator(".connecting")).ToContainTextAsync("Editing waits until this browser's copy of your unsaved edits has been read.");
        await Expect(title).ToBeDisabledAsync();
        await page.SaveAsync("15-editor-browser-copy-unreadable", fullPage: false);

        // Storage works again: trying again brings the kept copy back.
        await page.EvaluateAsync("() => { window.storageRefused = false; }");
        await page.ClickAsync("#retry-restore");
        await Expect(page.Locator(".alert.ok")).ToContainTextAsync("Your unsaved edits from your last visit are back.");
        await Expect(title).ToHaveValueAsync("Kept copy typed yesterday");
        await Expect(page.Locator(".editor-bar .save-state")).ToHaveTextAsync("Unsaved changes (kept in this browser until you save)");
    }

    /// <summary>The live app, on a server that keeps no disconnected circuit: a dropped connection cannot rejoin its circuit.</summary>
    public sealed class ForgetfulApp : LiveApp
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.Configure<CircuitOptions>(circuits => circuits.DisconnectedCircuitMaxRetained = 0);
    }
}
