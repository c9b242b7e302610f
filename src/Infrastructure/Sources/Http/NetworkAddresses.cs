using System.Net;
using System.Net.Sockets;

namespace Digest.Infrastructure.Sources.Http;

/// <summary>
/// Which addresses a source may not point at unless private networks are allowed: anything that is not the public
/// internet. IPv4 is checked against the special-purpose ranges (RFC 6890 and its successors); IPv6 is allowed only
/// inside global unicast (2000::/3), and every form that carries an IPv4 address inside it — mapped
/// (<c>::ffff:127.0.0.1</c>), compatible (<c>::127.0.0.1</c>), translated, NAT64, 6to4, Teredo — is judged by the
/// IPv4 address it carries, so no spelling of a private address gets through.
/// </summary>
public static class NetworkAddresses
{
    /// <summary>Why the address is not public ("loopback", "private", …), or null for a public address.</summary>
    public static string? NonPublicReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4Reason(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IPv6Reason(address),
            _ => "non-IP",
        };
    }

    private static string? IPv4Reason(byte[] b) => b switch
    {
        [0, ..] => "unspecified",
        [127, ..] => "loopback",
        [10, ..] => "private",
        [100, >= 64 and <= 127, ..] => "carrier-grade NAT",
        [169, 254, ..] => "link-local",
        [172, >= 16 and <= 31, ..] => "private",
        [192, 0, 0, _] => "reserved",
        [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => "documentation",
        [192, 88, 99, _] => "6to4 relay",
        [192, 168, ..] => "private",
        [198, 18 or 19, ..] => "benchmarking",
        [>= 224 and <= 239, ..] => "multicast",
        [>= 240, ..] => "reserved",
        _ => null,
    };

    private static string? IPv6Reason(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (b.All(x => x == 0))
        {
            return "unspecified";
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated but still routed by some stacks) and
        // ::ffff:0:a.b.c.d (translated): the first 64 bits are zero and the next 32 say which form.
        if (b.Take(8).All(x => x == 0))
        {
            var (high, low) = ((b[8] << 8) | b[9], (b[10] << 8) | b[11]);
            if ((high, low) is (0, 0xFFFF) or (0, 0) or (0xFFFF, 0))
            {
                return Embedded(b[12..16]);
            }
        }

        if (b[0] == 0xFF)
        {
            return "multicast";
        }

        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)
        {
            return "link-local";
        }

        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)
        {
            return "private";
        }

        if ((b[0] & 0xFE) == 0xFC)
        {
            return "private";
        }

        // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) reaches the IPv4 address in its last 32 bits.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
        {
            return b[4] == 0 && b[5] == 1 ? "private" : Embedded(b[12..16]);
        }

        if ((b[0] & 0xE0) != 0x20)
        {
            // Outside 2000::/3 nothing is assigned for the public internet (100::/64 discard, ::/8 reserved, …).
            return "reserved";
        }

        // 6to4: 2002:AABB:CCDD::/48 carries the IPv4 address AA.BB.CC.DD.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return Embedded(b[2..6]);
        }

        if (b[0] == 0x20 && b[1] == 0x01)
        {
            // Teredo (2001:0::/32): the client's IPv4 address is the last 32 bits, inverted.
            if (b[2] == 0 && b[3] == 0)
            {
                return Embedded([(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]]) ?? "Teredo";
            }

            // Documentation (2001:db8::/32) and the rest of the IETF special-purpose block (2001::/23).
            if (b[2] == 0x0D && b[3] == 0xB8)
            {
                return "documentation";
            }

            if (b[2] < 0x02)
            {
                return "reserved";
            }
        }

        return null;
    }

    /// <summary>The reason for the IPv4 address an IPv6 form carries ("loopback" for ::ffff:127.0.0.1), or null when it is public.</summary>
    private static string? Embedded(byte[] ipv4) => IPv4Reason(ipv4);
}
