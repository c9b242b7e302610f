using System.Xml.Linq;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Feeds;

/// <summary>Atom 1.0 (and the old 0.3 namespace, which has the same shape where it matters).</summary>
internal static class AtomParser
{
    public static IReadOnlyList<FetchedItem> Parse(XElement feed, Uri feedUrl)
    {
        var ns = feed.Name.Namespace;
        var feedAuthor = feed.Element(ns + "author")?.Element(ns + "name")?.Value;
        var result = new List<FetchedItem>();
        foreach (var entry in feed.Elements(ns + "entry"))
        {
            var link = Link(entry, ns, feedUrl);
            if (link is null)
            {
                continue;
            }

            var excerpt = Text(entry.Element(ns + "summary"));
            if (excerpt.Length == 0)
            {
                excerpt = Text(entry.Element(ns + "content"));
            }

            var title = Text(entry.Element(ns + "title"));
            var author = string.Join(", ", entry.Elements(ns + "author").Select(a => a.Element(ns + "name")?.Value?.Trim()).Where(n => !string.IsNullOrEmpty(n)));
            result.Add(new FetchedItem(
                Title: PlainText.Title(title.Length > 0 ? title : excerpt.Length > 0 ? PlainText.Truncate(excerpt, 120) : link),
                Url: link,
                Excerpt: PlainText.Excerpt(excerpt),
                PublishedAt: FeedDates.Parse(entry.Element(ns + "published")?.Value) ?? FeedDates.Parse(entry.Element(ns + "updated")?.Value)
                    ?? FeedDates.Parse(entry.Element(ns + "issued")?.Value) ?? FeedDates.Parse(entry.Element(ns + "modified")?.Value),
                Author: PlainText.Author(PlainText.FromText(author.Length > 0 ? author : feedAuthor)),
                Comments: int.TryParse(entry.Element(FeedNamespaces.Threading + "total")?.Value, out var total) && total >= 0 ? total : null,
                ExternalId: entry.Element(ns + "id")?.Value.Trim() is { Length: > 0 } id ? PlainText.Truncate(id, 500) : link,
                DiscussionUrl: ItemLinks.Resolve((string?)entry.Elements(ns + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "replies")?.Attribute("href"), feedUrl)));
        }

        return result;
    }

    private static string? Link(XElement entry, XNamespace ns, Uri feedUrl)
    {
        var links = entry.Elements(ns + "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        var href = (string?)alternate?.Attribute("href");
        var baseUrl = (string?)entry.Attribute(XNamespace.Xml + "base") is { } xmlBase && Uri.TryCreate(feedUrl, xmlBase, out var b) ? b : feedUrl;
        return ItemLinks.Resolve(href, baseUrl) ?? ItemLinks.ResolveAbsolute(entry.Element(ns + "id")?.Value);
    }

    /// <summary>Atom says what its text constructs are: text, html, or an xhtml div.</summary>
    private static string Text(XElement? element)
    {
        if (element is null)
        {
            return "";
        }

        return ((string?)element.Attribute("type"))?.ToLowerInvariant() switch
        {
            "html" or "text/html" => PlainText.FromHtml(element.Value),
            "xhtml" or "application/xhtml+xml" => PlainText.FromHtml(string.Concat(element.Nodes().Select(n => n.ToString()))),
            // Text is the default, yet many feeds put escaped HTML there without saying so.
            _ => PlainText.FromTextOrHtml(element.Value),
        };
    }
}
