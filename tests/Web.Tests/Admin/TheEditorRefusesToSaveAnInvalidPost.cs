using Bunit;
using Digest.Domain.Posts;
using Digest.Infrastructure.Editing;
using Digest.Web.Components.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

public sealed class TheEditorRefusesToSaveAnInvalidPost : EditorPageContext
{
    [Fact]
    public async Task An_empty_title_and_a_slug_without_letters_are_marked_and_nothing_is_saved()
    {
        var post = await Dashboard.AddDraftAsync(App);
        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, post.Id));
        cut.WaitForElement("#title");

        cut.Find("#title").Input("  ");
        cut.Find("#slug").Input("---");
        cut.Find("#save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Fix the marked fields first", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("A post needs a title.", cut.Find("#error-title").TextContent);
        Assert.Equal("The slug needs at least one letter or digit.", cut.Find("#error-slug").TextContent);
        Assert.Equal("true", cut.Find("#title").GetAttribute("aria-invalid"));
        var stored = await App.WithScopeAsync(s => s.GetRequiredService<PostEditor>().RevisionsAsync(post.Id));
        Assert.Empty(stored);
    }

    [Fact]
    public async Task Quality_problems_show_as_the_editor_types_and_block_approval_without_a_reason()
    {
        var post = await Dashboard.AddDraftAsync(App);
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, post.Id));
        cut.WaitForElement("#title");
        Assert.Contains("No problems found", cut.Find(".review").TextContent, StringComparison.Ordinal);
        Assert.Equal("✓ Quality checks pass.", cut.Find("#approve-state").TextContent);

        cut.Find($"#benefits-{topic.Id}").Input("");

        // The bar lists it as a sentence, with the findings of the quality gate.
        Assert.Contains("Topic 1 has no Benefits.", cut.Find("#findings-panel .problems").TextContent, StringComparison.Ordinal);
        // The button says what the gate says before anyone presses it.
        Assert.True(cut.Find("#approve").HasAttribute("disabled"));
        Assert.Equal("Blocked by 1 quality problem: fix it, or say above why to approve anyway.", cut.Find("#approve-state").TextContent);
        Assert.NotEqual(PostStatus.Published, (await App.WithScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(post.Id.ToString()))).Status);

        cut.Find("#override").Input("The benefits are obvious from the summary.");
        Assert.False(cut.Find("#approve").HasAttribute("disabled"));
        Assert.Equal("Approve anyway and publish now", cut.Find("#approve").TextContent);
        cut.Find("#approve").Click();
        cut.WaitForAssertion(() => Assert.Contains("Approved and published.", cut.Find("[role=status].alert").TextContent, StringComparison.Ordinal));
        var published = await App.WithScopeAsync(s => s.GetRequiredService<PostEditor>().FindAsync(post.Id.ToString()));
        Assert.Equal(PostStatus.Published, published.Status);
        Assert.Equal("The benefits are obvious from the summary.", published.QualityOverride);
    }
}
