using Bunit;
using Digest.Domain.Posts;
using Digest.Web.Components.Admin;
using Digest.Web.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Grounding;

public sealed class TheEditorSeesWhatEachSentenceRestsOn : EditorPageContext
{
    [Fact]
    public async Task An_invented_statement_is_highlighted_with_what_is_missing_and_supported_ones_show_their_source()
    {
        var post = await GroundedDrafts.AddAsync(App, new DateOnly(2026, 11, 20));
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);

        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, post.Id));

        cut.WaitForElement($"[data-section='{topic.Id}'] .grounding-part");
        var grounding = cut.Find($"[data-section='{topic.Id}']");
        Assert.Contains("1 source item and 2 comments", grounding.QuerySelector(".grounding-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 statement not found in the sources", grounding.QuerySelector(".unsupported-count")!.TextContent, StringComparison.Ordinal);
        var unsupported = Assert.Single(grounding.QuerySelectorAll(".claim-unsupported"));
        Assert.StartsWith(GroundedDrafts.Invented, unsupported.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", unsupported.GetAttribute("tabindex"));
        var tip = cut.Find($"#{unsupported.GetAttribute("aria-describedby")}");
        Assert.Contains("“Ingrid Okonkwo” (name)", tip.TextContent, StringComparison.Ordinal);

        // A sentence taken from a comment links to the comment's permalink and marks the words it rests on.
        var fromComment = grounding.QuerySelectorAll(".claim-grounded").Single(c => c.TextContent.StartsWith(GroundedDrafts.FromTheComment, StringComparison.Ordinal));
        var link = fromComment.QuerySelectorAll(".claim-tip a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(GroundedDrafts.Permalink, link);
        Assert.Contains(fromComment.QuerySelectorAll(".claim-tip mark"), m => m.TextContent.Contains("20%", StringComparison.Ordinal) || m.TextContent.Contains("bf16", StringComparison.Ordinal));
        // The sentence matches the comment on several words; the comment is quoted once, not once per word.
        Assert.Single(link, l => l == GroundedDrafts.Permalink);

        // The gate lists it with the other findings in the editor's bar, and the finding leads to the marked sentences.
        cut.WaitForAssertion(() => Assert.Contains("Topic 1: 1 statement not found in its sources.", cut.Find("#findings-panel .problems").TextContent, StringComparison.Ordinal));
        cut.FindAll("#findings-panel .problems button.jump").Single(b => b.TextContent.Contains("not found in its sources", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations["digestFocus"], i => Equals(i.Arguments[0], $"grounding-{topic.Id}")));
        Assert.Equal("grounding", cut.Find($"#grounding-{topic.Id}").ClassName);
    }

    [Fact]
    public async Task Editing_out_the_invented_sentence_clears_the_highlight_as_the_editor_types()
    {
        var post = await GroundedDrafts.AddAsync(App, new DateOnly(2026, 11, 21));
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, post.Id));
        cut.WaitForElement($"[data-section='{topic.Id}'] .claim-unsupported");

        cut.Find($"#ramifications-{topic.Id}").Input("Hype can mislead newcomers.");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-section='{topic.Id}'] .claim-unsupported")));
        Assert.Null(cut.Find($"[data-section='{topic.Id}']").QuerySelector(".unsupported-count"));
    }

    [Fact]
    public async Task Source_and_model_text_is_shown_as_text_and_unsafe_links_are_not_links()
    {
        var post = await GroundedDrafts.AddAsync(App, new DateOnly(2026, 11, 22), benefits: "The comment said <script>alert('x')</script> and <b>more</b>.");
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);
        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, post.Id));
        cut.WaitForElement($"[data-section='{topic.Id}'] .grounding-sources");

        var grounding = cut.Find($"[data-section='{topic.Id}']");
        Assert.Empty(grounding.QuerySelectorAll("script, img, b"));
        Assert.Contains("<img src=x onerror=alert(1)>", grounding.QuerySelector(".grounding-sources")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(grounding.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(grounding.QuerySelectorAll(".grounding-sources li span"), s => s.TextContent == "u/prompt_goblin · 61 points");
    }

    [Fact]
    public async Task An_imported_post_says_it_was_not_checked_and_has_no_grounding_findings()
    {
        var imported = await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Digest.Infrastructure.Data.DigestDbContext>();
            var post = Post.CreateDraft("2024-07-18-ai-auto-summary", "[Daily Automated AI Summary]", new DateTime(2024, 7, 18, 0, 0, 0, DateTimeKind.Utc), "Blog Agent", PostOrigin.Imported, DateTime.UtcNow);
            post.AddSection(new Section(SectionKind.Topic, "Why mamba disappeared?", null, "Dr. Nobody Known says 42% of labs agree.", "Nothing else."));
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post;
        });

        var cut = Render<PostEditorPage>(p => p.Add(c => c.Id, imported.Id));

        cut.WaitForElement(".grounding");
        Assert.Equal("Not checked: no sources kept.", cut.Find(".grounding-summary").TextContent.Trim());
        Assert.Empty(cut.FindAll(".claim"));
        Assert.DoesNotContain("not found in its sources", cut.Find("#findings-panel").TextContent, StringComparison.Ordinal);
    }
}
