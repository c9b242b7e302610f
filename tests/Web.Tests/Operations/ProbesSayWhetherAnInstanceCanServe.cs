using System.Net;
using System.Text.Json;
using Digest.Infrastructure.Data;
using Digest.TestSupport;

namespace Digest.Web.Tests.Operations;

/// <summary>What a load balancer and an orchestrator ask: is the process alive, and can it serve right now?</summary>
public sealed class ProbesSayWhetherAnInstanceCanServe
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Live_answers_and_ready_names_the_database_and_the_job_storage(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);
        var client = app.CreateClient();

        var live = await client.GetAsync("/healthz/live");
        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ReportAsync(ready);
        Assert.Equal("Healthy", report.Status);
        Assert.Equal(["database", "jobs"], report.Checks.Keys.Order());
        Assert.All(report.Checks.Values, status => Assert.Equal("Healthy", status));
        Assert.Contains("no-store", ready.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_fails_when_the_database_is_gone_while_live_still_answers()
    {
        await using var app = await DigestAppFactory.CreateAsync(DatabaseProvider.Postgres);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        await TestPostgres.DropDatabaseAsync(app.Database.Options.ConnectionString);

        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await ReportAsync(ready);
        Assert.Equal("Unhealthy", report.Checks["database"]);
        Assert.DoesNotContain("Npgsql", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }

    [RedisFact]
    public async Task With_Redis_configured_ready_checks_it_too()
    {
        await using var app = await DigestAppFactory.CreateAsync(settings: Redis(TestRedis.Address!));

        var report = await ReportAsync(await app.CreateClient().GetAsync("/healthz/ready"));

        Assert.Equal("Healthy", report.Status);
        Assert.Equal("Healthy", report.Checks["redis"]);
    }

    [Fact]
    public async Task Without_Redis_an_instance_is_degraded_but_still_serves_pages()
    {
        // A port nothing listens on: Redis configured but down. Its commands would wait a minute for a connection
        // (the client's own timeout is five seconds); the site must not wait for them at all.
        await using var app = await DigestAppFactory.CreateAsync(settings: Redis("127.0.0.1:1,connectTimeout=200,asyncTimeout=60000,syncTimeout=60000"));
        var client = app.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        var ready = await client.GetAsync("/healthz/ready");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/index.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ReportAsync(ready);
        Assert.Equal("Degraded", report.Status);
        Assert.Equal("Degraded", report.Checks["redis"]);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<html", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static Dictionary<string, string?> Redis(string address) => new()
    {
        ["ConnectionStrings:Redis"] = address,
        ["Digest:Redis:InstanceName"] = TestRedis.NewInstanceName(),
    };

    private static async Task<(string Status, Dictionary<string, string> Checks)> ReportAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return (json.RootElement.GetProperty("status").GetString()!, checks);
    }
}
