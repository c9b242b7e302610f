using System.Globalization;
using System.Net;
using System.Text;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests;

/// <summary>RSS documents in the shape of a subreddit's feed, served from 127.0.0.1, and the sources that read them.</summary>
internal static class SampleFeeds
{
    public static string Rss(string channel, DateTimeOffset now, params (string Title, string Path, string Excerpt)[] items)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{WebUtility.HtmlEncode(channel)}</title><link>https://example.org/</link><description>test</description>""");
        for (var i = 0; i < items.Length; i++)
        {
            var (title, path, excerpt) = items[i];
            xml.Append(CultureInfo.InvariantCulture, $"""<item><title>{WebUtility.HtmlEncode(title)}</title><link>https://example.org{path}</link><guid>https://example.org{path}</guid><description>{WebUtility.HtmlEncode(excerpt)}</description><pubDate>{now.AddHours(-1 - i).ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>""");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    /// <summary>Replaces the default sources (the real internet) with ones on the local server.</summary>
    public static Task UseOnlyAsync(DigestAppFactory app, params Source[] sources) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<DigestDbContext>();
            await db.Sources.ExecuteDeleteAsync();
            db.Sources.AddRange(sources);
            await db.SaveChangesAsync();
        });

    public static Source Feed(LocalHttpServer server, string name, string path, SourceRole role = SourceRole.Both) =>
        new(name, server.Url(path), SourceKind.Rss, role);

    public static LocalResponse RssResponse(string body) => LocalResponse.Text(body, "application/rss+xml; charset=utf-8");
}
