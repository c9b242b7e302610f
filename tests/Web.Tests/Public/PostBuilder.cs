using Digest.Domain.Posts;
using Digest.Domain.Settings;

namespace Digest.Web.Tests.Public;

/// <summary>A house-format post for public-site tests: notice, topics with sources, trending headlines, a prediction.</summary>
internal sealed record TopicSpec(string Heading, string Benefits, string Ramifications, params (string Label, string Url)[] Sources);

internal sealed class PostBuilder
{
    public DateOnly Edition { get; init; } = new(2026, 1, 4);
    public string Title { get; init; } = "[Daily Automated AI Summary]";
    public string? Description { get; init; }
    public DateTime? Date { get; init; }
    public string Author { get; init; } = "Blog Agent";
    public string WrittenBy { get; init; } = "gpt-4o-mini";
    public IReadOnlyList<string> Tags { get; init; } = ["daily ai summary", "automated content"];
    public PostFlags Flags { get; init; } = PostFlags.HouseDefault;
    public Cover Cover { get; init; } = Cover.None;

    public IReadOnlyList<TopicSpec> Topics { get; init; } =
    [
        new("Why mamba disappeared?", "State-space models remain cheap at long context and may return in hybrids.", "Attention keeps winning benchmarks, so research money follows it.",
            ("r/MachineLearning · 342 points · 57 comments", "https://www.reddit.com/r/MachineLearning/comments/1/")),
        new("Sparse attention at 1M tokens", "Whole code bases fit in one prompt, so reviews see everything.", "Long prompts cost more energy per answer than short ones do.",
            ("r/MachineLearning · 120 points · 12 comments", "https://www.reddit.com/r/MachineLearning/comments/2/"),
            ("Hacker News · 88 points · 40 comments", "https://news.ycombinator.com/item?id=2")),
    ];

    public IReadOnlyList<(string Headline, string Label, string Url)> Trending { get; init; } =
    [
        ("NVIDIA introduces Flextron", "r/machinelearningnews · 30 points · 2 comments", "https://www.reddit.com/r/machinelearningnews/comments/3/"),
    ];

    public (string Subject, string When, string Rationale)? Prediction { get; init; } =
        ("Artificial general intelligence", "2035", "Progress is fast but uneven, and hard problems remain unsolved.");

    public string Slug => Slugs.ForEdition(Edition);

    public Post Build(DateTime now)
    {
        var post = Post.CreateGeneratedDraft(Edition, Title, Author, WrittenBy, Guid.NewGuid(), now);
        post.SetMetadata(new PostMetadata(Title, post.Slug, Description, Date ?? Edition.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc), Author, Tags, Flags, Cover), now);
        AddSections(post);
        return post;
    }

    /// <summary>An imported post as the old blog had it: published, never reviewed.</summary>
    public Post BuildImported(DateTime now)
    {
        var date = Date ?? Edition.ToDateTime(new TimeOnly(16, 11, 21), DateTimeKind.Utc);
        var post = Post.CreateDraft(Slugs.ForEdition(Edition).Replace("ai-digest", "ai-auto-summary", StringComparison.Ordinal), Title, date, Author, PostOrigin.Imported, now);
        post.SetMetadata(new PostMetadata(Title, post.Slug, Description, date, Author, Tags, Flags, Cover), now);
        AddSections(post);
        post.MarkImportedAsPublished(date);
        return post;
    }

    private void AddSections(Post post)
    {
        post.AddSection(new Section(SectionKind.Notice, null, SiteSettings.DefaultNotice));
        foreach (var topic in Topics)
        {
            var section = post.AddSection(new Section(SectionKind.Topic, topic.Heading, null, topic.Benefits, topic.Ramifications));
            foreach (var (label, url) in topic.Sources)
            {
                section.AddSource(new SectionSource(null, label, url));
            }
        }

        foreach (var (headline, label, url) in Trending)
        {
            post.AddSection(new Section(SectionKind.Trending, headline, null)).AddSource(new SectionSource(null, label, url));
        }

        if (Prediction is var (subject, when, rationale))
        {
            post.AddSection(new Section(SectionKind.Prediction, subject, rationale, predictedWhen: when));
        }
    }
}
