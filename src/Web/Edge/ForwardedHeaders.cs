using Microsoft.AspNetCore.HttpOverrides;

namespace Digest.Web.Edge;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto from the proxies in <see cref="EdgeOptions.KnownProxies"/> (and loopback):
/// the client's address for rate limits and logs, and the scheme for Secure cookies, HSTS and absolute links.
/// The Host header is taken as the proxy sends it (nginx passes the original), never from X-Forwarded-Host.
/// </summary>
internal static class ForwardedHeaders
{
    public static IServiceCollection AddDigestForwardedHeaders(this IServiceCollection services, EdgeOptions edge)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = edge.ForwardLimit;
            var proxies = edge.ProxyNetworks();
            if (proxies.Count == 0)
            {
                return;
            }

            // The configured list is the whole list: a proxy on another host does not make loopback trusted too.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in proxies)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }
}
