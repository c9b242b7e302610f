using System.Globalization;
using System.Text;
using System.Text.Json;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Sources;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Infrastructure.Tests.Ingestion;

/// <summary>
/// A migrated database of either provider with the app's fetching and ingestion services, sources allowed on
/// 127.0.0.1. The ingester's clock is fake (to step through back-off); HTTP runs on real time, since resilience
/// delays on a frozen clock would never end.
/// </summary>
internal sealed class IngestHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private IngestHost(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        _services = services;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));

    public static async Task<IngestHost> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Sources:AllowPrivateNetworks"] = "true",
            ["Digest:Sources:Timeout"] = "10",
        }).Build();
        var services = database.BuildServices(s => s.AddSourceFetching(configuration).AddIngestion(configuration));
        var host = new IngestHost(database, services);
        await host.WithDbAsync(async db =>
        {
            // The seeded defaults point at the real internet.
            await db.Sources.ExecuteDeleteAsync();
            return 0;
        });
        return host;
    }

    public async Task<T> WithDbAsync<T>(Func<DigestDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DigestDbContext>());
    }

    public Task AddAsync(params Source[] sources) => WithDbAsync(async db =>
    {
        db.Sources.AddRange(sources);
        return await db.SaveChangesAsync();
    });

    public Task<IReadOnlyList<IngestOutcome>> IngestAllAsync() => WithIngesterAsync(i => i.IngestAllAsync(CancellationToken.None));

    public Task<T> WithIngesterAsync<T>(Func<SourceIngester, Task<T>> work) => WithIngesterAsync((ingester, _) => work(ingester));

    /// <summary>The ingester and the DbContext it shares, as the draft generator uses them.</summary>
    public async Task<T> WithIngesterAsync<T>(Func<SourceIngester, DigestDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var ingester = new SourceIngester(
            db,
            scope.ServiceProvider.GetRequiredService<ISourceFetcher>(),
            scope.ServiceProvider.GetRequiredService<IngestOptions>(),
            Clock,
            NullLogger<SourceIngester>.Instance);
        return await work(ingester, db);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Documents in the shapes the dedicated readers read.</summary>
internal static class Listings
{
    public static LocalResponse Reddit(params (string Id, string Title, string Url, int Score, int Comments, string? Flair)[] posts) => Json(new
    {
        kind = "Listing",
        data = new
        {
            children = posts.Select(p => new
            {
                kind = "t3",
                data = new
                {
                    name = "t3_" + p.Id,
                    title = p.Title,
                    permalink = $"/r/MachineLearning/comments/{p.Id}/x/",
                    url = p.Url,
                    is_self = false,
                    score = p.Score,
                    num_comments = p.Comments,
                    created_utc = 1795659600,
                    link_flair_text = p.Flair,
                },
            }),
        },
    });

    public static LocalResponse HackerNews(params (string Id, string Title, string Url, int Points, int Comments)[] hits) => Json(new
    {
        hits = hits.Select(h => new { objectID = h.Id, title = h.Title, url = h.Url, author = "someone", points = h.Points, num_comments = h.Comments, created_at_i = 1795659600, created_at = "2026-11-26T02:20:00Z" }),
        nbHits = hits.Length,
    });

    private static LocalResponse Json(object value) => LocalResponse.Text(JsonSerializer.Serialize(value), "application/json");

    public static LocalResponse Arxiv(params (string Id, string Title, string Abstract)[] papers)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><title>arXiv query</title><id>http://arxiv.org/api/x</id><updated>2026-11-26T00:00:00Z</updated>""");
        foreach (var (id, title, summary) in papers)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<entry><id>http://arxiv.org/abs/{id}v1</id><title>{title}</title><summary>{summary}</summary><published>2026-11-25T18:00:00Z</published><updated>2026-11-25T18:00:00Z</updated><author><name>A. Author</name></author><link href="http://arxiv.org/abs/{id}v1" rel="alternate" type="text/html"/></entry>""");
        }

        return LocalResponse.Text(xml.Append("</feed>").ToString(), "application/atom+xml");
    }
}
