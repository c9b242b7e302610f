using System.Globalization;
using System.Xml.Linq;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Reading;
using static Digest.Infrastructure.Sources.Feeds.FeedNamespaces;

namespace Digest.Infrastructure.Sources.Feeds;

/// <summary>RSS 0.9x and 2.0 (items under channel) and RSS 1.0 / 0.90 RDF (items beside the channel).</summary>
internal static class RssParser
{
    public static IReadOnlyList<FetchedItem> Parse(XElement root, Uri feedUrl)
    {
        var items = root.Name.LocalName == "RDF"
            ? root.Elements().Where(e => e.Name.LocalName == "item")
            : (root.Child("channel") ?? root).Elements().Where(e => e.Name.LocalName == "item");

        var result = new List<FetchedItem>();
        foreach (var item in items)
        {
            if (ParseItem(item, feedUrl) is { } parsed)
            {
                result.Add(parsed);
            }
        }

        return result;
    }

    private static FetchedItem? ParseItem(XElement item, Uri feedUrl)
    {
        var guid = item.Child("guid");
        var guidIsLink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var link = ItemLinks.Resolve(item.ChildValue("link"), feedUrl)
            ?? ItemLinks.Resolve((string?)item.Element(Atom + "link")?.Attribute("href"), feedUrl)
            ?? ItemLinks.Resolve((string?)item.Attribute(Rdf + "about"), feedUrl)
            ?? (guidIsLink ? ItemLinks.ResolveAbsolute(guid!.Value) : null);
        var discussion = ItemLinks.Resolve(item.ChildValue("comments"), feedUrl);
        link ??= discussion;
        if (link is null)
        {
            return null;
        }

        var excerpt = PlainText.FromHtml(item.ChildValue("description"));
        if (excerpt.Length == 0 || excerpt == "Comments")
        {
            // Hacker News's own feed puts only a "Comments" link in the description.
            var content = PlainText.FromHtml(item.Element(Content + "encoded")?.Value);
            excerpt = content.Length > 0 ? content : "";
        }

        var title = PlainText.FromTextOrHtml(item.ChildValue("title"));
        if (title.Length == 0)
        {
            title = excerpt.Length > 0 ? PlainText.Truncate(excerpt, 120) : link;
        }

        var published = FeedDates.Parse(item.ChildValue("pubDate"))
            ?? FeedDates.Parse(item.Element(DublinCore + "date")?.Value)
            ?? FeedDates.Parse(item.Element(Atom + "published")?.Value)
            ?? FeedDates.Parse(item.Element(Atom + "updated")?.Value);

        var comments = int.TryParse(item.Element(Slash + "comments")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0
            ? count
            : (int?)null;

        return new FetchedItem(
            Title: PlainText.Title(title),
            Url: link,
            Excerpt: PlainText.Excerpt(excerpt),
            PublishedAt: published,
            Author: PlainText.Author(Author(item)),
            Comments: comments,
            ExternalId: guid is not null && guid.Value.Trim().Length > 0 ? PlainText.Truncate(guid.Value.Trim(), 500) : link,
            DiscussionUrl: discussion != link ? discussion : null);
    }

    // RSS 2.0 <author> is "email (Name)"; the name is what a reader wants to see.
    private static string? Author(XElement item)
    {
        var creator = item.Element(DublinCore + "creator")?.Value;
        if (!string.IsNullOrWhiteSpace(creator))
        {
            return PlainText.FromText(creator);
        }

        var author = PlainText.FromText(item.ChildValue("author"));
        var open = author.IndexOf('(', StringComparison.Ordinal);
        var close = author.LastIndexOf(')');
        return open >= 0 && close > open + 1 ? author[(open + 1)..close].Trim() : author;
    }
}
