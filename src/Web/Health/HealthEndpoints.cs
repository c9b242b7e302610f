using System.Text.Json;
using Digest.Infrastructure.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digest.Web.Health;

/// <summary>
/// Three probes. <c>/healthz/live</c>: the process answers (restart it when it does not). <c>/healthz/ready</c>: it can
/// serve — the database and job storage answer, and Redis when one is configured (send it traffic only then); its
/// body says which check failed. <c>/healthz</c>: every check, answered "Healthy" in plain text as before.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Checks tagged so decide readiness.</summary>
    public const string Ready = "ready";

    public static IHealthChecksBuilder AddDigestHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<DigestDbContext>("database", tags: [Ready])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: [Ready]);

    public static IEndpointRouteBuilder MapDigestHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz").DisableRateLimiting();
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteReportAsync,
        }).DisableRateLimiting();
        return endpoints;
    }

    /// <summary>Status and one line per check; exception details stay in the log, not on a public address.</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
