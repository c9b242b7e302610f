using System.Text.Json;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Feeds;
using Digest.Infrastructure.Sources.HackerNews;
using Digest.Infrastructure.Sources.Reading;
using Digest.Infrastructure.Sources.Reddit;

namespace Digest.Infrastructure.Sources;

/// <summary>Guesses how to read a source when the operator did not say: first from the address, then from a fetched body.</summary>
public static class SourceKindDetector
{
    /// <summary>The kind an address alone reveals, or null when only the content can tell (use <see cref="SourceKind.Feed"/> then).</summary>
    public static SourceKind? FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Host.ToLowerInvariant();
        var path = url.AbsolutePath;
        if (RedditListingReader.IsRedditHost(host))
        {
            // Reddit's .rss is an Atom feed, read by the feed reader; everything else under /r/ is a listing.
            return path.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) ? SourceKind.Feed
                : path.StartsWith("/r/", StringComparison.OrdinalIgnoreCase) ? SourceKind.Reddit
                : null;
        }

        if (HackerNewsReader.IsHackerNewsHost(host))
        {
            return path.StartsWith("/rss", StringComparison.OrdinalIgnoreCase) ? SourceKind.Feed : SourceKind.HackerNews;
        }

        if (ArxivId.IsArxivHost(host))
        {
            return path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/list/", StringComparison.OrdinalIgnoreCase)
                || path.StartsWith("/rss/", StringComparison.OrdinalIgnoreCase) || host == "rss.arxiv.org"
                ? SourceKind.Arxiv
                : null;
        }

        if (path.EndsWith("feed.json", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/feed/json", StringComparison.OrdinalIgnoreCase))
        {
            return SourceKind.JsonFeed;
        }

        return null;
    }

    public static SourceKind Detect(Uri url) => FromUrl(url) ?? SourceKind.Feed;

    /// <summary>The kind a fetched body is, or null when it is no source document we can read (HTML, plain text, …).</summary>
    public static SourceKind? FromContent(byte[] body, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var document = new FetchedDocument(new Uri("http://localhost/"), body, mediaType);
        try
        {
            switch (DocumentSniffer.Sniff(body, mediaType))
            {
                case DocumentShape.Json:
                    using (var json = Json.Parse(document, "source"))
                    {
                        var root = json.RootElement;
                        return JsonFeedParser.IsJsonFeed(root) ? SourceKind.JsonFeed
                            : Json.Text(root, "kind") == "Listing" ? SourceKind.Reddit
                            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("hits", out _) ? SourceKind.HackerNews
                            : null;
                    }

                case DocumentShape.Xml:
                    var xml = SafeXml.Load(document);
                    var element = xml.Root;
                    return element?.Name.LocalName switch
                    {
                        "rss" or "RDF" => SourceKind.Rss,
                        "feed" when element.Attributes().Any(a => a.IsNamespaceDeclaration && a.Value == "http://arxiv.org/schemas/atom") => SourceKind.Arxiv,
                        "feed" => SourceKind.Atom,
                        _ => null,
                    };
                default:
                    return null;
            }
        }
        catch (SourceFormatException)
        {
            return null;
        }
    }
}
