using Digest.Web.Telemetry;

namespace Digest.Web.Edge;

/// <summary>Everything between the internet (or the proxy) and the app: forwarded headers, HTTPS, security headers, rate limits.</summary>
public static class EdgeExtensions
{
    public static IServiceCollection AddDigestEdge(this IServiceCollection services, IConfiguration configuration)
    {
        var edge = EdgeOptions.From(configuration);
        services.AddSingleton(edge);
        services.AddDigestForwardedHeaders(edge);
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(edge.HstsMaxAgeDays);
            // Other sites under the same domain are not ours to pin to HTTPS.
            hsts.IncludeSubDomains = false;
        });
        services.AddDigestSecurityHeaders();
        // The framework leaves the antiforgery cookie without Secure even over HTTPS; sign-in cookies already follow the request.
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        services.AddDigestRateLimits(configuration);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    /// <summary>First in the pipeline: the real client and scheme, one log line per request, errors, HTTPS, headers.</summary>
    public static WebApplication UseDigestEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestLoggingMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            // Only on HTTPS requests (as the proxy forwarded them), never for localhost.
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        if (RedirectsToHttps(app.Configuration))
        {
            // Probes and scrapes come over plain HTTP from inside the network.
            app.UseWhen(http => !TelemetryExtensions.IsOperational(http.Request.Path), branch => branch.UseHttpsRedirection());
        }

        return app;
    }

    /// <summary>Plain-HTTP requests are redirected when there is an HTTPS port to send them to (HTTPS_PORT, or an https:// URL).</summary>
    private static bool RedirectsToHttps(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["HTTPS_PORT"])
        || (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase);
}
