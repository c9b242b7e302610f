using Digest.Domain.Posts;

namespace Digest.Domain.Tests.Posts;

public sealed class HouseFormatTests
{
    [Fact]
    public void A_post_is_written_in_the_sections_and_order_of_the_old_blog()
    {
        var post = Drafts.Complete();
        post.AddSection(new Section(SectionKind.Prediction, "Artificial general intelligence", "Scaling continues.", predictedWhen: "March 2030"));

        var markdown = HouseFormat.ToMarkdown(post.Sections);

        var notice = markdown.IndexOf("> *Notice:* Generated automatically.", StringComparison.Ordinal);
        var consequences = markdown.IndexOf("## Possible consequences of current developments", StringComparison.Ordinal);
        var trending = markdown.IndexOf("## Currently trending topics", StringComparison.Ordinal);
        var predictions = markdown.IndexOf("## GPT predicts future events", StringComparison.Ordinal);
        Assert.True(notice >= 0 && notice < consequences && consequences < trending && trending < predictions, markdown);
        Assert.Contains("1. **Why mamba disappeared?**", markdown, StringComparison.Ordinal);
        Assert.Contains("   - *Benefits:*\n     Clearer research priorities.", markdown, StringComparison.Ordinal);
        Assert.Contains("   - *Ramifications:*\n     Hype cycles mislead newcomers.", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Artificial general intelligence** (March 2030)\n  Scaling continues.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_topic_credits_its_sources_with_links()
    {
        var markdown = HouseFormat.ToMarkdown(Drafts.Complete().Sections);

        Assert.Contains("[r/MachineLearning · 342 points · 57 comments](https://www.reddit.com/r/MachineLearning/comments/abc/)", markdown, StringComparison.Ordinal);
        Assert.Contains("- NVIDIA releases Flextron ([r/machinelearningnews](https://example.com/flextron))", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_from_sources_are_text_not_markup()
    {
        var post = Drafts.Generated();
        var topic = post.AddSection(new Section(SectionKind.Topic, "<script>alert(1)</script> [click](javascript:alert(1)) **bold**", null, "b", "r"));
        topic.AddSource(new SectionSource(null, "evil](javascript:alert(1))", "https://example.com/a b(c)"));

        var markdown = HouseFormat.ToMarkdown(post.Sections);

        Assert.Contains(@"\<script\>alert\(1\)\</script\> \[click\]\(javascript:alert\(1\)\) \*\*bold\*\*", markdown, StringComparison.Ordinal);
        Assert.Contains(@"[evil\]\(javascript:alert\(1\)\)](https://example.com/a%20b%28c%29)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_is_numbered_within_its_list()
    {
        var post = Drafts.Generated();
        post.AddSection(new Section(SectionKind.Topic, "First", null, "b", "r"));
        post.AddSection(new Section(SectionKind.Topic, "Second", null, "b", "r"));

        var markdown = HouseFormat.ToMarkdown(post.Sections);

        Assert.Contains("1. **First**", markdown, StringComparison.Ordinal);
        Assert.Contains("2. **Second**", markdown, StringComparison.Ordinal);
        Assert.Single(markdown.Split("## Possible consequences", StringSplitOptions.None).Skip(1));
    }
}
