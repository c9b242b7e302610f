using Digest.Domain.Generation;
using Digest.Domain.Sources;

namespace Digest.Domain.Tests.Generation;

public sealed class EditionPlanTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 5, 30, 0, DateTimeKind.Utc);
    private static readonly Source Reddit = new("r/MachineLearning", new Uri("https://www.reddit.com/r/MachineLearning/.rss"), SourceKind.Feed, SourceRole.Topics);
    private static readonly Source News = new("r/machinelearningnews", new Uri("https://www.reddit.com/r/machinelearningnews/.rss"), SourceKind.Feed, SourceRole.Trending);
    private static readonly Source HackerNews = new("Hacker News", new Uri("https://news.ycombinator.com/rss"), SourceKind.Feed);

    [Fact]
    public void Reception_is_compared_within_each_source_not_across_them()
    {
        // 40 points is the best a small source did today; 400 is middling on a big one.
        var small = Item(Reddit, "Best of the small source", score: 40, hoursOld: 5);
        var bigBest = Item(HackerNews, "Best of the big source", score: 4000, hoursOld: 5);
        var bigMiddling = Item(HackerNews, "Middling on the big source", score: 400, hoursOld: 5);

        var ranked = ItemRanker.Rank([small, bigBest, bigMiddling], Now);

        Assert.True(ranked.Single(c => c.Item.Title == "Best of the small source").Rank > ranked.Single(c => c.Item.Title == "Middling on the big source").Rank);
    }

    [Fact]
    public void Fresh_items_outrank_stale_ones_with_the_same_reception()
    {
        var ranked = ItemRanker.Rank([Item(Reddit, "Old", 100, hoursOld: 60), Item(Reddit, "New", 100, hoursOld: 2)], Now);

        Assert.Equal("New", ranked[0].Item.Title);
        Assert.Contains("2 h old", ranked[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_and_trending_respect_each_source_role()
    {
        var ranked = ItemRanker.Rank(
        [
            Item(Reddit, "Topic A", 300, 1), Item(Reddit, "Topic B", 200, 1),
            Item(News, "Headline A", 900, 1), Item(News, "Headline B", 800, 1),
        ], Now);

        var plan = EditionPlan.Choose(ranked, topicCount: 5, trendingCount: 3);

        Assert.Equal(["Topic A", "Topic B"], plan.Topics.Select(s => s.Lead.Item.Title));
        Assert.Equal(["Headline A", "Headline B"], plan.Trending.Select(s => s.Lead.Item.Title).Order());
    }

    [Fact]
    public void The_same_story_from_two_sources_is_one_topic_crediting_both()
    {
        var onReddit = Item(Reddit, "Mamba-3 paper", 300, 2, canonical: "https://arxiv.org/abs/2611.00001");
        var onHn = Item(HackerNews, "Mamba-3: state space models strike back", 500, 3, canonical: "https://arxiv.org/abs/2611.00001");

        var plan = EditionPlan.Choose(ItemRanker.Rank([onReddit, onHn, Item(Reddit, "Other", 10, 2)], Now), 5, 0);

        var story = plan.Topics[0];
        Assert.Equal(2, story.Candidates.Count);
        Assert.Equal(2, plan.Topics.Count);
    }

    [Fact]
    public void Credits_say_where_and_how_an_item_was_received()
    {
        var candidate = ItemRanker.Rank([Item(Reddit, "T", 342, 1, comments: 57)], Now).Single();

        Assert.Equal("r/MachineLearning · 342 points · 57 comments", candidate.CreditLabel());
    }

    private static (SourceItem, Source) Item(Source source, string title, int score, int hoursOld, int comments = 0, string? canonical = null)
    {
        var url = canonical ?? $"https://example.com/{Uri.EscapeDataString(title)}";
        var item = new SourceItem(source.Id, new FetchedItem(title, url, PublishedAt: Now.AddHours(-hoursOld), Score: score, Comments: comments), url, Now);
        return (item, source);
    }
}
