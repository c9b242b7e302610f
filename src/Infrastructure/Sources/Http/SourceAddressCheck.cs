using System.Net;
using System.Net.Sockets;

namespace Digest.Infrastructure.Sources.Http;

/// <summary>
/// The connect-time rule of <see cref="SourceHttpHandler"/> applied when a source is added or changed: an address that
/// ingest would refuse is refused at once, for the same reason, instead of being stored and failing every hour.
/// A name that does not resolve now is let through (the connect step still checks it every time).
/// </summary>
public static class SourceAddressCheck
{
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Why <paramref name="url"/> may not be a source ("refused to connect to …"), or null when it may.</summary>
    public static async Task<string?> RefusalAsync(Uri url, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (allowPrivateNetworks)
        {
            return null;
        }

        var host = url.HostNameType == UriHostNameType.IPv6 ? url.Host.Trim('[', ']') : url.IdnHost;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(LookupTimeout);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        foreach (var address in addresses)
        {
            if (NetworkAddresses.NonPublicReason(address) is { } reason)
            {
                return new PrivateAddressRefusedException(host, address, reason).Message;
            }
        }

        return null;
    }
}
