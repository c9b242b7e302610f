using Digest.Infrastructure.Sources;
using Digest.TestSupport;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class OneHostIsNotHammered : IAsyncLifetime
{
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Many_sources_on_one_host_are_fetched_at_most_two_at_a_time()
    {
        var feed = SharedFixtures.Bytes("reddit_r-pics_atom_2025_one-entry.xml");
        var current = 0;
        var highest = 0;
        _server.Map("/feed.xml", async context =>
        {
            var now = Interlocked.Increment(ref current);
            InterlockedMax(ref highest, now);
            await Task.Delay(200, context.RequestAborted);
            Interlocked.Decrement(ref current);
            context.Response.ContentType = "application/atom+xml";
            await context.Response.Body.WriteAsync(feed, context.RequestAborted);
        });
        var fetcher = TestFetchers.Create();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            fetcher.FetchAsync(TestFetchers.Source(_server.Url($"/feed.xml?n={i}")), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(8, _server.RequestsTo("/feed.xml").Count);
        Assert.InRange(highest, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
