using System.Net;

namespace Digest.Infrastructure.Sources.Http;

/// <summary>Thrown from the connect step so that no byte is sent to a host that resolved to a non-public address.</summary>
public sealed class PrivateAddressRefusedException : Exception
{
    public PrivateAddressRefusedException() { }

    public PrivateAddressRefusedException(string message) : base(message) { }

    public PrivateAddressRefusedException(string message, Exception innerException) : base(message, innerException) { }

    public PrivateAddressRefusedException(string host, IPAddress address, string reason)
        : base(Describe(host, address, reason)) { }

    private static string Describe(string host, IPAddress address, string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        var target = host == address.ToString() ? address.ToString() : $"{host} ({address})";
        var article = "aeiou".Contains(char.ToLowerInvariant(reason[0]), StringComparison.Ordinal) ? "an" : "a";
        return $"refused to connect to {target}: {article} {reason} address (set Digest:Sources:AllowPrivateNetworks=true to allow)";
    }
}
