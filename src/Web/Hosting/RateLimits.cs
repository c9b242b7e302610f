using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Digest.Web.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, one named policy per endpoint that strangers can hammer. Limits are per client address
/// (behind a reverse proxy, forward the client's address, or every reader shares the proxy's). Each process counts
/// for itself: the limits are a brake on abuse, not an accounting.
/// </summary>
public static class RateLimits
{
    /// <summary><c>POST /subscribe</c>: each request can send an email to a stranger's address.</summary>
    public const string Subscribe = "subscribe";

    public static IServiceCollection AddDigestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var subscribePermits = configuration.GetValue("Digest:RateLimits:Subscribe:PermitLimit", 5);
        var subscribeWindow = configuration.GetValue("Digest:RateLimits:Subscribe:Window", TimeSpan.FromMinutes(10));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectedAsync;
            limiter.AddPolicy(Subscribe, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = subscribePermits, Window = subscribeWindow, QueueLimit = 0 }));
        });
        return services;
    }

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var message = $"Too many attempts from your address. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
        if (context.HttpContext.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Too many attempts</title>"
                + $"<link rel=\"stylesheet\" href=\"/site.css\"></head><body><main class=\"main\"><h1>Too many attempts</h1><p>{message}</p><p><a href=\"/\">Back to the newest posts</a></p></main></body></html>",
                cancellationToken);
        }
        else
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(message + "\n", cancellationToken);
        }
    }
}
