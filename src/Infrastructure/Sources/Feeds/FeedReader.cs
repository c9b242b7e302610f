using System.Xml.Linq;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Feeds;

/// <summary>Any feed URL: RSS 0.9x/1.0/2.0, Atom or JSON Feed, told apart by the content itself.</summary>
public sealed class FeedReader : ISourceReader
{
    public string Accept => "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    public Uri RequestUrl(Uri sourceUrl) => sourceUrl;

    public IReadOnlyList<FetchedItem> Read(FetchedDocument document) => Read(document, out _);

    public static IReadOnlyList<FetchedItem> Read(FetchedDocument document, out SourceKind format)
    {
        ArgumentNullException.ThrowIfNull(document);
        switch (DocumentSniffer.Sniff(document.Body, document.MediaType))
        {
            case DocumentShape.Json:
                using (var json = Json.Parse(document, "feed"))
                {
                    format = SourceKind.JsonFeed;
                    return JsonFeedParser.Parse(json.RootElement, document.Url);
                }

            case DocumentShape.Html:
                throw NotAFeed.Html(document);
            case DocumentShape.Unknown:
                throw document.Body.Length == 0
                    ? new SourceFormatException("empty response instead of a feed")
                    : new SourceFormatException($"not a feed: neither XML nor JSON ({document.DescribeMediaType()})");
        }

        return ReadXml(SafeXml.Load(document), document, out format);
    }

    internal static IReadOnlyList<FetchedItem> ReadXml(XDocument xml, FetchedDocument document, out SourceKind format)
    {
        var root = xml.Root ?? throw new SourceFormatException("malformed XML: no root element");
        switch (root.Name.LocalName)
        {
            case "rss":
            case "RDF":
                format = SourceKind.Rss;
                return RssParser.Parse(root, document.Url);
            case "feed" when root.Name.Namespace == FeedNamespaces.Atom || root.Name.Namespace == FeedNamespaces.Atom03:
                format = SourceKind.Atom;
                return AtomParser.Parse(root, document.Url);
            case "html" or "HTML" or "head" or "body":
                throw NotAFeed.Html(document);
            default:
                throw new SourceFormatException($"XML is not a feed: root element <{root.Name.LocalName}> is not rss, RDF or an Atom feed");
        }
    }
}
