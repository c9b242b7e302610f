using System.Net;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Public;

/// <summary>
/// Pages and feeds are output cached, and every change an editor saves evicts them at once. Each test first proves the
/// page is cached (a change made behind the editor's back does not show), then that the editor's change does.
/// </summary>
public sealed class CacheIsEvictedWhenPostsChange : IAsyncLifetime
{
    private PublicSite _site = default!;

    public async Task InitializeAsync() => _site = await PublicSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Publishing_shows_the_post_on_the_cached_home_page_and_feeds_at_once()
    {
        await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 3) });
        await WarmAsync("/", "/index.xml", "/archives");
        var draft = await _site.DraftAsync(new PostBuilder { Edition = new(2026, 1, 4), Title = "Freshly approved" });

        await _site.WithEditorAsync(editor => editor.ApproveAndPublishAsync(draft.Id, PublicSite.Editor, overrideReason: PublicSite.FixtureOverride));

        Assert.Contains("Freshly approved", await _site.Client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Freshly approved", await _site.Client.GetStringAsync("/index.xml"), StringComparison.Ordinal);
        Assert.Contains("Freshly approved", await _site.Client.GetStringAsync("/archives"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync($"/posts/{draft.Slug}/")).StatusCode);
    }

    [Fact]
    public async Task The_page_is_served_from_the_cache_until_an_edit_evicts_it()
    {
        var post = await _site.PublishAsync(new PostBuilder());
        var path = $"/posts/{post.Slug}/";
        await WarmAsync(path, "/index.xml");

        // Behind the editor's back: the cached page does not change, which shows it is cached.
        await _site.App.WithScopeAsync(services => services.GetRequiredService<DigestDbContext>().Posts
            .Where(p => p.Id == post.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Title, "Changed in SQL")));
        Assert.DoesNotContain("Changed in SQL", await _site.Client.GetStringAsync(path), StringComparison.Ordinal);

        await _site.WithEditorAsync(async editor =>
        {
            var current = await editor.FindAsync(post.Slug);
            var topic = current.Sections.First(s => s.Kind == SectionKind.Topic);
            return await editor.SaveAsync(new PostEdit(current.Id, current.Version, "Edited by the editor", [new SectionEdit(topic.Id, topic.Text with { Ramifications = "A corrected risk." })]), PublicSite.Editor);
        });

        var page = await _site.Client.GetStringAsync(path);
        Assert.Contains("Edited by the editor", page, StringComparison.Ordinal);
        Assert.Contains("A corrected risk.", page, StringComparison.Ordinal);
        Assert.Contains("A corrected risk.", await _site.Client.GetStringAsync("/index.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublishing_gives_404_and_takes_the_post_out_of_every_list_and_feed()
    {
        var post = await _site.PublishAsync(new PostBuilder());
        string[] lists = ["/", "/archives", "/tags/daily-ai-summary/", "/index.xml", "/atom.xml", "/feed.json", "/sitemap.xml"];
        await WarmAsync([$"/posts/{post.Slug}/", .. lists]);

        await _site.WithEditorAsync(editor => editor.UnpublishAsync(post.Id, PublicSite.Editor));

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync($"/posts/{post.Slug}/")).StatusCode);
        foreach (var list in lists.Where(l => l != "/tags/daily-ai-summary/"))
        {
            Assert.DoesNotContain(post.Slug, await _site.Client.GetStringAsync(list), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync("/tags/daily-ai-summary/")).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_post_appears_when_the_job_publishes_it()
    {
        await _site.PublishAsync(new PostBuilder { Edition = new(2026, 1, 3) });
        var draft = await _site.DraftAsync(new PostBuilder { Edition = new(2026, 1, 4), Title = "Scheduled for later" });
        await _site.WithEditorAsync(editor => editor.ScheduleAsync(draft.Id, DateTime.UtcNow.AddSeconds(1), PublicSite.Editor, overrideReason: PublicSite.FixtureOverride));
        await WarmAsync("/");
        Assert.DoesNotContain("Scheduled for later", await _site.Client.GetStringAsync("/"), StringComparison.Ordinal);
        await Task.Delay(1200);

        await _site.WithEditorAsync(editor => editor.PublishDueAsync());

        Assert.Contains("Scheduled for later", await _site.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private async Task WarmAsync(params string[] paths)
    {
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync(path)).StatusCode);
        }
    }
}
