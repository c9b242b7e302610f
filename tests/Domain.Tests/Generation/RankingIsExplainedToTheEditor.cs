using Digest.Domain.Generation;
using Digest.Domain.Sources;

namespace Digest.Domain.Tests.Generation;

/// <summary>The ranking's reasons are short sentences an editor can check against the numbers.</summary>
public sealed class RankingIsExplainedToTheEditor
{
    private static readonly DateTime Now = new(2026, 11, 26, 5, 30, 0, DateTimeKind.Utc);
    private static readonly Source HackerNews = new("Hacker News", new Uri("https://hn.algolia.com/api/v1/search"), SourceKind.HackerNews, SourceRole.Both, weight: 1.5);
    private static readonly Source Blog = new("Acme blog", new Uri("https://acme.example/feed.xml"), SourceKind.Rss);

    [Fact]
    public void The_reason_gives_the_place_within_the_source_the_age_and_the_weight()
    {
        var ranked = ItemRanker.Rank([Item(HackerNews, "First", 900, 5), Item(HackerNews, "Second", 300, 5), Item(HackerNews, "Third", 10, 5)], Now);

        Assert.Equal("#2 of 3 on Hacker News by points and comments · 5 h old · weight 1.5", ranked.Single(c => c.Item.Title == "Second").Reason);
    }

    [Fact]
    public void One_viral_item_does_not_flatten_the_rest_of_its_source()
    {
        var ranked = ItemRanker.Rank([Item(HackerNews, "Viral", 50_000, 5), Item(HackerNews, "Good", 400, 5), Item(HackerNews, "Quiet", 3, 5)], Now);

        var good = ranked.Single(c => c.Item.Title == "Good");
        var quiet = ranked.Single(c => c.Item.Title == "Quiet");
        Assert.True(good.Rank - quiet.Rank > 0.25, $"good {good.Rank:0.000} vs quiet {quiet.Rank:0.000}");
    }

    [Fact]
    public void A_source_without_points_says_so_and_ranks_on_freshness()
    {
        var ranked = ItemRanker.Rank([(new SourceItem(Blog.Id, new FetchedItem("Post", "https://acme.example/p", PublishedAt: Now.AddDays(-3)), "https://acme.example/p", Now), Blog)], Now);

        Assert.Equal("Acme blog gives no points or comments · 3 days old", ranked[0].Reason);
    }

    [Fact]
    public void Flair_is_part_of_the_credit()
    {
        var source = new Source("r/MachineLearning", new Uri("https://www.reddit.com/r/MachineLearning/"), SourceKind.Reddit);
        var item = new SourceItem(source.Id, new FetchedItem("[R] T", "https://x.example/", Score: 342, Comments: 57, Flair: "Research"), "https://x.example/", Now);

        Assert.Equal("r/MachineLearning · Research · 342 points · 57 comments", ItemRanker.Rank([(item, source)], Now)[0].CreditLabel());
    }

    private static (SourceItem, Source) Item(Source source, string title, int score, int hoursOld)
    {
        var url = $"https://example.com/{title}";
        return (new SourceItem(source.Id, new FetchedItem(title, url, PublishedAt: Now.AddHours(-hoursOld), Score: score), url, Now), source);
    }
}
