using System.Xml.Linq;

namespace Digest.Infrastructure.Sources.Feeds;

internal static class FeedNamespaces
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Slash = "http://purl.org/rss/1.0/modules/slash/";
    public static readonly XNamespace Threading = "http://purl.org/syndication/thread/1.0";

    /// <summary>The first child with this local name in the parent's own namespace or in none: RSS 1.0 and 0.90
    /// put their elements in a namespace, RSS 2.0 does not, and real feeds mix the two.</summary>
    public static XElement? Child(this XElement parent, string localName)
    {
        foreach (var element in parent.Elements())
        {
            if (element.Name.LocalName == localName && (element.Name.Namespace == parent.Name.Namespace || element.Name.Namespace == XNamespace.None))
            {
                return element;
            }
        }

        return null;
    }

    public static string? ChildValue(this XElement parent, string localName) => parent.Child(localName)?.Value;
}
