using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Digest.Web.Edge;

/// <summary>
/// Per-client rate limits (the client as the trusted proxy forwarded it) on what a stranger can make the site do:
/// sign in (only attempts count, not showing the form), search (a database query each) and the newsletter's subscribe
/// form (each post can send an email to a stranger's address). A refused request gets 429 with Retry-After and a short
/// page (or plain text for clients that do not want HTML). Policies are named and composable: a feature adds its own with
/// <c>services.Configure&lt;RateLimiterOptions&gt;(o =&gt; o.AddPolicy(...))</c> (e.g. <see cref="PerClient"/>) and marks
/// its endpoint with <c>[EnableRateLimiting]</c> or <c>RequireRateLimiting</c>.
/// Limits are per instance: behind the sticky proxy a client keeps reaching the same one.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Subscribe = "subscribe";
    public const string SectionName = "Digest:RateLimits";

    public static IServiceCollection AddDigestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signIn = Read(configuration, nameof(SignIn), new RateLimit(10, TimeSpan.FromMinutes(1)));
        var search = Read(configuration, nameof(Search), new RateLimit(60, TimeSpan.FromMinutes(1)));
        var subscribe = Read(configuration, nameof(Subscribe), new RateLimit(5, TimeSpan.FromMinutes(10)));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? PerClient(http, SignIn, signIn)
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(Search, http => PerClient(http, Search, search));
            options.AddPolicy(Subscribe, http => PerClient(http, Subscribe, subscribe));
        });
        return services;
    }

    /// <summary>A fixed window per client address, with no queue: past the limit, the answer is 429 at once.</summary>
    public static RateLimitPartition<string> PerClient(HttpContext http, string policy, RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(limit);
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary><c>Digest:RateLimits:&lt;name&gt;:PermitLimit</c> and <c>:Window</c>, else the default.</summary>
    public static RateLimit Read(IConfiguration configuration, string name, RateLimit fallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection($"{SectionName}:{name}");
        var limit = new RateLimit(section.GetValue("PermitLimit", fallback.PermitLimit), section.GetValue("Window", fallback.Window));
        return limit.PermitLimit >= 1 && limit.Window > TimeSpan.Zero
            ? limit
            : throw new InvalidOperationException($"{SectionName}:{name} needs a PermitLimit of at least 1 and a positive Window (e.g. 00:01:00).");
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits).FullName!)
            .LogWarning("Rate limit reached: {Method} {Path} from {Client}", context.HttpContext.Request.Method, context.HttpContext.Request.Path.Value, context.HttpContext.Connection.RemoteIpAddress);
        var message = seconds < 120
            ? $"Too many requests from your address. Try again in {seconds} seconds."
            : $"Too many requests from your address. Try again in {(seconds + 59) / 60} minutes.";
        // A body of its own, so the status-code pages do not turn this into the 404 page.
        if (context.HttpContext.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Too many requests</title>"
                + $"<link rel=\"stylesheet\" href=\"/site.css\"></head><body><main class=\"main\"><h1>Too many requests</h1><p>{message}</p><p><a href=\"/\">Back to the newest posts</a></p></main></body></html>",
                cancellationToken);
        }
        else
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(message + "\n", cancellationToken);
        }
    }
}

/// <summary>How many requests a client may make in a window.</summary>
public sealed record RateLimit(int PermitLimit, TimeSpan Window);
