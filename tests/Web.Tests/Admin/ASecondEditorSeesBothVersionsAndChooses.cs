using Bunit;
using Digest.Infrastructure.Editing;
using Digest.Web.Components.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

public sealed class ASecondEditorSeesBothVersionsAndChooses : EditorPageContext
{
    private Task<Digest.Domain.Posts.Post> StoredAsync(Guid id) => App.WithScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(id.ToString()));

    private async Task<(Digest.Domain.Posts.Post Post, IRenderedComponent<PostEditorPage> Page)> ConflictAsync()
    {
        var post = await Dashboard.AddDraftAsync(App);
        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, post.Id));
        cut.WaitForElement("#title");
        cut.Find("#title").Input("My title");
        // Meanwhile the admin saves the same post from another browser.
        await App.WithScopeAsync(s => s.GetRequiredService<PostEditor>().SaveAsync(new PostEdit(post.Id, post.Version, "Their title", []), Dashboard.AdminEmail));

        cut.Find("#save").Click();
        cut.WaitForElement(".conflict");
        return (post, cut);
    }

    [Fact]
    public async Task The_second_save_shows_both_versions_and_overwrites_nothing()
    {
        var (post, cut) = await ConflictAsync();

        var conflict = cut.Find(".conflict");
        Assert.Contains(Dashboard.AdminEmail, conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll(".diff-line.diff-removed"), l => l.TextContent.EndsWith("# Their title", StringComparison.Ordinal));
        Assert.Contains(cut.FindAll(".diff-line.diff-added"), l => l.TextContent.EndsWith("# My title", StringComparison.Ordinal));
        Assert.Equal("Their title", (await StoredAsync(post.Id)).Title);
        Assert.Equal("My title", cut.Find("#title").GetAttribute("value"));
    }

    [Fact]
    public async Task Keeping_mine_saves_it_and_their_version_stays_a_revision()
    {
        var (post, cut) = await ConflictAsync();

        cut.Find(".conflict button.primary").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".conflict")));
        Assert.Equal("My title", (await StoredAsync(post.Id)).Title);
        var revisions = await App.WithScopeAsync(s => s.GetRequiredService<PostEditor>().RevisionsAsync(post.Id));
        Assert.Equal(["My title", "Their title"], revisions.Select(r => r.Title));
    }

    [Fact]
    public async Task Taking_theirs_shows_their_text_and_saves_nothing_of_mine()
    {
        var (post, cut) = await ConflictAsync();

        cut.FindAll(".conflict button")[1].Click();

        cut.WaitForAssertion(() => Assert.Equal("Their title", cut.Find("#title").GetAttribute("value")));
        Assert.Empty(cut.FindAll(".conflict"));
        Assert.Single(await App.WithScopeAsync(s => s.GetRequiredService<PostEditor>().RevisionsAsync(post.Id)));
    }
}
