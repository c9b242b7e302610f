using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the same ids, dates and content as RSS and Atom.</summary>
public sealed class JsonFeedWriter(FeedContent content) : IFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    // Letters of every script stay readable; <, >, & and quotes are still escaped.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string ContentType => "application/feed+json; charset=utf-8";

    public FeedDocument Write(FeedChannel channel, IReadOnlyList<FeedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = FeedValues.Ordered(entries);
        var lastChange = FeedValues.LastChange(channel, ordered);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", FeedValues.XmlSafe(channel.Title));
            json.WriteString("home_page_url", channel.HomeUrl.AbsoluteUri);
            json.WriteString("feed_url", channel.FeedUrl.AbsoluteUri);
            json.WriteString("description", FeedValues.XmlSafe(channel.Description));
            json.WriteString("language", channel.Language);
            json.WriteStartArray("items");
            foreach (var entry in ordered)
            {
                WriteItem(json, channel, entry);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new FeedDocument(buffer.ToArray(), ContentType, lastChange);
    }

    private void WriteItem(Utf8JsonWriter json, FeedChannel channel, FeedEntry entry)
    {
        var url = new Uri(channel.HomeUrl, entry.Url);
        json.WriteStartObject();
        json.WriteString("id", entry.FeedId);
        json.WriteString("url", url.AbsoluteUri);
        json.WriteString("title", FeedValues.XmlSafe(entry.Title));
        json.WriteString("content_html", FeedValues.XmlSafe(content.Html(entry, url)));
        if (!string.IsNullOrWhiteSpace(entry.Summary))
        {
            json.WriteString("summary", FeedValues.XmlSafe(entry.Summary));
        }

        json.WriteString("date_published", Rfc3339(entry.PublishedAt));
        json.WriteString("date_modified", Rfc3339(FeedValues.Updated(entry)));
        if (!string.IsNullOrWhiteSpace(entry.Author))
        {
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", FeedValues.XmlSafe(entry.Author));
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (entry.Tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in entry.Tags)
            {
                json.WriteStringValue(FeedValues.XmlSafe(tag));
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static string Rfc3339(DateTime value) =>
        FeedValues.Utc(value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
