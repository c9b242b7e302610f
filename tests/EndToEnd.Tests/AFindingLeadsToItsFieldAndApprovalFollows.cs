using System.Text.RegularExpressions;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// The editor's loop on a laptop and on a phone: the bar says what the gate finds, a finding takes the cursor to its
/// field, fixing it clears the finding, and approving answers right there in the bar — never at the other end of the page.
/// </summary>
public sealed class AFindingLeadsToItsFieldAndApprovalFollows(LiveApp app, Browser browser) : IClassFixture<LiveApp>, IClassFixture<Browser>
{
    [BrowserFact]
    public async Task Jump_from_the_finding_fix_the_field_and_approve_with_the_answer_in_view()
    {
        foreach (var size in new[] { DashboardBrowser.Desk, DashboardBrowser.Phone })
        {
            var (postId, topicId) = await AddDraftAsync(size.Name());
            var page = await browser.SignInAsync(app, LiveApp.EditorEmail, size);
            await page.GotoAsync($"/admin/posts/{postId}");
            await page.InteractiveAsync();
            var bar = page.Locator(".editor-bar");

            await Expect(page.Locator("#findings-toggle")).ToHaveTextAsync("1 to fix");
            await page.ClickAsync("#findings-toggle");
            var finding = page.Locator("#findings-panel").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Topic 2 has no Benefits." });
            await Expect(finding).ToBeVisibleAsync();
            await page.SaveAsync($"loop-{size.Name()}-1-findings", fullPage: false);

            await finding.ClickAsync();
            var benefits = page.Locator($"#benefits-{topicId}");
            await Expect(benefits).ToBeFocusedAsync();
            await Expect(benefits).ToBeInViewportAsync();
            await Expect(page.Locator("#findings-panel")).ToBeHiddenAsync();
            await page.SaveAsync($"loop-{size.Name()}-2-jumped", fullPage: false);

            // Feedback where the editor acted: a refused save answers in the bar, in view, though the title is far above.
            await page.Keyboard.TypeAsync("Smaller labs can run long-context models on one GPU.");
            await page.Locator("#title").FillAsync(" ");
            await benefits.FocusAsync();
            await page.ClickAsync("#save");
            await Expect(bar.Locator("[role=alert]")).ToContainTextAsync("Fix the marked fields first: A post needs a title.");
            await Expect(bar.Locator("[role=alert]")).ToBeInViewportAsync();
            await page.Locator("#title").FillAsync("A post one editor reviews");

            await Expect(page.Locator("#findings-toggle")).ToHaveTextAsync("✓ Nothing to fix");
            await page.ClickAsync("#publish-toggle");
            await page.ClickAsync("#approve");
            await Expect(bar.Locator("[role=status].alert")).ToHaveTextAsync("Approved and published.");
            await Expect(bar.Locator("[role=status].alert")).ToBeInViewportAsync();
            await Expect(page.Locator("#post-status")).ToHaveTextAsync("Published");
            await page.SaveAsync($"loop-{size.Name()}-3-approved", fullPage: false);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= size.Width);

            var published = await page.APIRequest.GetAsync(await page.Locator("a", new PageLocatorOptions { HasTextString = "view the public page" }).GetAttributeAsync("href") ?? "/");
            Assert.Contains("Smaller labs can run long-context models on one GPU.", await published.TextAsync(), StringComparison.Ordinal);
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Sections_fold_to_an_outline_and_move_buttons_name_their_section()
    {
        var (postId, topicId) = await AddDraftAsync("outline");
        var page = await browser.SignInAsync(app, LiveApp.EditorEmail, DashboardBrowser.Phone);
        await page.GotoAsync($"/admin/posts/{postId}");
        await page.InteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Move Topic 2 up" })).ToBeVisibleAsync();
        await page.ClickAsync("#outline-toggle");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Fold every section", Exact = true }).ClickAsync();
        await Expect(page.Locator($"#toggle-{topicId}")).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator($"#benefits-{topicId}")).ToBeHiddenAsync();
        await page.SaveAsync("loop-phone-outline-folded");

        await page.Locator("#outline-panel").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Topic 2", Exact = true }).ClickAsync();
        await Expect(page.Locator($"#toggle-{topicId}")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator($"#toggle-{topicId}")).ToBeFocusedAsync();
        await Expect(page.Locator($"#benefits-{topicId}")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Move Topic 2 up" }).ClickAsync();
        await Expect(page.Locator("fieldset.section legend").First).ToContainTextAsync("Topic 1");
        await Expect(page.Locator($"#section-{topicId} legend")).ToContainTextAsync("Topic 1");
        await Expect(page.Locator(".save-state")).ToHaveTextAsync(new Regex("^Unsaved changes"));
        await page.Context.CloseAsync();
    }

    // Each run's post has topics of its own: a repeat of a post published earlier in the test would be a finding too.
    private static readonly Dictionary<string, (string First, string Second)> Topics = new()
    {
        ["desk"] = ("Sparse attention reaches a million tokens", "Distilling a 70B model into 3B"),
        ["phone"] = ("Robot hands learn from video alone", "Open weights for speech recognition in 90 languages"),
        ["outline"] = ("Chip export rules tighten again", "A benchmark for agents that browse"),
    };

    /// <summary>A draft whose second topic lacks its Benefits: one finding, nothing else in the way.</summary>
    private async Task<(Guid Post, Guid Topic)> AddDraftAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var now = DateTime.UtcNow;
        var (first, second) = Topics[name];
        var post = Post.CreateDraft($"loop-{name}-{Guid.NewGuid():N}", "A post one editor reviews", now, "Digest", PostOrigin.Manual, now);
        post.AddSection(new Section(SectionKind.Topic, first, "A paper.", "Longer context lets models read whole code bases and long reports at once.", "Costlier serving puts long-context models out of reach for small labs and hobbyists."))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", $"https://example.org/r/ml/{name}", "most discussed"));
        var topic = post.AddSection(new Section(SectionKind.Topic, second, "A blog post.", null, "Distilled models inherit the teacher's blind spots without anyone noticing them."));
        topic.AddSource(new SectionSource(null, "Hacker News · 120 points", $"https://example.org/hn/{name}", "rising"));
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return (post.Id, topic.Id);
    }
}
