using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing;

namespace Digest.Infrastructure.Tests.Publishing;

public sealed class HeadingsGetAnchorsAndATableOfContents
{
    private readonly PostRenderer _renderer = new(new MarkdownRenderer(new ContentSanitizer()));

    [Fact]
    public void A_house_format_post_lists_its_three_parts_with_the_old_blogs_anchors()
    {
        var post = new PostBuilder()
            .WithNotice()
            .WithTopic("Dolly 2.0", "Open models help research.", "Open models can be misused.")
            .WithTrending("Meet LMQL: a language for LLM interaction")
            .WithPrediction("Artificial general intelligence", "2030", "Progress is fast.")
            .Draft();

        var rendered = _renderer.Render(post);

        Assert.Equal(
            [
                new TocEntry(2, "possible-consequences-of-current-developments", HouseFormat.ConsequencesHeading),
                new TocEntry(2, "currently-trending-topics", HouseFormat.TrendingHeading),
                new TocEntry(2, "gpt-predicts-future-events", HouseFormat.PredictionsHeading),
            ],
            rendered.Toc);
        var body = Html.Body(rendered.Html);
        Assert.All(rendered.Toc, entry => Assert.NotNull(body.QuerySelector($"h2[id='{entry.Id}']")));
    }

    [Fact]
    public void H2_and_h3_are_listed_in_order_and_deeper_headings_are_not()
    {
        var post = new PostBuilder()
            .WithFree("Background & context", "Text.\n\n### What <changed>?\n\nMore.\n\n#### Too deep\n\nEnd.\n\n### What <changed>?\n\nAgain.")
            .Draft();

        var rendered = _renderer.Render(post);

        Assert.Equal(
            [
                new TocEntry(2, "background--context", "Background & context"),
                new TocEntry(3, "what-changed", "What <changed>?"),
                new TocEntry(3, "what-changed-1", "What <changed>?"),
            ],
            rendered.Toc);
    }

    [Fact]
    public void The_toc_and_reading_time_come_back_from_what_the_post_stores()
    {
        var post = new PostBuilder().WithNotice().WithTopic("A", "b", "c").WithTrending("T").Draft();
        var rendered = _renderer.Render(post);

        var fromStore = RenderedPost.FromStored(post.ContentHtml, post.WordCount);

        Assert.Equal(rendered.Html, post.ContentHtml);
        Assert.Equal(rendered.WordCount, post.WordCount);
        Assert.Equal(rendered.ReadingMinutes, fromStore.ReadingMinutes);
        Assert.Equal(rendered.Toc, fromStore.Toc);
    }

    [Fact]
    public void A_post_that_is_edited_is_rendered_again_with_its_new_text()
    {
        var post = new PostBuilder().WithNotice().WithTopic("Old heading", "b", "c").Draft();
        _renderer.Render(post);
        var topic = post.Sections.Single(s => s.Kind == SectionKind.Topic);

        post.RewriteSection(topic.Id, new SectionText("New heading", null, "better benefits here", "c"), PostBuilder.Morning.AddHours(1));
        _renderer.Render(post);

        Assert.Contains("New heading", post.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Old heading", post.ContentHtml, StringComparison.Ordinal);
    }
}
