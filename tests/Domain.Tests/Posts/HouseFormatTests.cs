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
        // Labels and subjects end with a hard break, so their text starts on a line of its own, as on the old blog.
        Assert.Contains("   - *Benefits:*  \n     Clearer research priorities.", markdown, StringComparison.Ordinal);
        Assert.Contains("   - *Ramifications:*  \n     Hype cycles mislead newcomers.", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Artificial general intelligence** (March 2030)  \n  Scaling continues.", markdown, StringComparison.Ordinal);
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

        // Only what could start markup is escaped: "<s", "](" and "*"; parentheses and brackets alone stay as written.
        Assert.Contains(@"\<script>alert(1)\</script> [click\](javascript:alert(1)) \*\*bold\*\*", markdown, StringComparison.Ordinal);
        Assert.Contains(@"[evil\](javascript:alert(1))](https://example.com/a%20b%28c%29)", markdown, StringComparison.Ordinal);
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

    [Fact]
    public void Headlines_stay_a_tight_list_and_text_is_not_escaped_without_need()
    {
        var post = Drafts.Generated();
        post.AddSection(new Section(SectionKind.Trending, "Meta's Llama 4 (400B) & friends: what's new!", null));
        post.AddSection(new Section(SectionKind.Trending, "[R] A paper on snake_case_names", null));

        var markdown = HouseFormat.ToMarkdown(post.Sections);

        Assert.Contains("- Meta's Llama 4 (400B) & friends: what's new!\n- [R] A paper on snake_case_names\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_between_predictions_does_not_repeat_the_heading()
    {
        var post = Drafts.Generated();
        post.AddSection(new Section(SectionKind.Prediction, "AGI", "Soon.", predictedWhen: "2030"));
        post.AddSection(new Section(SectionKind.Free, null, "A remark between predictions."));
        post.AddSection(new Section(SectionKind.Prediction, "Singularity", "Later.", predictedWhen: "2045"));

        var markdown = HouseFormat.ToMarkdown(post.Sections);

        Assert.Single(markdown.Split("## GPT predicts future events", StringSplitOptions.None).Skip(1));
    }

    [Fact]
    public void Kept_markdown_is_written_exactly_and_an_edited_item_joins_its_list()
    {
        var post = Drafts.Generated();
        post.AddSection(new Section(SectionKind.Trending, "One", null).KeepMarkdown("\n## Currently trending topics\n\n", "* One\n"));
        post.AddSection(new Section(SectionKind.Trending, "Two", null).KeepMarkdown("", "* Two\n"));
        post.AddSection(new Section(SectionKind.Trending, "Three", null).KeepMarkdown("", "* Three\n\n"));

        Assert.Equal("\n## Currently trending topics\n\n* One\n* Two\n* Three\n\n", HouseFormat.ToMarkdown(post.Sections));

        post.RewriteSection(post.Sections[1].Id, new SectionText("Two, corrected", null), DateTime.UnixEpoch);

        Assert.Equal("\n## Currently trending topics\n\n* One\n* Two, corrected\n* Three\n\n", HouseFormat.ToMarkdown(post.Sections));
    }
}
