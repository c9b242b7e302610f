using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Digest.Infrastructure.Sources;

/// <summary>Limits for reading sources, from <c>Digest:Sources</c>.</summary>
public sealed record SourceFetchingOptions
{
    public const string SectionName = "Digest:Sources";
    public const string DefaultUserAgent = "Digest/1.0 (daily AI/ML digest; feed reader; polite: conditional GET, hourly at most)";

    public bool AllowPrivateNetworks { get; init; }

    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    public int MaxRedirects { get; init; } = 5;

    public int MaxConcurrentRequestsPerHost { get; init; } = 2;

    /// <summary>A wait asked for by Retry-After up to this long is waited out within the fetch; a longer one fails the
    /// fetch and is reported in <see cref="FetchResult.RetryAfter"/> so the source backs off instead.</summary>
    public TimeSpan MaxInlineRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reddit asks for a descriptive User-Agent; anonymous default agents get throttled.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    public static SourceFetchingOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var defaults = new SourceFetchingOptions();
        return new SourceFetchingOptions
        {
            AllowPrivateNetworks = bool.TryParse(section["AllowPrivateNetworks"], out var allow) && allow,
            MaxBodyBytes = long.TryParse(section["MaxBodyBytes"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : defaults.MaxBodyBytes,
            Timeout = ParseDuration(section["Timeout"]) ?? defaults.Timeout,
            MaxRedirects = int.TryParse(section["MaxRedirects"], CultureInfo.InvariantCulture, out var redirects) && redirects >= 0 ? redirects : defaults.MaxRedirects,
            MaxConcurrentRequestsPerHost = int.TryParse(section["MaxConcurrentRequestsPerHost"], CultureInfo.InvariantCulture, out var perHost) && perHost > 0 ? perHost : defaults.MaxConcurrentRequestsPerHost,
            MaxInlineRetryAfter = ParseDuration(section["MaxInlineRetryAfter"]) ?? defaults.MaxInlineRetryAfter,
            UserAgent = section["UserAgent"] is { Length: > 0 } agent ? agent : defaults.UserAgent,
        };
    }

    // "20" means 20 seconds here; TimeSpan.Parse would read it as 20 days.
    private static TimeSpan? ParseDuration(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
