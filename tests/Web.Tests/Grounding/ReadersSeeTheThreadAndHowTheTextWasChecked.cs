using Digest.Infrastructure.Editing;
using Digest.Web.Tests.Public;
using Site = Digest.Web.Tests.Public.PublicSite;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Grounding;

/// <summary>The public page of a grounded post, and of an imported one, read as a reader reads it (static HTML over HTTP).</summary>
public sealed class ReadersSeeTheThreadAndHowTheTextWasChecked : IAsyncLifetime
{
    private Site _site = default!;

    public async Task InitializeAsync() => _site = await Site.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_topic_shows_what_the_thread_said_linked_to_the_discussion_and_the_disclosure_says_it_was_checked()
    {
        var draft = await GroundedDrafts.AddAsync(_site.App, new DateOnly(2026, 11, 23));
        var published = await _site.App.WithScopeAsync(s => s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(draft.Id, Site.Editor, "the editor asked the author"));

        var page = await _site.PageAsync($"/posts/{published.Slug}/");

        var topic = page.QuerySelector(".post-content ol > li")!;
        Assert.Contains("What the thread said:", topic.TextContent, StringComparison.Ordinal);
        Assert.Contains("Commenters asked whether the trick is only a warm-up.", topic.TextContent, StringComparison.Ordinal);
        Assert.Contains(topic.QuerySelectorAll("a"), a => a.GetAttribute("href") == GroundedDrafts.Discussion && a.TextContent == "the discussion");
        var checkedLine = page.QuerySelector("aside.disclosure .grounding")!.TextContent;
        Assert.StartsWith("Checked against its sources before review", checkedLine, StringComparison.Ordinal);
        Assert.Contains("posts and discussions it was written from", checkedLine, StringComparison.Ordinal);
        Assert.Contains("1 statement the check could not confirm in them was approved by the editor, who recorded why.", checkedLine, StringComparison.Ordinal);
        // The reason itself is the editor's note in the audit log, not something readers are shown.
        Assert.DoesNotContain("the editor asked the author", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imported_post_says_it_was_not_checked()
    {
        var imported = await _site.ImportAsync(new PostBuilder { Edition = new DateOnly(2024, 7, 18) });

        var page = await _site.PageAsync($"/posts/{imported.Slug}/");

        Assert.Equal("Not checked: no sources kept.", page.QuerySelector("aside.disclosure .grounding")!.TextContent.Trim());
    }
}
