using System.Globalization;
using System.Text;
using System.Xml;
using Digest.Infrastructure.Publishing.Feeds;
using Digest.Infrastructure.Settings;
using Digest.Web.Caching;
using Digest.Web.Components;

namespace Digest.Web.PublicSite;

/// <summary><c>robots.txt</c> and <c>sitemap.xml</c>, next to the feeds and cached like the pages.</summary>
internal static class SiteDocuments
{
    public static IEndpointRouteBuilder MapSiteDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", RobotsAsync).CacheOutput(OutputCachePublicSiteCache.PolicyName).WithMetadata(new ConditionalGetAttribute());
        endpoints.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(OutputCachePublicSiteCache.PolicyName).WithMetadata(new ConditionalGetAttribute());
        return endpoints;
    }

    private static async Task<IResult> RobotsAsync(HttpContext http, SiteSettingsStore settings, CancellationToken ct)
    {
        var baseUrl = SiteAddress.BaseUrl(http.Request, await settings.GetAsync(ct));
        var text = $"""
            User-agent: *
            Disallow: /admin
            Disallow: /account
            Disallow: /search

            Sitemap: {SiteAddress.Absolute(baseUrl, "/sitemap.xml")}

            """;
        return Results.Text(text, "text/plain; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(HttpContext http, SiteSettingsStore settings, PublicPosts posts, CancellationToken ct)
    {
        var baseUrl = SiteAddress.BaseUrl(http.Request, await settings.GetAsync(ct));
        var all = await posts.AllAsync(ct);
        var lastChange = await posts.LastChangeAsync(ct);
        if (lastChange is { } modified)
        {
            http.Response.GetTypedHeaders().LastModified = new DateTimeOffset(modified);
        }

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            Url(xml, SiteAddress.Absolute(baseUrl, "/"), lastChange);
            Url(xml, SiteAddress.Absolute(baseUrl, "/archives/"), lastChange);
            Url(xml, SiteAddress.Absolute(baseUrl, "/tags/"), lastChange);
            foreach (var tag in PublicPosts.CountTags(all))
            {
                var newest = all.Where(p => p.Tags.Any(t => FeedSite.TagSlug(t) == tag.Slug)).Max(p => p.UpdatedAt);
                Url(xml, SiteAddress.Absolute(baseUrl, FeedSite.TagPath(tag.Name)), newest);
            }

            foreach (var post in all)
            {
                Url(xml, SiteAddress.Absolute(baseUrl, PostLinks.Path(post.Slug)), post.UpdatedAt);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static void Url(XmlWriter xml, string location, DateTime? lastModified)
    {
        xml.WriteStartElement("url");
        xml.WriteElementString("loc", location);
        if (lastModified is { } at)
        {
            xml.WriteElementString("lastmod", DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }
}
