using Bunit;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Web.Components.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

/// <summary>Posts: the lead topic tells drafts apart, the address keeps the filter, and several posts are rejected or scheduled at once.</summary>
public sealed class PostsAreToldApartAndActedOnTogether : DashboardPageContext
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private Task<Post> AddAsync(DateOnly edition, string lead, Action<Post>? then = null) =>
        App.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            var post = Post.CreateGeneratedDraft(edition, "[Daily Automated AI Summary]", "Digest", "offline", Guid.NewGuid(), Now);
            post.AddSection(new Section(SectionKind.Topic, lead, "A paper says so.", "Good for readers of long reports and whole code bases.", "Costly for small labs that serve such models on their own."))
                .AddSource(new SectionSource(null, "r/MachineLearning", "https://example.org/" + lead.Length, "most discussed"));
            then?.Invoke(post);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post;
        });

    private Task<PostStatus> StatusAsync(Guid id) =>
        App.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Posts.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    [Fact]
    public async Task A_status_in_the_address_filters_the_list_and_is_named_in_words()
    {
        await AddAsync(new DateOnly(2026, 11, 24), "Mamba returns");
        await AddAsync(new DateOnly(2026, 11, 25), "Sparse attention at 1M tokens", p => p.SubmitForReview("editor", Now));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/posts?status=InReview");

        var cut = Render<Posts>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("table.posts-grid tbody tr")));
        var row = cut.Find("table.posts-grid tbody tr");
        Assert.Equal("Sparse attention at 1M tokens", row.QuerySelector("td.key a")!.TextContent);
        Assert.Equal("2026-11-25", row.QuerySelector("td[data-label=Edition]")!.TextContent.Trim());
        Assert.Equal("In review", row.QuerySelector(".badge")!.TextContent);
        Assert.Equal("InReview", cut.Find("#status").GetAttribute("value"));
        Assert.Contains(cut.FindAll("#status option"), o => o.TextContent == "In review");
        Assert.DoesNotContain(cut.FindAll("#status option"), o => o.TextContent == "InReview");
    }

    [Fact]
    public async Task Sorting_and_filtering_change_the_address_so_a_reload_shows_the_same_list()
    {
        await AddAsync(new DateOnly(2026, 11, 24), "Mamba returns");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin/posts");
        var cut = Render<Posts>();
        cut.WaitForElement("table.posts-grid tbody tr");

        cut.Find("#status").Change("Draft");
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/posts?status=Draft", navigation.Uri, StringComparison.Ordinal));
        cut.FindAll("button.sort").Single(b => b.TextContent.StartsWith("Post", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/posts?status=Draft&sort=title", navigation.Uri, StringComparison.Ordinal));
        Assert.Equal("ascending", cut.FindAll("th").Single(th => th.TextContent.Contains("Post", StringComparison.Ordinal)).GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Selected_drafts_are_rejected_together_and_a_post_that_cannot_be_is_named_with_why()
    {
        var first = await AddAsync(new DateOnly(2026, 11, 22), "Mamba returns");
        var second = await AddAsync(new DateOnly(2026, 11, 23), "Sparse attention at 1M tokens");
        var published = await AddAsync(new DateOnly(2026, 11, 21), "Old news", p => p.ApproveAndPublish("editor", Now));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/posts");
        var cut = Render<Posts>();
        cut.WaitForElement("table.posts-grid tbody tr");

        cut.Find("label.select-all input").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("3 posts selected", cut.Find(".bulk-bar .count").TextContent, StringComparison.Ordinal));
        cut.Find("#bulk-reason").Input("Off topic for this week");
        cut.Find("#bulk-reject").Click();

        cut.WaitForAssertion(() => Assert.Contains("2 posts rejected; 1 post was not changed", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Old news (2026-11-21): A post that is published cannot become rejected.", cut.Find(".outcome-list").TextContent, StringComparison.Ordinal);
        Assert.Equal(PostStatus.Rejected, await StatusAsync(first.Id));
        Assert.Equal(PostStatus.Rejected, await StatusAsync(second.Id));
        Assert.Equal(PostStatus.Published, await StatusAsync(published.Id));
    }

    [Fact]
    public async Task Selected_drafts_are_scheduled_for_one_time_in_the_sites_zone()
    {
        var first = await AddAsync(new DateOnly(2026, 11, 22), "Mamba returns");
        var second = await AddAsync(new DateOnly(2026, 11, 23), "Sparse attention at 1M tokens");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/posts");
        var cut = Render<Posts>();
        cut.WaitForElement("table.posts-grid tbody tr");
        var when = DateTime.UtcNow.AddDays(2);

        for (var i = 0; i < 2; i++)
        {
            cut.FindAll("td.select input")[i].Change(true);
        }

        cut.Find("#bulk-when").Change(when.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("#bulk-schedule").Click();

        cut.WaitForAssertion(() => Assert.Contains("2 posts scheduled for", cut.Find("[role=status].alert").TextContent, StringComparison.Ordinal));
        Assert.Equal(PostStatus.Scheduled, await StatusAsync(first.Id));
        Assert.Equal(PostStatus.Scheduled, await StatusAsync(second.Id));
        Assert.Empty(cut.FindAll(".bulk-bar"));
    }
}
