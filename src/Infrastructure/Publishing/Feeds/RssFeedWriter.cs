using System.Globalization;
using System.Net;
using System.Xml;

namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>
/// RSS 2.0 with the full post in content:encoded. Written with XmlWriter rather than SyndicationFeed's
/// formatter, which writes dates with a "Z" zone instead of RFC 1123's "GMT" and drops an author without
/// an e-mail address; dc:creator carries the author's name.
/// <para>
/// RSS never said which elements are HTML, and readers differ: every reader renders <c>description</c> as HTML, many
/// render titles and categories as HTML too. So <c>description</c> carries the summary as HTML that shows exactly its
/// text (encoded), <c>content:encoded</c> carries sanitised HTML, and the plain-text elements never decode to a '&lt;'
/// (<see cref="InertText"/>): whichever way a reader takes them, no text from a source or an import becomes markup.
/// </para>
/// </summary>
public sealed class RssFeedWriter(FeedContent content) : IFeedWriter
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public string ContentType => "application/rss+xml; charset=utf-8";

    public FeedDocument Write(FeedChannel channel, IReadOnlyList<FeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = FeedValues.Ordered(entries);
        var lastChange = FeedValues.LastChange(channel, ordered);

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = FeedValues.Utf8, Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "content", null, ContentNs);
            xml.WriteAttributeString("xmlns", "dc", null, DcNs);
            xml.WriteAttributeString("xmlns", "atom", null, AtomNs);
            xml.WriteStartElement("channel");
            Text(xml, "title", InertText(channel.Title));
            Text(xml, "link", channel.HomeUrl.AbsoluteUri);
            Text(xml, "description", InertText(channel.Description));
            Text(xml, "language", channel.Language);
            Text(xml, "generator", "Digest");
            if (lastChange is { } built)
            {
                Text(xml, "lastBuildDate", Rfc1123(built));
            }

            xml.WriteStartElement("atom", "link", AtomNs);
            xml.WriteAttributeString("href", channel.FeedUrl.AbsoluteUri);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();

            foreach (var entry in ordered)
            {
                WriteItem(xml, channel, entry);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return new FeedDocument(buffer.ToArray(), ContentType, lastChange);
    }

    private void WriteItem(XmlWriter xml, FeedChannel channel, FeedEntry entry)
    {
        var url = new Uri(channel.HomeUrl, entry.Url);
        xml.WriteStartElement("item");
        Text(xml, "title", InertText(entry.Title));
        Text(xml, "link", url.AbsoluteUri);
        xml.WriteStartElement("guid");
        // An http guid is the old blog's permalink and says so; a urn is only an identifier.
        xml.WriteAttributeString("isPermaLink", IsPermalink(entry.FeedId) ? "true" : "false");
        xml.WriteString(FeedValues.XmlSafe(entry.FeedId));
        xml.WriteEndElement();
        Text(xml, "pubDate", Rfc1123(FeedValues.Utc(entry.PublishedAt)));
        if (!string.IsNullOrWhiteSpace(entry.Author))
        {
            xml.WriteStartElement("dc", "creator", DcNs);
            xml.WriteString(FeedValues.XmlSafe(InertText(entry.Author)));
            xml.WriteEndElement();
        }

        foreach (var tag in entry.Tags)
        {
            Text(xml, "category", InertText(tag));
        }

        if (!string.IsNullOrWhiteSpace(entry.Summary))
        {
            // HTML whose text is the summary: a reader decoding it as HTML (they all do) shows the text, never markup.
            Text(xml, "description", WebUtility.HtmlEncode(InertHtml.Text(entry.Summary)));
        }

        xml.WriteStartElement("content", "encoded", ContentNs);
        xml.WriteString(FeedValues.XmlSafe(content.Html(entry, url)));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static bool IsPermalink(string feedId) =>
        Uri.TryCreate(feedId, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Rfc1123(DateTime utc) => FeedValues.Utc(utc).ToString("r", CultureInfo.InvariantCulture);

    private static void Text(XmlWriter xml, string name, string? value) => xml.WriteElementString(name, FeedValues.XmlSafe(value));

    /// <summary>
    /// Plain text for an element readers may show as text or render as HTML: '&lt;' and '&gt;' become character
    /// references, so as HTML it shows the same characters and can never open a tag; '&amp;' stays as it is, so
    /// "Q&amp;A" reads right both ways.
    /// </summary>
    internal static string InertText(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
