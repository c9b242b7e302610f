using Bunit;
using Digest.Domain.Posts;
using Digest.Infrastructure.Publishing;
using Digest.Web.Components.Admin.Editor;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

public sealed class ThePreviewShowsWhatReadersWillSeeAndNothingLive : BunitContext
{
    public ThePreviewShowsWhatReadersWillSeeAndNothingLive() => Services.AddPublishing();

    private static Post PostWith(string body)
    {
        var form = new PostForm
        {
            Title = "Preview", Slug = "preview", Author = "Digest", Date = new DateTime(2026, 1, 2), ShowReadingTime = true, ShowWordCount = true,
            Sections = [new SectionForm { Kind = SectionKind.Topic, Heading = "A <b>bold</b> claim", Body = body, Benefits = "Good.", Ramifications = "Bad." }],
        };
        return form.ToPreviewPost(TimeZoneInfo.Utc, DateTime.UtcNow);
    }

    [Fact]
    public void A_script_in_a_section_never_becomes_a_live_element()
    {
        var cut = Render<MarkdownPreview>(p => p.Add(c => c.Post, PostWith("Look: <script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))")));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("b"));
        Assert.DoesNotContain(cut.FindAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('x')</script>", cut.Find(".post-content").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_preview_is_the_html_publishing_stores()
    {
        var post = PostWith("Some **strong** words and a [link](https://example.org/).");
        var published = Services.GetRequiredService<PostRenderer>().Render(post);

        var cut = Render<MarkdownPreview>(p => p.Add(c => c.Post, post));

        Assert.Equal(published.Html.Trim(), cut.Find(".post-content").InnerHtml.Trim());
        Assert.Contains($"{published.WordCount} words", cut.Find(".meta").TextContent, StringComparison.Ordinal);
        Assert.Equal("Possible consequences of current developments", cut.Find("h2").TextContent);
    }
}
