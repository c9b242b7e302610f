using Digest.Domain.Posts;

namespace Digest.Domain.Tests.Posts;

/// <summary>Posts in the shapes the tests need.</summary>
internal static class Drafts
{
    private static readonly DateTime Created = new(2026, 11, 26, 5, 30, 0, DateTimeKind.Utc);

    public static Post Generated() =>
        Post.CreateGeneratedDraft(new DateOnly(2026, 11, 26), "[Daily Automated AI Summary]", "Digest", "offline (no model)", Guid.NewGuid(), Created);

    public static Post Complete()
    {
        var post = Generated();
        post.AddSection(new Section(SectionKind.Notice, null, "Generated automatically."));
        var topic = post.AddSection(new Section(SectionKind.Topic, "Why mamba disappeared?", "> A question about state-space models.", "Clearer research priorities.", "Hype cycles mislead newcomers."));
        topic.AddSource(new SectionSource(Guid.NewGuid(), "r/MachineLearning · 342 points · 57 comments", "https://www.reddit.com/r/MachineLearning/comments/abc/"));
        var trending = post.AddSection(new Section(SectionKind.Trending, "NVIDIA releases Flextron", null));
        trending.AddSource(new SectionSource(Guid.NewGuid(), "r/machinelearningnews", "https://example.com/flextron"));
        return post;
    }

    public static Post WithEmptyTopic()
    {
        var post = Generated();
        var topic = post.AddSection(new Section(SectionKind.Topic, "Tom's Hardware reviews AI TOP", null, null, null));
        topic.AddSource(new SectionSource(null, "r/MachineLearning", "https://example.com/ai-top"));
        return post;
    }
}
