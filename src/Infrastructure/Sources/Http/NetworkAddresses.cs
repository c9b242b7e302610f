using System.Net;
using System.Net.Sockets;

namespace Digest.Infrastructure.Sources.Http;

/// <summary>Which addresses a source may not point at unless private networks are allowed: anything that is not
/// the public internet (loopback, private ranges, link-local, carrier-grade NAT, multicast, reserved).</summary>
public static class NetworkAddresses
{
    /// <summary>Why the address is not public ("loopback", "private", …), or null for a public address.</summary>
    public static string? NonPublicReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] => "unspecified",
                [10, ..] => "private",
                [100, >= 64 and <= 127, ..] => "carrier-grade NAT",
                [169, 254, ..] => "link-local",
                [172, >= 16 and <= 31, ..] => "private",
                [192, 0, 0, _] => "reserved",
                [192, 168, ..] => "private",
                [198, 18 or 19, ..] => "benchmarking",
                [>= 224 and <= 239, ..] => "multicast",
                [>= 240, ..] => "reserved",
                _ => null,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
            {
                return "unspecified";
            }

            if (address.IsIPv6LinkLocal)
            {
                return "link-local";
            }

            if (address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
            {
                return "private";
            }

            if (address.IsIPv6Multicast)
            {
                return "multicast";
            }
        }

        return null;
    }
}
