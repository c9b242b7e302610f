using Digest.Domain.Common;
using Digest.Domain.Generation;
using Digest.Domain.Posts;

namespace Digest.Domain.Tests.Posts;

/// <summary>What a writer leaves as "not written yet" blocks approval, named per section, and readers never see the mark.</summary>
public sealed class WriterMarksAreFindingsAndNeverReachReaders
{
    private static Post OfflineDraft()
    {
        var post = Drafts.Generated();
        post.AddSection(new Section(SectionKind.Notice, null, "Generated automatically."));
        var quoted = "> Where did Mamba go?\n\n" + WriterMarks.QuotedNotSummarised("r/MachineLearning");
        post.AddSection(new Section(SectionKind.Topic, "Why mamba disappeared?", quoted, "Clearer research priorities for labs.", "Hype cycles mislead newcomers and funders."))
            .AddSource(new SectionSource(Guid.NewGuid(), "r/MachineLearning", "https://www.reddit.com/r/MachineLearning/comments/abc/"));
        post.AddSection(new Section(SectionKind.Topic, "Sparse attention", "A paper on sparse attention.", "Longer context for everyone.", "*Not yet written.*"))
            .AddSource(new SectionSource(Guid.NewGuid(), "Hacker News [HN]", "https://news.ycombinator.com/item?id=1"));
        return post;
    }

    [Fact]
    public void The_offline_writers_quote_and_any_not_written_mark_are_findings_named_per_section()
    {
        var problems = OfflineDraft().Problems();

        Assert.Contains("topic 1: the summary is the writer's quote of r/MachineLearning, not yet summarised (write it, or remove the quote and its mark)", problems);
        Assert.Contains("topic 2: the writer left a mark in the Ramifications (\"Not yet written.\")", problems);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_marked_post_cannot_be_approved_without_a_reason_and_can_with_one()
    {
        var post = OfflineDraft();
        var now = new DateTime(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);

        var refused = Assert.Throws<DomainException>(() => post.ApproveAndPublish("ada@example.com", now));
        Assert.Contains("topic 1: the summary is the writer's quote of r/MachineLearning", refused.Message, StringComparison.Ordinal);

        post.ApproveAndPublish("ada@example.com", now, "The quotes speak for themselves today.");
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal("The quotes speak for themselves today.", post.QualityOverride);
    }

    [Fact]
    public void Replacing_the_quote_clears_the_finding()
    {
        var post = OfflineDraft();
        var topic = post.Sections.First(s => s.Kind == SectionKind.Topic);

        post.RewriteSection(topic.Id, topic.Text with { Body = "People asked where state-space models went." }, DateTime.UtcNow);

        Assert.DoesNotContain(post.Problems(), p => p.StartsWith("topic 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Readers_get_the_quote_without_the_mark_and_editors_keep_it()
    {
        var markdown = HouseFormat.ToMarkdown(OfflineDraft().Sections);

        var forReaders = WriterMarks.Strip(markdown);

        Assert.Contains("not yet summarised", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet summarised", forReaders, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Not yet written", forReaders, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("> Where did Mamba go?", forReaders, StringComparison.Ordinal);
        Assert.Contains("Clearer research priorities for labs.", forReaders, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_name_with_markup_is_named_as_text()
    {
        var section = new Section(SectionKind.Topic, "Heading", WriterMarks.QuotedNotSummarised("Hacker News [front page] *top*"), "b", "r");

        var finding = Assert.Single(WriterMarks.Find("topic 3", section, []));

        Assert.Equal("topic 3: the summary is the writer's quote of Hacker News [front page] *top*, not yet summarised (write it, or remove the quote and its mark)", finding);
    }

    [Fact]
    public void A_trending_summary_the_run_could_not_write_is_a_finding_one_it_never_asked_for_is_not()
    {
        var unwritten = new Section(SectionKind.Trending, "NVIDIA releases Flextron", null);
        var plain = new Section(SectionKind.Trending, "SmolLM released", null);
        SectionNote[] notes =
        [
            new(SectionKind.Trending, "NVIDIA releases Flextron", "not written: the run's token budget (1000) was reached"),
            SectionNote.WrittenByFallback(SectionKind.Trending, "SmolLM released", "gpt-4o-mini"),
        ];

        Assert.Equal(["trending headline 2 has no summary (not written: the run's token budget (1000) was reached)"], WriterMarks.Find("trending headline 2", unwritten, notes));
        Assert.Empty(WriterMarks.Find("trending headline 3", plain, notes));
        Assert.Empty(WriterMarks.Find("trending headline 2", unwritten, []));
    }

    [Fact]
    public void Text_that_merely_mentions_writing_is_not_a_mark()
    {
        var section = new Section(SectionKind.Topic, "Heading", "The paper is *not yet published* and the code is not yet written.", "Benefits here.", "Ramifications here.");

        Assert.Empty(WriterMarks.Find("topic 1", section, []));
    }
}
