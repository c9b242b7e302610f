using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Domain.Sources;

namespace Digest.Bench.Ingest;

/// <summary>Source documents in the shapes the readers read (Reddit listing, Algolia HN, RSS 2.0, Atom, arXiv API),
/// with tracking parameters, www. hosts and arXiv pdf/vN links for the canonicaliser to undo.</summary>
internal static class Documents
{
    public static (SourceKind Kind, string MediaType, byte[] Body) Make(int source, int items, DateTimeOffset now, string prefix = "")
    {
        return (source % 5) switch
        {
            0 => (SourceKind.Reddit, "application/json", Reddit(source, items, now, prefix)),
            1 => (SourceKind.HackerNews, "application/json", HackerNews(source, items, now, prefix)),
            2 => (SourceKind.Rss, "application/rss+xml", Rss(source, items, now, prefix)),
            3 => (SourceKind.Atom, "application/atom+xml", Atom(source, items, now, prefix)),
            _ => (SourceKind.Arxiv, "application/atom+xml", Arxiv(source, items, now, prefix)),
        };
    }

    private static string Title(int source, int i) => $"Item {i} of source {source}: a headline about models, data & <evaluation>";

    private static byte[] Reddit(int source, int items, DateTimeOffset now, string prefix) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        kind = "Listing",
        data = new
        {
            children = Enumerable.Range(0, items).Select(i => new
            {
                kind = "t3",
                data = new
                {
                    name = $"t3_{prefix}s{source}i{i}",
                    title = Title(source, i),
                    permalink = $"/r/sub{source}/comments/{prefix}s{source}i{i}/slug/",
                    url = $"https://www.example{source}.com/{prefix}story/{i}?utm_source=reddit&utm_medium=social&id={i}",
                    is_self = false,
                    selftext = "Some self text about the result, long enough to be an excerpt of a few words.",
                    score = 1000 - i,
                    num_comments = i % 97,
                    created_utc = now.AddMinutes(-i).ToUnixTimeSeconds(),
                    link_flair_text = i % 3 == 0 ? "Research" : "Discussion",
                },
            }),
        },
    });

    private static byte[] HackerNews(int source, int items, DateTimeOffset now, string prefix) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        hits = Enumerable.Range(0, items).Select(i => new
        {
            objectID = $"{prefix}{source}{i:D6}",
            title = Title(source, i),
            url = $"https://example{source}.org/{prefix}post/{i}#comments",
            author = "someone",
            points = 500 - i,
            num_comments = i % 53,
            created_at_i = now.AddMinutes(-i).ToUnixTimeSeconds(),
            created_at = now.AddMinutes(-i).ToString("o", CultureInfo.InvariantCulture),
        }),
        nbHits = items,
    });

    private static byte[] Rss(int source, int items, DateTimeOffset now, string prefix)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed</title><link>https://example.org/</link><description>bench</description>""");
        for (var i = 0; i < items; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<item><title>{WebUtility.HtmlEncode(Title(source, i))}</title><link>https://blog{source}.example.org/{prefix}p/{i}?ref=rss&amp;fbclid=abc</link><guid>{prefix}s{source}-{i}</guid><description>&lt;p&gt;An excerpt with &lt;b&gt;markup&lt;/b&gt; to strip.&lt;/p&gt;</description><pubDate>{now.AddMinutes(-i).ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>""");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</channel></rss>").ToString());
    }

    private static byte[] Atom(int source, int items, DateTimeOffset now, string prefix)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><id>urn:bench</id><updated>2026-11-26T00:00:00Z</updated>""");
        for (var i = 0; i < items; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<entry><title>{WebUtility.HtmlEncode(Title(source, i))}</title><id>urn:{prefix}s{source}:{i}</id><link rel="alternate" href="https://www.atom{source}.example.net/{prefix}e/{i}?utm_campaign=x"/><updated>{now.AddMinutes(-i):yyyy-MM-ddTHH:mm:ssZ}</updated><summary>A summary of the entry.</summary></entry>""");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</feed>").ToString());
    }

    private static byte[] Arxiv(int source, int items, DateTimeOffset now, string prefix)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><title>arXiv</title><id>http://arxiv.org/api/x</id><updated>2026-11-26T00:00:00Z</updated>""");
        var block = prefix.Length == 0 ? 2611 : 2612;
        for (var i = 0; i < items; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{block}.{source:D2}{i:D3}");
            xml.Append(CultureInfo.InvariantCulture, $"""<entry><id>http://arxiv.org/abs/{id}v2</id><title>{WebUtility.HtmlEncode(Title(source, i))}</title><summary>We study a problem and report results.</summary><published>{now.AddMinutes(-i):yyyy-MM-ddTHH:mm:ssZ}</published><author><name>A. Author</name></author><author><name>B. Author</name></author><link href="http://arxiv.org/pdf/{id}v2" rel="related" type="application/pdf"/></entry>""");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</feed>").ToString());
    }
}
