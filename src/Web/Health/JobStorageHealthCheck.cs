using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digest.Web.Health;

/// <summary>Healthy when Hangfire's storage answers (PostgreSQL schema or the in-memory store).</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stats = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy($"{stats.Servers} job server(s), {stats.Enqueued} enqueued, {stats.Failed} failed"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage does not answer.", ex));
        }
    }
}
