using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Infrastructure.Sources;

/// <summary>
/// One address per story, so the same item fetched twice or from two sources is recognised: tracking
/// parameters and fragments dropped, host lower-cased without "www." and default port, arXiv abs/pdf/vN
/// reduced to one abstract page, Reddit's many hosts reduced to one permalink.
/// </summary>
public static partial class UrlCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url", "referrer", "share_id", "ncid", "cmpid",
    };

    private static readonly HashSet<string> RedditHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "reddit.com", "www.reddit.com", "old.reddit.com", "new.reddit.com", "np.reddit.com", "m.reddit.com", "i.reddit.com", "amp.reddit.com",
    };

    /// <summary>The canonical form of an http(s) address; anything else is returned trimmed and otherwise untouched.</summary>
    public static string Canonicalize(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return trimmed;
        }

        if (ArxivId.TryFromUrl(uri, out var arxivId))
        {
            return $"https://arxiv.org/abs/{arxivId}";
        }

        if (RedditPermalink(uri) is { } permalink)
        {
            return permalink;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4)
        {
            host = host[4..];
        }

        var builder = new StringBuilder(trimmed.Length);
        builder.Append(uri.Scheme).Append("://").Append(host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        builder.Append(uri.AbsolutePath);
        var query = CleanQuery(uri.Query);
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }

        return builder.ToString();
    }

    private static string? RedditPermalink(Uri uri)
    {
        var host = uri.Host;
        if (host.Equals("redd.it", StringComparison.OrdinalIgnoreCase))
        {
            // A short link names the post but not its subreddit; reddit.com/comments/<id>/ redirects to the full permalink.
            var id = uri.AbsolutePath.Trim('/');
            return ShortIdPattern().IsMatch(id) ? $"https://www.reddit.com/comments/{id.ToLowerInvariant()}/" : null;
        }

        if (!RedditHosts.Contains(host))
        {
            return null;
        }

        var match = RedditPostPattern().Match(uri.AbsolutePath);
        if (!match.Success)
        {
            return null;
        }

        var postId = match.Groups["id"].Value.ToLowerInvariant();
        return match.Groups["sub"].Success
            ? $"https://www.reddit.com/r/{match.Groups["sub"].Value}/comments/{postId}/"
            : $"https://www.reddit.com/comments/{postId}/";
    }

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = new List<string>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0];
            var decoded = Uri.UnescapeDataString(name);
            if (decoded.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(decoded))
            {
                continue;
            }

            // Medium and others tag feed clicks with source=rss-…; a real "source" parameter is kept.
            if (decoded.Equals("source", StringComparison.OrdinalIgnoreCase) && pair.Length > name.Length + 1
                && pair[(name.Length + 1)..].StartsWith("rss", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            kept.Add(pair);
        }

        return string.Join('&', kept);
    }

    [GeneratedRegex(@"^(?:/r/(?<sub>[A-Za-z0-9_]+))?/comments/(?<id>[A-Za-z0-9]+)(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RedditPostPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortIdPattern();
}
