namespace Digest.Domain.Posts;

/// <summary>
/// The addresses a post had on the old blog (Hugo <c>aliases</c> and a custom <c>url</c>), as request paths that
/// compare equal however a link wrote them: a leading slash, no trailing slash, lower case, no query or fragment.
/// </summary>
public static class OldAddresses
{
    /// <summary>The path of an address (absolute URLs keep only their path); null when nothing is left of it.</summary>
    public static string? Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = address.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            text = absolute.AbsolutePath;
        }

        var end = text.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            text = text[..end];
        }

        text = Uri.UnescapeDataString(text).Replace('\\', '/');
        if (text.EndsWith("/index.html", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^"index.html".Length];
        }

        text = "/" + text.Trim().Trim('/');
        return text == "/" ? null : text.ToLowerInvariant();
    }
}
