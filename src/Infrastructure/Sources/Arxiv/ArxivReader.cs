using System.Text.RegularExpressions;
using System.Xml.Linq;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Feeds;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Arxiv;

/// <summary>
/// An arXiv category listing: the API's Atom (export.arxiv.org/api/query) with abstract, authors and id, or the
/// category RSS. Every item points at its abstract page, https://arxiv.org/abs/&lt;id&gt;, whatever version it names.
/// </summary>
public sealed partial class ArxivReader : ISourceReader
{
    private const int MaxAuthorsNamed = 5;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public string Accept => "application/atom+xml, application/rss+xml;q=0.9, application/xml;q=0.8";

    public static Uri ApiUrlFor(string category) =>
        new($"https://export.arxiv.org/api/query?search_query=cat:{Uri.EscapeDataString(category)}&sortBy=submittedDate&sortOrder=descending&max_results=50");

    /// <summary>A listing page (arxiv.org/list/cs.LG/recent) becomes the API query for its category.</summary>
    public Uri RequestUrl(Uri sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        var list = ListPath().Match(sourceUrl.AbsolutePath);
        return ArxivId.IsArxivHost(sourceUrl.Host) && list.Success ? ApiUrlFor(list.Groups[1].Value) : sourceUrl;
    }

    public IReadOnlyList<FetchedItem> Read(FetchedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (DocumentSniffer.Sniff(document.Body, document.MediaType) == DocumentShape.Html)
        {
            throw NotAFeed.Html(document);
        }

        var xml = SafeXml.Load(document);
        var root = xml.Root ?? throw new SourceFormatException("malformed XML: no root element");
        return root.Name == Atom + "feed" ? ReadApi(root) : ReadRss(xml, document);
    }

    private static List<FetchedItem> ReadApi(XElement feed)
    {
        var items = new List<FetchedItem>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var idText = entry.Element(Atom + "id")?.Value ?? "";
            if (idText.Contains("/api/errors", StringComparison.Ordinal))
            {
                throw new SourceFormatException($"arXiv API error: {PlainText.FromText(entry.Element(Atom + "summary")?.Value)}");
            }

            var alternate = (string?)entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "alternate")?.Attribute("href");
            if (!ArxivId.TryParse(idText, out var id) && !ArxivId.TryParse(alternate, out id))
            {
                continue;
            }

            var authors = entry.Elements(Atom + "author").Select(a => PlainText.FromText(a.Element(Atom + "name")?.Value)).Where(n => n.Length > 0).ToList();
            items.Add(new FetchedItem(
                Title: PlainText.Title(PlainText.FromText(entry.Element(Atom + "title")?.Value)),
                Url: $"https://arxiv.org/abs/{id}",
                Excerpt: PlainText.Excerpt(PlainText.FromText(entry.Element(Atom + "summary")?.Value)),
                PublishedAt: FeedDates.Parse(entry.Element(Atom + "published")?.Value) ?? FeedDates.Parse(entry.Element(Atom + "updated")?.Value),
                Author: PlainText.Author(Authors(authors)),
                ExternalId: id));
        }

        return items;
    }

    private static List<FetchedItem> ReadRss(XDocument xml, FetchedDocument document)
    {
        var items = new List<FetchedItem>();
        foreach (var item in FeedReader.ReadXml(xml, document, out _))
        {
            if (!ArxivId.TryParse(item.Url, out var id) && !ArxivId.TryParse(item.ExternalId, out id))
            {
                items.Add(item);
                continue;
            }

            var excerpt = item.Excerpt is null ? null : AnnouncePrefix().Replace(item.Excerpt, "");
            items.Add(item with { Url = $"https://arxiv.org/abs/{id}", ExternalId = id, Excerpt = PlainText.Excerpt(excerpt) });
        }

        return items;
    }

    private static string? Authors(List<string> names) => names.Count switch
    {
        0 => null,
        <= MaxAuthorsNamed => string.Join(", ", names),
        _ => string.Join(", ", names.Take(MaxAuthorsNamed)) + " et al.",
    };

    [GeneratedRegex(@"^/list/([A-Za-z\-]+(?:\.[A-Za-z\-]+)?)(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();

    // The category RSS starts each description with "arXiv:2401.01234v1 Announce Type: new Abstract: …".
    [GeneratedRegex(@"^arXiv:\S+\s+Announce Type:\s*\S+\s+Abstract:\s*", RegexOptions.CultureInvariant)]
    private static partial Regex AnnouncePrefix();
}
