using System.Net;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Ingestion;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Tests.Ingestion;

/// <summary>Each bad source fails alone with a line the operator can act on; the good ones are stored all the same.</summary>
public sealed class OneBadSourceNeverStopsTheOthers
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Good_sources_are_stored_while_broken_ones_record_their_error_and_back_off(DatabaseProvider provider)
    {
        await using var server = await LocalHttpServer.StartAsync();
        server.Serve("/good.json", Listings.HackerNews(("1", "A good story", "https://example.org/good", 10, 2)));
        server.Serve("/html", LocalResponse.Text("<html><body>Moved</body></html>", "text/html"));
        server.Serve("/changed.json", LocalResponse.Text("""{"kind":"Listing","data":{"items":[]}}""", "application/json"));
        server.Serve("/bomb.xml", LocalResponse.File(Sources.SharedFixtures.Path("dx_billion-laughs_xmlbomb.xml"), "application/xml"));
        server.Serve("/gone.xml", LocalResponse.Code(HttpStatusCode.NotFound));
        await using var host = await IngestHost.StartAsync(provider);
        await host.AddAsync(
            new Source("Good", server.Url("/good.json"), SourceKind.HackerNews),
            new Source("Html page", server.Url("/html"), SourceKind.Feed),
            new Source("Changed JSON", server.Url("/changed.json"), SourceKind.Reddit),
            new Source("Entity bomb", server.Url("/bomb.xml"), SourceKind.Rss),
            new Source("Gone", server.Url("/gone.xml"), SourceKind.Rss));

        var outcomes = (await host.IngestAllAsync()).ToDictionary(o => o.SourceName);

        Assert.Equal(IngestStatus.Stored, outcomes["Good"].Status);
        Assert.Equal(1, outcomes["Good"].NewItems);
        Assert.All(outcomes.Values.Where(o => o.SourceName != "Good"), o =>
        {
            Assert.Equal(IngestStatus.Failed, o.Status);
            Assert.False(string.IsNullOrWhiteSpace(o.Error));
            Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddMinutes(15), o.RetryAfter);
        });
        Assert.Contains("HTML", outcomes["Html page"].Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("unexpected shape", outcomes["Changed JSON"].Error, StringComparison.Ordinal);
        Assert.Contains("404", outcomes["Gone"].Error, StringComparison.Ordinal);
        Assert.Equal(1, await host.WithDbAsync(db => db.SourceItems.CountAsync()));
        var stored = await host.WithDbAsync(db => db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Name));
        Assert.Equal(SourceState.Healthy, stored["Good"].Health(host.Clock.GetUtcNow().UtcDateTime).State);
        Assert.Equal(outcomes["Gone"].Error, stored["Gone"].LastError);
        Assert.Equal(SourceState.BackingOff, stored["Gone"].Health(host.Clock.GetUtcNow().UtcDateTime).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failing_source_waits_longer_after_each_failure_and_a_server_s_retry_after_is_kept(DatabaseProvider provider)
    {
        await using var server = await LocalHttpServer.StartAsync();
        server.Serve("/gone.xml", LocalResponse.Code(HttpStatusCode.NotFound));
        server.Serve("/throttled.json", LocalResponse.Code(HttpStatusCode.TooManyRequests, ("Retry-After", "7200")));
        await using var host = await IngestHost.StartAsync(provider);
        await host.AddAsync(new Source("Gone", server.Url("/gone.xml"), SourceKind.Rss), new Source("Throttled", server.Url("/throttled.json"), SourceKind.Reddit));
        var start = host.Clock.GetUtcNow().UtcDateTime;

        var first = (await host.IngestAllAsync()).ToDictionary(o => o.SourceName);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var waiting = (await host.IngestAllAsync()).ToDictionary(o => o.SourceName);
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        var second = (await host.IngestAllAsync()).ToDictionary(o => o.SourceName);

        Assert.Equal(start.AddMinutes(15), first["Gone"].RetryAfter);
        Assert.Equal(start.AddHours(2), first["Throttled"].RetryAfter);
        Assert.Equal(IngestStatus.BackingOff, waiting["Gone"].Status);
        Assert.Contains("backing off until", waiting["Gone"].Describe(), StringComparison.Ordinal);
        Assert.Equal(IngestStatus.Failed, second["Gone"].Status);
        Assert.Equal(start.AddMinutes(16).AddMinutes(30), second["Gone"].RetryAfter);
        Assert.Equal(IngestStatus.BackingOff, second["Throttled"].Status);
        Assert.Equal(2, server.RequestsTo("/gone.xml").Count);
        Assert.Single(server.RequestsTo("/throttled.json"));
        var throttled = await host.WithDbAsync(db => db.Sources.AsNoTracking().SingleAsync(s => s.Name == "Throttled"));
        Assert.Equal("backing off until 2026-11-26 07:00 UTC after 1 failure", throttled.Health(host.Clock.GetUtcNow().UtcDateTime).Describe());
    }

    [Fact]
    public async Task Generation_uses_what_the_hourly_ingest_fetched_minutes_ago_instead_of_fetching_again()
    {
        await using var server = await LocalHttpServer.StartAsync();
        server.Serve("/hn.json", Listings.HackerNews(("1", "A story", "https://example.org/1", 10, 2)));
        await using var host = await IngestHost.StartAsync(DatabaseProvider.Sqlite);
        await host.AddAsync(new Source("Hacker News", server.Url("/hn.json"), SourceKind.HackerNews));

        await host.IngestAllAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var reused = await host.WithIngesterAsync(i => i.IngestAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var fetched = await host.WithIngesterAsync(i => i.IngestAsync(CancellationToken.None));

        Assert.True(Assert.Single(reused).Succeeded);
        Assert.Equal(0, reused[0].ItemsRead);
        Assert.Equal(1, Assert.Single(fetched).ItemsRead);
        Assert.Equal(2, server.RequestsTo("/hn.json").Count);
    }
}

/// <summary>The generator shares its DbContext with the ingest: its run must still be saved after the ingest.</summary>
public sealed class IngestLeavesTheGenerationRunTracked
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_started_before_the_ingest_is_finished_and_saved_after_it(DatabaseProvider provider)
    {
        await using var server = await LocalHttpServer.StartAsync();
        server.Serve("/hn.json", Listings.HackerNews(("1", "A story", "https://example.org/1", 10, 2)));
        await using var host = await IngestHost.StartAsync(provider);
        await host.AddAsync(new Source("Hacker News", server.Url("/hn.json"), SourceKind.HackerNews));
        var now = host.Clock.GetUtcNow().UtcDateTime;

        var runId = await host.WithIngesterAsync(async (ingester, db) =>
        {
            var run = Domain.Generation.GenerationRun.Start(DateOnly.FromDateTime(now), "test", "offline", now);
            db.GenerationRuns.Add(run);
            await db.SaveChangesAsync();
            run.RecordSources(await ingester.IngestAsync(CancellationToken.None));
            run.Fail("nothing to write about", now);
            await db.SaveChangesAsync();
            return run.Id;
        });

        var saved = await host.WithDbAsync(db => db.GenerationRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        Assert.Equal(Domain.Generation.RunStatus.Failed, saved.Status);
        Assert.Equal("Hacker News", Assert.Single(saved.SourceOutcomes).SourceName);
    }
}
