using System.Net;

namespace Digest.Web.Edge;

/// <summary>
/// <c>Digest:Edge</c>: what sits in front of the app. Behind a reverse proxy or load balancer, list its addresses
/// (or networks) so that the client address and scheme it forwards are believed; from anyone else they are ignored.
/// </summary>
public sealed class EdgeOptions
{
    public const string SectionName = "Digest:Edge";

    /// <summary>
    /// Proxy addresses or networks in CIDR notation, e.g. <c>10.0.0.5</c> or <c>172.28.0.0/16</c>. Empty: loopback only
    /// (a proxy on the same host). When set, it is the whole list; add <c>127.0.0.1</c> to keep a local proxy trusted.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>How many proxies in a row may append to X-Forwarded-For (a CDN in front of nginx is two).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>How long browsers must use HTTPS only once they saw the site over HTTPS (Strict-Transport-Security).</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>
    /// How long a shared cache (CDN) may serve a public page or feed before revalidating it with its ETag; browsers
    /// always revalidate. 0 keeps shared caches revalidating every time.
    /// </summary>
    public int PublicCacheSeconds { get; set; } = 60;

    public static EdgeOptions From(IConfiguration configuration)
    {
        var options = new EdgeOptions();
        configuration.GetSection(SectionName).Bind(options);
        if (options.ForwardLimit < 1)
        {
            throw new InvalidOperationException($"{SectionName}:ForwardLimit must be at least 1.");
        }

        if (options.HstsMaxAgeDays < 0 || options.PublicCacheSeconds < 0)
        {
            throw new InvalidOperationException($"{SectionName}:HstsMaxAgeDays and PublicCacheSeconds must be 0 or more.");
        }

        _ = options.ProxyNetworks();
        return options;
    }

    /// <summary>The configured proxies as networks (a single address is a /32 or /128); throws naming the bad entry.</summary>
    public IReadOnlyList<IPNetwork> ProxyNetworks() =>
        [.. KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Select(p =>
            IPNetwork.TryParse(p, out var network) ? network
            : IPAddress.TryParse(p, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
            : throw new InvalidOperationException($"{SectionName}:KnownProxies has \"{p}\", which is neither an IP address nor a CIDR network such as 172.28.0.0/16."))];

    /// <summary>Cache-Control for public pages and feeds.</summary>
    public string PublicCacheControl => PublicCacheSeconds > 0
        ? $"public, max-age=0, s-maxage={PublicCacheSeconds}, must-revalidate"
        : "public, no-cache";
}
