using Digest.Domain.Common;

namespace Digest.Infrastructure.Sources.Discovery;

/// <summary>Reads what someone pasted as a web address, the way a browser's address bar does: "example.com/blog" means https.</summary>
public static class SiteAddress
{
    /// <summary>The address, or a <see cref="DomainException"/> saying in plain words what is wrong with it.</summary>
    public static Uri Parse(string? text) => Read(text).Url;

    /// <summary>The address and whether its scheme was guessed (https, as a browser would try first).</summary>
    public static (Uri Url, bool SchemeGuessed) Read(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException("Paste the address of a site or a feed, e.g. https://example.com/blog/.");
        }

        var guessed = !trimmed.Contains("://", StringComparison.Ordinal);
        if (guessed && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            trimmed = "https://" + trimmed;
        }
        else if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            trimmed = "https:" + trimmed;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var url) || url.Host.Length == 0 || url.Host.Contains(' ', StringComparison.Ordinal))
        {
            throw new DomainException($"\"{text?.Trim()}\" is not a web address. Paste one like https://example.com/blog/.");
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new DomainException($"Only web addresses (http or https) can be read; this one starts with {url.Scheme}:.");
        }

        if (!url.Host.Contains('.', StringComparison.Ordinal) && url.Host != "localhost" && !System.Net.IPAddress.TryParse(url.Host.Trim('[', ']'), out _))
        {
            throw new DomainException($"\"{url.Host}\" is not a complete site name. Paste the whole address, e.g. https://{url.Host}.com/.");
        }

        return (url, guessed);
    }
}
