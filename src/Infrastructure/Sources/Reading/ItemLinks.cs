namespace Digest.Infrastructure.Sources.Reading;

/// <summary>Item links are only ever absolute http(s) addresses: relative ones are resolved against the feed,
/// anything else (javascript:, data:, mailto:) is not a link.</summary>
public static class ItemLinks
{
    public const int MaxLength = 2048;

    public static string? Resolve(string? href, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        if (!Uri.TryCreate(baseUrl, trimmed, out var url) || !url.IsAbsoluteUri)
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var absolute = url.AbsoluteUri;
        return absolute.Length <= MaxLength ? absolute : null;
    }

    /// <summary>Only an address that is absolute as written: identifiers such as an RSS guid "abc123" or an
    /// Atom id "t3_xyz" must not turn into links by being resolved against the feed.</summary>
    public static string? ResolveAbsolute(string? href) =>
        href is not null && Uri.TryCreate(href.Trim(), UriKind.Absolute, out var url) ? Resolve(href, url) : null;
}
