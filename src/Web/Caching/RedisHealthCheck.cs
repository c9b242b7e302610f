using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digest.Web.Caching;

/// <summary>
/// Whether Redis answers a PING. Its failure status is Degraded, not Unhealthy: without Redis every instance still
/// serves correct pages (rendered instead of cached), so taking them all out of the load balancer would turn a slower
/// site into no site. The readiness body says "Degraded" and names the check.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected; pages are rendered without the shared cache.");
        }

        try
        {
            var connection = await redis.GetAsync();
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer; pages are rendered without the shared cache.", ex);
        }
    }
}
