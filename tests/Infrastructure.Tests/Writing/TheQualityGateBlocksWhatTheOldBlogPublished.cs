using Digest.Domain.Common;
using Digest.Domain.Posts;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Hugo;
using Digest.Infrastructure.Quality;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Writing;

public sealed class TheQualityGateBlocksWhatTheOldBlogPublished
{
    private static readonly DateTime Now = new(2026, 11, 26, 5, 30, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_draft_shaped_like_2024_07_18_is_blocked_until_fixed_or_overridden(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, null);
        var draft = DraftShapedLike("2024-07-18-ai-auto-summary.md");
        await host.WithDbAsync(db => { db.Posts.Add(draft); return db.SaveChangesAsync(); });

        var problems = await host.InScopeAsync(s => s.GetRequiredService<QualityGate>().FindProblemsAsync(draft.Id));

        Assert.Equal(6, draft.Sections.Count(s => s.Kind == SectionKind.Topic));
        Assert.DoesNotContain(problems, p => p.StartsWith("topic 1 ", StringComparison.Ordinal));
        foreach (var n in new[] { 2, 3, 4, 5, 6 })
        {
            Assert.Contains($"topic {n} has no Benefits or Ramifications", problems);
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<QualityGate>().EnsureApprovableAsync(draft.Id, overrideReason: null);
            return 0;
        }));
        Assert.Contains("topic 4 has no Benefits or Ramifications", refused.Message, StringComparison.Ordinal);

        var published = await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<QualityGate>().EnsureApprovableAsync(draft.Id, "the editor will fill them in tomorrow");
            return await s.GetRequiredService<PostEditor>().ApproveAndPublishAsync(draft.Id, "editor@example.com", "the editor will fill them in tomorrow");
        });
        Assert.Equal(PostStatus.Published, published.Status);
        Assert.Equal("the editor will fill them in tomorrow", published.QualityOverride);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_topic_from_a_recent_post_is_a_repeat_by_item_by_link_or_by_heading(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = DraftHost.Start(database, null);
        var (first, sameLink, other) = await StoreItemsAsync(host);
        var yesterday = Draft(new DateOnly(2026, 11, 25));
        Topic(yesterday, "Why mamba disappeared?", first);
        Topic(yesterday, "[R] Sparse attention at 1M tokens", null);
        yesterday.ApproveAndPublish("editor@example.com", Now.AddDays(-1));
        await host.WithDbAsync(db => { db.Posts.Add(yesterday); return db.SaveChangesAsync(); });

        var today = Draft(new DateOnly(2026, 11, 26));
        Topic(today, "Mamba, one year on", first);
        Topic(today, "Mamba, one more time", sameLink);
        Topic(today, "[D] Sparse attention at 1M tokens?", other);
        Topic(today, "Benchmarks are saturated", other);

        var problems = await host.InScopeAsync(s => s.GetRequiredService<QualityGate>().FindProblemsAsync(today));

        Assert.Contains($"topic 1 repeats a topic of {yesterday.Slug} (same source item)", problems);
        Assert.Contains($"topic 2 repeats a topic of {yesterday.Slug} (same link)", problems);
        Assert.Contains($"topic 3 repeats a topic of {yesterday.Slug} (\"[R] Sparse attention at 1M tokens\")", problems);
        Assert.DoesNotContain(problems, p => p.StartsWith("topic 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Posts_older_than_the_last_n_published_are_not_compared()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = DraftHost.Start(database, null, s => s["Digest:Quality:RecentPostsToCompare"] = "1");
        var old = Draft(new DateOnly(2026, 11, 20));
        Topic(old, "Why mamba disappeared?", null);
        old.ApproveAndPublish("editor@example.com", Now.AddDays(-6));
        var recent = Draft(new DateOnly(2026, 11, 25));
        Topic(recent, "Something else entirely happened", null);
        recent.ApproveAndPublish("editor@example.com", Now.AddDays(-1));
        await host.WithDbAsync(db => { db.Posts.AddRange(old, recent); return db.SaveChangesAsync(); });

        var today = Draft(new DateOnly(2026, 11, 26));
        Topic(today, "Why mamba disappeared?", null);

        Assert.DoesNotContain(await host.InScopeAsync(s => s.GetRequiredService<QualityGate>().FindProblemsAsync(today)), p => p.Contains("repeats", StringComparison.Ordinal));
    }

    /// <summary>The seed post's sections as a generated draft: every topic credited to a source, as Digest would.</summary>
    private static Post DraftShapedLike(string fileName)
    {
        var parsed = HugoPostParser.Parse(fileName, File.ReadAllBytes(SharedFixtures.Path("seed-archive", fileName)));
        Assert.True(parsed.Succeeded, parsed.Failure);
        var draft = Draft(new DateOnly(2024, 7, 18));
        foreach (var section in parsed.Post!.Sections)
        {
            var text = section.Text;
            var added = draft.AddSection(new Section(section.Kind, text.Heading, text.Body, text.Benefits, text.Ramifications, text.PredictedWhen));
            if (section.Kind is SectionKind.Topic or SectionKind.Trending)
            {
                added.AddSource(new SectionSource(null, "r/MachineLearning", $"https://www.reddit.com/r/MachineLearning/comments/{draft.Sections.Count}/"));
            }
        }

        return draft;
    }

    private static Post Draft(DateOnly edition) =>
        Post.CreateGeneratedDraft(edition, "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", Guid.NewGuid(), Now);

    private static void Topic(Post post, string heading, SourceItem? item)
    {
        var topic = post.AddSection(new Section(SectionKind.Topic, heading, null,
            "Clearer research priorities help labs spend compute on ideas that scale.",
            "Hype cycles mislead newcomers about what actually works in practice."));
        topic.AddSource(item is null
            ? new SectionSource(null, "somewhere", $"https://example.org/{Guid.NewGuid():N}")
            : new SectionSource(item.Id, "r/MachineLearning", item.DiscussionUrl ?? item.Url));
    }

    /// <summary>Two items of the same story (one canonical URL, two sources) and one of another.</summary>
    private static Task<(SourceItem First, SourceItem SameLink, SourceItem Other)> StoreItemsAsync(DraftHost host) =>
        host.WithDbAsync(async db =>
        {
            var reddit = new Source("r/MachineLearning", new Uri("https://www.reddit.com/r/MachineLearning/.rss"), SourceKind.Reddit);
            var hn = new Source("Hacker News", new Uri("https://hn.algolia.com/api/v1/search?tags=front_page"), SourceKind.HackerNews);
            const string story = "https://arxiv.org/abs/2312.00752";
            var first = new SourceItem(reddit.Id, Fetched("Why mamba disappeared?", "https://www.reddit.com/r/MachineLearning/comments/1/"), story, Now);
            var sameLink = new SourceItem(hn.Id, Fetched("Mamba: linear-time sequence modelling", "https://news.ycombinator.com/item?id=2"), story, Now);
            var other = new SourceItem(hn.Id, Fetched("Benchmarks are saturated", "https://news.ycombinator.com/item?id=3"), "https://example.org/benchmarks", Now);
            db.Sources.AddRange(reddit, hn);
            db.SourceItems.AddRange(first, sameLink, other);
            await db.SaveChangesAsync();
            return (first, sameLink, other);
        });

    private static FetchedItem Fetched(string title, string url) => new(title, url);
}
