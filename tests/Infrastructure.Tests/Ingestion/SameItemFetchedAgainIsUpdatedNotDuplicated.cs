using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Ingestion;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Tests.Ingestion;

/// <summary>Scores and comment counts follow the day: an item fetched again is updated in place, on both databases.</summary>
public sealed class SameItemFetchedAgainIsUpdatedNotDuplicated
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_fetch_updates_score_comments_and_flair_and_adds_only_what_is_new(DatabaseProvider provider)
    {
        await using var server = await LocalHttpServer.StartAsync();
        server.Serve("/r/MachineLearning/top.json",
            Listings.Reddit(("a1", "[R] Sparse attention", "https://example.org/paper?utm_source=reddit", 10, 2, "Research"), ("a2", "[D] Benchmarks", "https://example.org/bench", 5, 1, null)),
            Listings.Reddit(("a1", "[R] Sparse attention", "https://www.example.org/paper#abstract", 250, 40, "Research"), ("a2", "[D] Benchmarks", "https://example.org/bench", 9, 3, "Discussion"), ("a3", "[N] New one", "https://example.org/new", 1, 0, null)));
        await using var host = await IngestHost.StartAsync(provider);
        var source = new Source("r/MachineLearning", server.Url("/r/MachineLearning/top.json"), SourceKind.Reddit, SourceRole.Topics);
        await host.AddAsync(source);

        var first = Assert.Single(await host.IngestAllAsync());
        host.Clock.Advance(TimeSpan.FromHours(1));
        var second = Assert.Single(await host.IngestAllAsync());

        Assert.Equal((IngestStatus.Stored, 2, 2), (first.Status, first.ItemsRead, first.NewItems));
        Assert.Equal((IngestStatus.Stored, 3, 1, 2), (second.Status, second.ItemsRead, second.NewItems, second.UpdatedItems));
        var items = await host.WithDbAsync(db => db.SourceItems.AsNoTracking().OrderBy(i => i.FirstSeenAt).ThenBy(i => i.Title).ToListAsync());
        Assert.Equal(3, items.Count);
        var paper = Assert.Single(items, i => i.CanonicalUrl == "https://example.org/paper");
        Assert.Equal((250, 40, "Research"), (paper.Score, paper.Comments, paper.Flair));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, paper.LastSeenAt);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddHours(-1), paper.FirstSeenAt);
        Assert.Equal("Discussion", items.Single(i => i.CanonicalUrl == "https://example.org/bench").Flair);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_ingests_at_once_store_each_item_once(DatabaseProvider provider)
    {
        await using var server = await LocalHttpServer.StartAsync();
        var posts = Enumerable.Range(1, 30).Select(i => ($"c{i}", $"Story {i}", $"https://example.org/story/{i}", i, i, (string?)null)).ToArray();
        server.Map("/r/MachineLearning/hot.json", async context =>
        {
            // Both runs fetch before either stores, so both try to insert the same items.
            await Task.Delay(300);
            var response = Listings.Reddit(posts);
            context.Response.ContentType = response.ContentType;
            await context.Response.Body.WriteAsync(response.Body);
        });
        await using var host = await IngestHost.StartAsync(provider);
        await host.AddAsync(new Source("r/MachineLearning", server.Url("/r/MachineLearning/hot.json"), SourceKind.Reddit));

        var runs = await Task.WhenAll(host.IngestAllAsync(), host.IngestAllAsync());

        Assert.All(runs, run => Assert.Equal(IngestStatus.Stored, Assert.Single(run).Status));
        Assert.Equal(30, runs.Sum(run => run[0].NewItems));
        Assert.Equal(30, await host.WithDbAsync(db => db.SourceItems.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_304_changes_nothing_and_counts_as_healthy(DatabaseProvider provider)
    {
        await using var server = await LocalHttpServer.StartAsync();
        server.Serve("/feed.json",
            Listings.HackerNews(("1", "Story", "https://example.org/1", 10, 1)).WithHeader("ETag", "\"v1\""),
            LocalResponse.Code(System.Net.HttpStatusCode.NotModified));
        await using var host = await IngestHost.StartAsync(provider);
        await host.AddAsync(new Source("HN search", server.Url("/feed.json"), SourceKind.HackerNews));

        await host.IngestAllAsync();
        var second = Assert.Single(await host.IngestAllAsync());

        Assert.Equal(IngestStatus.NotModified, second.Status);
        Assert.Equal("\"v1\"", server.RequestsTo("/feed.json")[1].Headers["If-None-Match"]);
        Assert.Equal(1, await host.WithDbAsync(db => db.SourceItems.CountAsync()));
        var stored = await host.WithDbAsync(db => db.Sources.AsNoTracking().SingleAsync());
        Assert.Equal(SourceState.Healthy, stored.Health(host.Clock.GetUtcNow().UtcDateTime).State);
    }
}
