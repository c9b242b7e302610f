using System.Diagnostics;
using System.Net;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Operations;

/// <summary>The operator's switches: a Prometheus scrape endpoint when asked for, and instances that only serve the web.</summary>
public sealed class ScrapesAndWebOnlyInstances
{
    [Fact]
    public async Task With_Prometheus_on_the_requests_and_Digests_own_metrics_are_scraped_and_off_there_is_no_endpoint()
    {
        await using var scraped = await DigestAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Digest:Telemetry:Prometheus"] = "true" });
        var client = scraped.CreateClient();
        (await client.GetAsync("/")).EnsureSuccessStatusCode();
        (await client.GetAsync("/")).EnsureSuccessStatusCode();

        var metrics = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("digest_output_cache_lookups", text, StringComparison.Ordinal);

        await using var plain = await DigestAppFactory.CreateAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await plain.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [PostgresFact]
    public async Task An_instance_with_Jobs_Server_false_serves_and_is_ready_but_runs_no_job_server()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await using var webOnly = new DigestAppFactory(database, runJobServer: false) { OwnsDatabase = false };
        var client = webOnly.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var storage = webOnly.Services.GetRequiredService<JobStorage>();
        Assert.Empty(storage.GetMonitoringApi().Servers());

        // The same program with the switch on registers its server in the shared storage, where /admin/jobs lists it.
        await using var withServer = new DigestAppFactory(database, runJobServer: true) { OwnsDatabase = false };
        _ = withServer.CreateClient();
        var waited = Stopwatch.StartNew();
        while (storage.GetMonitoringApi().Servers().Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        // The job server, and the newsletter's one-worker server for its sending queue.
        Assert.NotEmpty(storage.GetMonitoringApi().Servers());
    }
}
