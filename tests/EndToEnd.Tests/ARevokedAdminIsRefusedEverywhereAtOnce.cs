using System.Text.RegularExpressions;
using Digest.Domain.Settings;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.Infrastructure.Writing.Prompts;
using Digest.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// An admin with dashboard pages open is demoted and locked out: every action on every open page is refused at
/// once and the page is sent to sign in, saying why; every admin address, the export and the Hangfire dashboard
/// refuse the old cookie; and a change made by another admin tells an open page without it doing anything.
/// </summary>
public sealed class ARevokedAdminIsRefusedEverywhereAtOnce(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private const string Second = "second-admin@example.com";
    private static readonly Regex SentToSignIn = new("/account/login\\?reason=access-changed");

    private async Task<IBrowserContext> SignedInAsync(string email)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", LiveApp.Password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await page.CloseAsync();
        return context;
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<IdentityResult> EnsureSecondAdminAsync() => InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(Second) is { } old)
        {
            await users.DeleteAsync(old);
        }

        return await UserAccounts.CreateAsync(services, Second, "Second Admin", LiveApp.Password, Roles.Admin);
    });

    [BrowserFact]
    public async Task Every_open_page_action_and_every_admin_address_is_refused_after_a_demotion_and_lock_out()
    {
        await EnsureSecondAdminAsync();
        var context = await SignedInAsync(Second);

        // Four dashboard pages open, each shown to be live (its circuit answers) before anything changes.
        var sources = await context.NewPageAsync();
        await sources.GotoAsync("/admin/sources");
        var form = sources.Locator("section[aria-labelledby=form-title]");
        await LiveAsync(() => sources.FillAsync("#source-url", "https://news.example.org/feed.xml"), () => form.GetByRole(AriaRole.Button, new() { Name = "Test fetch" }).IsEnabledAsync());

        var prompts = await context.NewPageAsync();
        await prompts.GotoAsync("/admin/prompts");
        await LiveAsync(() => prompts.GetByRole(AriaRole.Button, new() { Name = "Edit" }).First.ClickAsync(), () => prompts.Locator("#prompt-text").IsVisibleAsync());
        await prompts.FillAsync("#prompt-text", "A prompt the demoted admin must not save. {{title}}");

        var settings = await context.NewPageAsync();
        await settings.GotoAsync("/admin/settings");
        await LiveAsync(async () =>
        {
            await settings.FillAsync("#cron", "15 4 * * *");
            await settings.Locator("#cron").BlurAsync();
        }, async () => (await settings.Locator("p.hint[role=status]", new() { HasText = "Next runs" }).TextContentAsync())?.Contains("04:15", StringComparison.Ordinal) == true);
        await settings.FillAsync("#site-title", "Taken over");

        var users = await context.NewPageAsync();
        await users.GotoAsync("/admin/users");
        await LiveAsync(() => users.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).First.ClickAsync(), () => users.Locator("input[type=password][id^=reset-]").IsVisibleAsync());
        await users.Locator("input[type=password][id^=reset-]").FillAsync("a password set by the wrong person");

        var before = await CountsAsync();

        // Demoted and locked out by someone else (straight in the database, as another instance or the command
        // line would: no notice reaches this process, only the next action can reveal it).
        await InScopeAsync(async services =>
        {
            var manager = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await manager.FindByEmailAsync(Second))!;
            await manager.RemoveFromRoleAsync(user, Roles.Admin);
            await manager.AddToRoleAsync(user, Roles.Editor);
            await manager.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            return await manager.UpdateSecurityStampAsync(user);
        });

        await form.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
        await prompts.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await users.GetByRole(AriaRole.Button, new() { Name = "Set password", Exact = true }).ClickAsync();

        foreach (var page in new[] { sources, prompts, settings, users })
        {
            await Expect(page).ToHaveURLAsync(SentToSignIn);
            await Expect(page.Locator("p.alert[role=alert]")).ToContainTextAsync("You were signed out because your access changed");
        }

        await sources.SaveAsync("20-revoked-admin-sent-to-sign-in");
        Assert.Equal(before, await CountsAsync());

        // The old cookie opens nothing: every admin address, the export and the job trigger.
        foreach (var address in new[] { "/admin", "/admin/sources", "/admin/prompts", "/admin/settings", "/admin/users", "/admin/audit", "/admin/import-export", "/admin/export.zip?status=all", "/admin/jobs", "/admin/jobs/recurring" })
        {
            var response = await context.APIRequest.GetAsync(address, new() { MaxRedirects = 0 });
            Assert.True(response.Status == 302, $"{address} answered {response.Status}");
            Assert.StartsWith("/account/login", new Uri(app.Address, response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        }

        var trigger = await context.APIRequest.PostAsync("/admin/jobs/recurring/trigger", new() { Form = context.APIRequest.CreateFormData().Set("jobs[]", "generate-daily-digest"), MaxRedirects = 0 });
        Assert.Equal(302, trigger.Status);
        Assert.Equal(before, await CountsAsync());
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_open_page_is_told_at_once_when_another_admin_demotes_its_user_and_the_change_is_audited_with_where_from()
    {
        await EnsureSecondAdminAsync();
        var second = await SignedInAsync(Second);
        var page = await second.NewPageAsync();
        await page.GotoAsync("/admin/sources");
        await LiveAsync(() => page.FillAsync("#source-url", "https://news.example.org/feed.xml"),
            () => page.Locator("section[aria-labelledby=form-title]").GetByRole(AriaRole.Button, new() { Name = "Test fetch" }).IsEnabledAsync());

        var owner = await SignedInAsync(LiveApp.AdminEmail);
        var usersPage = await owner.NewPageAsync();
        await usersPage.GotoAsync("/admin/users");
        await LiveAsync(() => usersPage.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).First.ClickAsync(), () => usersPage.Locator("input[type=password][id^=reset-]").IsVisibleAsync());
        await usersPage.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await usersPage.GetByLabel($"Role of {Second}").SelectOptionAsync(Roles.Editor);
        await Expect(usersPage.Locator("[role=status].alert")).ToContainTextAsync($"{Second} is now Editor.");

        // The demoted admin did nothing: their open page was told and sent to sign in.
        await Expect(page).ToHaveURLAsync(SentToSignIn);
        await Expect(page.Locator("p.alert[role=alert]")).ToContainTextAsync("You were signed out because your access changed");

        var entry = await InScopeAsync(services => services.GetRequiredService<DigestDbContext>().Set<AuditEntry>().AsNoTracking()
            .SingleAsync(e => e.Action == AuditActions.UserRoleChanged && e.SubjectLabel == Second));
        Assert.Equal(LiveApp.AdminEmail, entry.Actor);
        Assert.Equal("127.0.0.1", entry.Origin);
        Assert.NotNull(entry.ActorId);
        await second.CloseAsync();
        await owner.CloseAsync();
    }

    /// <summary>
    /// Does something on a page until the page shows it was done: an event sent before the page's circuit is
    /// connected is lost, and the refusals below only mean something on a page that is known to be live.
    /// </summary>
    private static async Task LiveAsync(Func<Task> act, Func<Task<bool>> done)
    {
        var until = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            await act();
            for (var i = 0; i < 10; i++)
            {
                if (await done())
                {
                    return;
                }

                await Task.Delay(100);
            }

            Assert.True(DateTime.UtcNow < until, "The page never became interactive.");
        }
    }

    /// <summary>What the demoted admin tried to change: sources, prompt versions, the settings' title, password hashes.</summary>
    private Task<(int Sources, int Prompts, string Title, string Hashes)> CountsAsync() => InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<DigestDbContext>();
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync() ?? new SiteSettings();
        var hashes = string.Join(",", await db.Users.AsNoTracking().Where(u => u.Email != Second).OrderBy(u => u.Email).Select(u => u.PasswordHash).ToListAsync());
        return (await db.Sources.CountAsync(), await db.Set<PromptVersion>().CountAsync(), settings.Title, hashes);
    });
}
