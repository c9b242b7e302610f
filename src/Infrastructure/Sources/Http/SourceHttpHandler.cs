using System.Net;
using System.Net.Sockets;

namespace Digest.Infrastructure.Sources.Http;

/// <summary>The socket handler under the sources' HttpClient.</summary>
internal static class SourceHttpHandler
{
    public static SocketsHttpHandler Create(SourceFetchingOptions options) => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        // Redirects are followed by SourceDownloader, one checked hop at a time: the handler's own following would
        // send an http request to whatever host and port a Location names, whatever its scheme.
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = options.MaxConcurrentRequestsPerHost,
        ConnectTimeout = options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        // A proxy would make the connect step see the proxy's address, not the source's, and defeat the check below.
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context, options.AllowPrivateNetworks, cancellationToken),
    };

    /// <summary>Resolves the host once, refuses it if any of its addresses is not public (a name that resolves to both
    /// a public and a private address must not be a way in), and connects to exactly the addresses that were checked,
    /// so a second lookup cannot swap in another one. Redirects connect through here too.</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!allowPrivateNetworks)
        {
            foreach (var address in addresses)
            {
                if (NetworkAddresses.NonPublicReason(address) is { } reason)
                {
                    throw new PrivateAddressRefusedException(host, address, reason);
                }
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
