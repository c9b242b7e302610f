using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// Today answers "where is today's edition?" in every state, on a laptop without scrolling: no run yet, generating,
/// failed (with a retry), draft waiting with its findings, scheduled, published with its link, rejected — beside the
/// next run, failing sources, older drafts and this month's cost.
/// </summary>
public sealed class TodayShowsWhereTheEditionStands(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    private static readonly TimeSpan Generation = TimeSpan.FromSeconds(90);

    [BrowserFact]
    public async Task Each_state_of_todays_edition_is_shown_above_the_fold_with_what_to_do_next()
    {
        var edition = DateOnly.FromDateTime(DateTime.UtcNow);
        await ChangeAsync(async db =>
        {
            var broken = await db.Sources.FirstAsync(s => s.Kind == SourceKind.HackerNews);
            broken.RecordFailure(DateTime.UtcNow, "HTTP 503 Service Unavailable");
            var old = Post.CreateGeneratedDraft(edition.AddDays(-3), "[Daily Automated AI Summary]", "Digest", "offline", Guid.NewGuid(), DateTime.UtcNow.AddDays(-3));
            old.AddSection(new Section(SectionKind.Topic, "Mamba returns for long audio", "Text."));
            db.Posts.Add(old);
            db.Set<ModelCallEntry>().Add(ModelCallEntry.Record(null, ModelCallPurpose.Regeneration, DateTime.UtcNow, "Topic", "topic@v1", "gpt-4o-mini", 10_000, 2_000, TimeSpan.FromSeconds(2), 0.0123m, false, false, true));
        });
        var page = await browser.SignInAsync(app, LiveApp.AdminEmail, DashboardBrowser.Desk);
        await page.InteractiveAsync();

        await ExpectStateAsync(page, "No draft yet", "today-01-no-run");
        await Expect(page.Locator("#generate")).ToHaveTextAsync("Generate now");
        await Expect(page.Locator("#failing + ul")).ToContainTextAsync("Hacker News");
        await Expect(page.Locator("#failing + ul a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/admin/sources#source-"));
        await Expect(page.Locator("#older + ul")).ToContainTextAsync("Mamba returns for long audio");
        await Expect(page.Locator("#usage ~ .figure")).ToHaveTextAsync("0.0123 USD");
        await Expect(page.Locator("#usage ~ .meta")).ToContainTextAsync("12,000 tokens");
        await Expect(page.Locator("#next-run ~ .meta")).ToContainTextAsync("UTC · in ");
        await Expect(page.Locator("#next-run ~ .figure")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Today|Tomorrow), 05:30$"));

        var run = GenerationRun.Start(edition, "schedule", "offline (no model)", DateTime.UtcNow.AddSeconds(-12));
        await ChangeAsync(db => { db.GenerationRuns.Add(run); return Task.CompletedTask; });
        await page.ReloadAsync();
        await ExpectStateAsync(page, "Writing today's draft…", "today-02-generating");
        await Expect(page.Locator(".edition .progress")).ToContainTextAsync("Reading the sources…");

        await ChangeAsync(async db => (await db.GenerationRuns.SingleAsync(r => r.Id == run.Id)).Fail("No draft: nothing could be fetched (4 sources failed).", DateTime.UtcNow));
        // The page follows a run it did not start, and shows how it ended without a reload.
        await ExpectStateAsync(page, "Generation failed", "today-03-failed");
        await Expect(page.Locator(".edition .failure")).ToHaveTextAsync("No draft: nothing could be fetched (4 sources failed).");

        await page.ClickAsync("#generate");
        await Expect(page.Locator("#edition-title")).ToHaveTextAsync("Draft waiting for review", new LocatorAssertionsToHaveTextOptions { Timeout = (float)Generation.TotalMilliseconds });
        await ExpectStateAsync(page, "Draft waiting for review", "today-04-draft-waiting");
        await Expect(page.Locator(".edition .findings li").First).ToContainTextAsync("has no Benefits");
        await Expect(page.Locator(".edition")).ToContainTextAsync("to fix before approval");
        await Expect(page.Locator(".edition .lead-topic")).ToContainTextAsync("Lead topic:");
        await Expect(page.Locator(".edition [role=status]")).ToHaveTextAsync("The draft is ready.");

        var draft = await QueryAsync(db => db.Posts.SingleAsync(p => p.EditionDate == edition));
        await ChangeAsync(async db => (await db.Posts.SingleAsync(p => p.Id == draft.Id)).Schedule(LiveApp.EditorEmail, DateTime.UtcNow, DateTime.UtcNow.AddHours(3), "browser test"));
        await page.ReloadAsync();
        await ExpectStateAsync(page, "Approved and scheduled", "today-05-scheduled");
        await Expect(page.Locator(".edition")).ToContainTextAsync($"approved by {LiveApp.EditorEmail}");

        await ChangeAsync(async db => (await db.Posts.SingleAsync(p => p.Id == draft.Id)).ApproveAndPublish(LiveApp.EditorEmail, DateTime.UtcNow, "browser test"));
        await page.ReloadAsync();
        await ExpectStateAsync(page, "Published", "today-06-published");
        await Expect(page.Locator("#public-page")).ToHaveAttributeAsync("href", $"/posts/{draft.Slug}/");

        await ChangeAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Id == draft.Id);
            post.Unpublish(LiveApp.EditorEmail, DateTime.UtcNow);
            post.Reject(LiveApp.EditorEmail, DateTime.UtcNow, "Two topics repeat yesterday's");
        });
        await page.ReloadAsync();
        await ExpectStateAsync(page, "Rejected", "today-07-rejected");
        await Expect(page.Locator(".edition")).ToContainTextAsync("Reason: Two topics repeat yesterday's.");

        await page.SetViewportSizeAsync(DashboardBrowser.Phone.Width, DashboardBrowser.Phone.Height);
        await page.ReloadAsync();
        await Expect(page.Locator("#edition-title")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= DashboardBrowser.Phone.Width);
        await page.SaveAsync("today-07-rejected-phone");
    }

    /// <summary>The state's headline, the edition card and the four facts beside it all fit a laptop's first screen.</summary>
    private static async Task ExpectStateAsync(IPage page, string headline, string screenshot)
    {
        // The live page replaces the first answer's elements once: measure the live ones.
        await page.InteractiveAsync();
        await Expect(page.Locator("#edition-title")).ToHaveTextAsync(headline);
        foreach (var part in new[] { ".edition", "#next-run", "#usage", "#failing", "#older" })
        {
            var box = await page.Locator(part).BoundingBoxAsync();
            Assert.True(box is not null && box.Y + box.Height <= DashboardBrowser.Desk.Height, $"{part} ends at {box?.Y + box?.Height} px in the \"{headline}\" state, below the first screen.");
        }

        await page.SaveAsync(screenshot, fullPage: false);
    }

    private async Task ChangeAsync(Func<DigestDbContext, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    private async Task<T> QueryAsync<T>(Func<DigestDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DigestDbContext>());
    }
}
