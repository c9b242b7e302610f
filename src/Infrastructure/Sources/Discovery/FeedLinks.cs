using AngleSharp.Html.Parser;

namespace Digest.Infrastructure.Sources.Discovery;

/// <summary>
/// The feeds an HTML page advertises in its head (<c>&lt;link rel="alternate" type="application/rss+xml"&gt;</c> and
/// the Atom and JSON Feed equivalents), resolved against the page's address or its <c>&lt;base href&gt;</c>.
/// </summary>
public static class FeedLinks
{
    private static readonly string[] FeedTypes =
    [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml", "application/x.atom+xml", "text/xml", "application/xml",
    ];

    /// <summary>The page's title and its feed links, main feeds before comment feeds, duplicates dropped.</summary>
    public static (string? PageTitle, IReadOnlyList<FeedLink> Links) Find(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var document = new HtmlParser().ParseDocument(html ?? "");
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } b && Uri.TryCreate(pageUrl, b, out var resolvedBase) ? resolvedBase : pageUrl;
        var links = new List<FeedLink>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!rel.Contains("alternate", StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var type = (link.GetAttribute("type") ?? "").Split(';')[0].Trim().ToLowerInvariant();
            var href = link.GetAttribute("href")!.Trim();
            var isFeed = FeedTypes.Contains(type)
                // WordPress also links its REST API as application/json alternates: only a JSON Feed by name counts.
                || (type == "application/json" && href.Contains("feed", StringComparison.OrdinalIgnoreCase));
            if (!isFeed || !Uri.TryCreate(baseUrl, href, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            var title = link.GetAttribute("title") is { Length: > 0 } t ? Squeeze(t) : null;
            if (links.All(l => l.Url != url))
            {
                links.Add(new FeedLink(url, title, type));
            }
        }

        var pageTitle = document.Title is { Length: > 0 } pt ? Squeeze(pt) : null;
        return (pageTitle, [.. links.OrderBy(l => l.IsCommentFeed)]);
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <param name="Type">The media type the page declared, e.g. application/atom+xml.</param>
public sealed record FeedLink(Uri Url, string? Title, string Type)
{
    public bool IsCommentFeed =>
        (Title?.Contains("comment", StringComparison.OrdinalIgnoreCase) ?? false) || Url.AbsolutePath.Contains("/comments/", StringComparison.OrdinalIgnoreCase);
}
