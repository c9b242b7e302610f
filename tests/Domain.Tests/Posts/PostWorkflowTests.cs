using Digest.Domain.Common;
using Digest.Domain.Posts;

namespace Digest.Domain.Tests.Posts;

public sealed class PostWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_complete_draft_is_published_with_its_reviewer_and_time()
    {
        var post = Drafts.Complete();

        post.ApproveAndPublish("ada@example.com", Now);

        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal("ada@example.com", post.ReviewedBy);
        Assert.Equal(Now, post.PublishedAt);
        var step = Assert.Single(post.Transitions);
        Assert.Equal((PostStatus.Draft, PostStatus.Published, "ada@example.com", Now), (step.From, step.To, step.By, step.At));
    }

    [Fact]
    public void A_draft_with_empty_benefits_cannot_be_approved_without_a_reason()
    {
        var post = Drafts.WithEmptyTopic();

        var error = Assert.Throws<DomainException>(() => post.ApproveAndPublish("ada", Now));

        Assert.Contains("topic 1 has no Benefits", error.Message, StringComparison.Ordinal);
        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.Empty(post.Transitions);
    }

    [Fact]
    public void An_override_reason_publishes_despite_problems_and_is_recorded()
    {
        var post = Drafts.WithEmptyTopic();

        post.ApproveAndPublish("ada", Now, "the benefits are self-evident today");

        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal("the benefits are self-evident today", post.QualityOverride);
        Assert.Equal("the benefits are self-evident today", post.Transitions.Single().Note);
    }

    [Fact]
    public void A_generated_topic_without_a_source_is_a_problem()
    {
        var post = Drafts.Generated();
        post.AddSection(new Section(SectionKind.Topic, "Unsourced claim", null, "b", "r"));

        Assert.Contains("topic 1 has no source", post.Problems());
    }

    [Theory]
    [InlineData(PostStatus.Published)]
    [InlineData(PostStatus.Rejected)]
    public void A_published_or_rejected_post_cannot_be_submitted_for_review(PostStatus status)
    {
        var post = Drafts.Complete();
        if (status == PostStatus.Published)
        {
            post.ApproveAndPublish("ada", Now);
        }
        else
        {
            post.Reject("ada", Now, "off topic");
        }

        var error = Assert.Throws<DomainException>(() => post.SubmitForReview("bob", Now));
        Assert.Contains("cannot become in review", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejecting_needs_a_reason()
    {
        var post = Drafts.Complete();

        Assert.Throws<DomainException>(() => post.Reject("ada", Now, "  "));
        Assert.Equal(PostStatus.Draft, post.Status);
    }

    [Fact]
    public void A_scheduled_post_is_published_only_when_due()
    {
        var post = Drafts.Complete();
        var at = Now.AddHours(3);
        post.Schedule("ada", Now, at);

        Assert.False(post.PublishIfDue(Now.AddHours(2)));
        Assert.Equal(PostStatus.Scheduled, post.Status);
        Assert.True(post.PublishIfDue(at));
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(at, post.PublishedAt);
        Assert.Equal("ada", post.ReviewedBy);
    }

    [Fact]
    public void A_post_cannot_be_scheduled_in_the_past()
    {
        var post = Drafts.Complete();

        Assert.Throws<DomainException>(() => post.Schedule("ada", Now, Now.AddMinutes(-1)));
    }

    [Fact]
    public void Unpublishing_and_publishing_again_keeps_the_first_publication_date()
    {
        var post = Drafts.Complete();
        post.ApproveAndPublish("ada", Now);
        post.Unpublish("ada", Now.AddHours(1));
        Assert.Equal(PostStatus.Draft, post.Status);

        post.ApproveAndPublish("bob", Now.AddHours(2));

        Assert.Equal(Now, post.PublishedAt);
        Assert.Equal("bob", post.ReviewedBy);
    }

    [Fact]
    public void Every_change_gives_the_post_a_new_version()
    {
        var post = Drafts.Complete();
        var before = post.Version;

        post.RewriteSection(post.Sections[1].Id, new SectionText("New heading", null, "b", "r"), Now);

        Assert.NotEqual(before, post.Version);
        Assert.Equal("New heading", post.Sections[1].Heading);
    }

    [Fact]
    public void The_feed_id_never_changes_with_edits()
    {
        var post = Drafts.Complete();
        var feedId = post.FeedId;

        post.SetMetadata(new PostMetadata("Another title", "another-slug", null, Now, "ada", [], PostFlags.HouseDefault, Cover.None), Now);

        Assert.Equal(feedId, post.FeedId);
        Assert.StartsWith("urn:uuid:", feedId, StringComparison.Ordinal);
    }
}
