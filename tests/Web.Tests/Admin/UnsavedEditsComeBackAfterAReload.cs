using Bunit;
using Digest.Web.Components.Admin;
using Digest.Web.Components.Admin.Editor;

namespace Digest.Web.Tests.Admin;

/// <summary>Every keystroke is kept in the browser's localStorage; opening the post again brings the text back.</summary>
public sealed class UnsavedEditsComeBackAfterAReload : EditorPageContext
{
    [Fact]
    public async Task Typing_stores_the_form_in_the_browser()
    {
        var post = await Dashboard.AddDraftAsync(App);
        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, post.Id));
        cut.WaitForElement("#title");

        cut.Find("#title").Input("Half-typed title");

        var stored = JSInterop.Invocations["localStorage.setItem"][^1];
        Assert.Equal($"digest:post:{post.Id}", stored.Arguments[0]);
        Assert.Equal("Half-typed title", PostForm.FromJson((string)stored.Arguments[1]!)!.Title);
        Assert.Contains("Unsaved changes", cut.Find(".editor-bar .save-state").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_the_post_restores_the_unsaved_text()
    {
        var post = await Dashboard.AddDraftAsync(App);
        var form = PostForm.From(post, TimeZoneInfo.Utc);
        form.Title = "Typed before the connection dropped";
        form.Sections[0].Benefits = "Unsaved benefit.";
        JSInterop.Setup<string?>("localStorage.getItem", $"digest:post:{post.Id}").SetResult(form.ToJson());

        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, post.Id));

        cut.WaitForAssertion(() => Assert.Equal("Typed before the connection dropped", cut.Find("#title").GetAttribute("value")));
        Assert.Contains("unsaved edits from your last visit are back", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Unsaved benefit.", cut.Find(".post-content").TextContent, StringComparison.Ordinal);
    }
}
