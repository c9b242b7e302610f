using Digest.Domain.Generation;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Tests.Ingestion;

/// <summary>Reddit, Hacker News and arXiv fetched over HTTP and stored: one paper on all three is one candidate topic.</summary>
public sealed class StoriesAreClusteredAcrossSources
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_paper_on_reddit_hacker_news_and_arxiv_is_one_story_crediting_all_three(DatabaseProvider provider)
    {
        await using var server = await LocalHttpServer.StartAsync();
        server.Serve("/r/MachineLearning/top.json", Listings.Reddit(
            ("p1", "[R] Mamba-3: state space models strike back", "https://arxiv.org/pdf/2611.01234v2", 420, 80, "Research"),
            ("p2", "[D] What GPU for a home lab?", "https://example.org/gpu", 50, 70, "Discussion")));
        server.Serve("/api/v1/search", Listings.HackerNews(
            ("9001", "Mamba-3: State Space Models Strike Back", "https://arxiv.org/abs/2611.01234?utm_source=hn", 300, 120),
            ("9002", "A compiler written in a weekend", "https://example.org/compiler", 200, 30)));
        server.Serve("/api/query", Listings.Arxiv(
            ("2611.01234", "Mamba-3: State Space Models Strike Back", "We introduce Mamba-3."),
            ("2611.05555", "On the convergence of something else", "We prove a bound.")));
        await using var host = await IngestHost.StartAsync(provider);
        await host.AddAsync(
            new Source("r/MachineLearning", server.Url("/r/MachineLearning/top.json"), SourceKind.Reddit, SourceRole.Topics),
            new Source("Hacker News", server.Url("/api/v1/search?tags=front_page"), SourceKind.HackerNews),
            new Source("arXiv cs.LG", server.Url("/api/query?search_query=cat:cs.LG"), SourceKind.Arxiv));

        var outcomes = await host.IngestAllAsync();
        var candidates = await host.WithDbAsync(async db => await db.SourceItems.AsNoTracking()
            .Join(db.Sources.AsNoTracking(), i => i.SourceId, s => s.Id, (i, s) => new { i, s })
            .ToListAsync());

        Assert.All(outcomes, o => Assert.Equal(2, o.NewItems));
        var plan = EditionPlan.Choose(ItemRanker.Rank(candidates.Select(x => (x.i, x.s)), host.Clock.GetUtcNow().UtcDateTime), topicCount: 5, trendingCount: 0);
        Assert.Equal(4, plan.Topics.Count);
        var mamba = Assert.Single(plan.Topics, s => s.Candidates.Count > 1);
        Assert.Equal(["Hacker News", "arXiv cs.LG", "r/MachineLearning"], mamba.Candidates.Select(c => c.Source.Name).Order(StringComparer.Ordinal));
        Assert.Same(mamba, plan.Topics[0]);
        Assert.Equal("We introduce Mamba-3.", mamba.ToBrief().Excerpt);
        Assert.Contains(mamba.Candidates, c => c.CreditLabel() == "r/MachineLearning · Research · 420 points · 80 comments");
    }
}
