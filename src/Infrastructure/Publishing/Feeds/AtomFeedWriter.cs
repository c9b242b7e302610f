using System.ServiceModel.Syndication;
using System.Xml;

namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>Atom 1.0 with the same ids, dates and content as the RSS feed; SyndicationFeed writes RFC 3339 dates.</summary>
public sealed class AtomFeedWriter(FeedContent content) : IFeedWriter
{
    public string ContentType => "application/atom+xml; charset=utf-8";

    public FeedDocument Write(FeedChannel channel, IReadOnlyList<FeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = FeedValues.Ordered(entries);
        var lastChange = FeedValues.LastChange(channel, ordered);

        var feed = new SyndicationFeed(FeedValues.XmlSafe(channel.Title), FeedValues.XmlSafe(channel.Description), channel.HomeUrl)
        {
            // The feed's own address is its stable identity; Atom requires one.
            Id = channel.FeedUrl.AbsoluteUri,
            Language = channel.Language,
            Generator = "Digest",
            // An empty feed still needs <updated>; the epoch says "nothing yet" without inventing a time.
            LastUpdatedTime = new DateTimeOffset(lastChange ?? DateTime.UnixEpoch),
            Items = [.. ordered.Select(e => Item(channel, e))],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(channel.FeedUrl, "application/atom+xml"));

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = FeedValues.Utf8, Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }

        return new FeedDocument(buffer.ToArray(), ContentType, lastChange);
    }

    private SyndicationItem Item(FeedChannel channel, FeedEntry entry)
    {
        var url = new Uri(channel.HomeUrl, entry.Url);
        var item = new SyndicationItem
        {
            Id = FeedValues.XmlSafe(entry.FeedId),
            Title = new TextSyndicationContent(FeedValues.XmlSafe(entry.Title)),
            PublishDate = new DateTimeOffset(FeedValues.Utc(entry.PublishedAt)),
            LastUpdatedTime = new DateTimeOffset(FeedValues.Updated(entry)),
            Content = new TextSyndicationContent(FeedValues.XmlSafe(content.Html(entry, url)), TextSyndicationContentKind.Html),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(url, "text/html"));
        if (!string.IsNullOrWhiteSpace(entry.Summary))
        {
            item.Summary = new TextSyndicationContent(FeedValues.XmlSafe(entry.Summary));
        }

        if (!string.IsNullOrWhiteSpace(entry.Author))
        {
            item.Authors.Add(new SyndicationPerson(null, FeedValues.XmlSafe(entry.Author), null));
        }

        foreach (var tag in entry.Tags)
        {
            item.Categories.Add(new SyndicationCategory(FeedValues.XmlSafe(tag)));
        }

        return item;
    }
}
