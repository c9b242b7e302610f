using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Publishing.Feeds;
using Digest.Infrastructure.Settings;
using Digest.Web.Caching;
using Digest.Web.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Digest.Web.Feeds;

/// <summary>
/// The feeds, at the addresses the old Hugo blog used (<c>/index.xml</c>, <c>/tags/&lt;tag&gt;/index.xml</c>) and the
/// usual ones. Only published posts; cached until a change evicts them; conditional requests get 304.
/// </summary>
internal static class FeedEndpoints
{
    private const int EntriesPerFeed = 30;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/index.xml", Site<RssFeedWriter>("/index.xml")).CachedPublicly();
        endpoints.MapGet("/feed.xml", Site<RssFeedWriter>("/feed.xml")).CachedPublicly();
        endpoints.MapGet("/atom.xml", Site<AtomFeedWriter>("/atom.xml")).CachedPublicly();
        endpoints.MapGet("/feed.json", Site<JsonFeedWriter>("/feed.json")).CachedPublicly();
        endpoints.MapGet("/tags/{tag}/index.xml", Tag<RssFeedWriter>("index.xml")).CachedPublicly();
        endpoints.MapGet("/tags/{tag}/atom.xml", Tag<AtomFeedWriter>("atom.xml")).CachedPublicly();
        endpoints.MapGet("/tags/{tag}/feed.json", Tag<JsonFeedWriter>("feed.json")).CachedPublicly();
        return endpoints;
    }

    private static Delegate Site<TWriter>(string path)
        where TWriter : IFeedWriter =>
        async (HttpContext http, DigestDbContext db, TWriter writer, CancellationToken ct) =>
        {
            var site = await SiteAsync(http, ct);
            var entries = await EntriesAsync(db, site, tag: null, ct);
            return Respond(http, writer.Write(FeedChannel.ForSite(site, path), entries));
        };

    private static Delegate Tag<TWriter>(string file)
        where TWriter : IFeedWriter =>
        async (string tag, HttpContext http, DigestDbContext db, TWriter writer, CancellationToken ct) =>
        {
            var site = await SiteAsync(http, ct);
            var entries = await EntriesAsync(db, site, tag, ct);
            if (entries.Count == 0)
            {
                return Results.NotFound();
            }

            var name = entries[0].Tags.First(t => FeedSite.TagSlug(t) == FeedSite.TagSlug(tag));
            return Respond(http, writer.Write(FeedChannel.ForTag(site, name, FeedSite.TagPath(name) + file), entries));
        };

    internal static RouteHandlerBuilder CachedPublicly(this RouteHandlerBuilder builder) =>
        builder.CacheOutput(OutputCachePublicSiteCache.PolicyName);

    private static async Task<FeedSite> SiteAsync(HttpContext http, CancellationToken ct)
    {
        var settings = await http.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(ct);
        var baseUrl = string.IsNullOrWhiteSpace(settings.BaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}/" : settings.BaseUrl.TrimEnd('/') + "/";
        return new FeedSite(settings.Title, settings.Description, new Uri(baseUrl));
    }

    private static async Task<IReadOnlyList<FeedEntry>> EntriesAsync(DigestDbContext db, FeedSite site, string? tag, CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.ContentHtml != null)
            .OrderByDescending(p => p.PublishedAt)
            .Take(tag is null ? EntriesPerFeed : 500)
            .ToListAsync(ct);
        var entries = posts.Select(p => FeedEntry.FromPost(p, site.Absolute(PostLinks.Path(p.Slug)).AbsoluteUri)).ToList();
        return tag is null ? entries : [.. FeedEntries.WithTag(entries, tag).Take(EntriesPerFeed)];
    }

    private static IResult Respond(HttpContext http, FeedDocument document)
    {
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(document.ETag);
        if (document.LastModified is { } lastModified)
        {
            headers.LastModified = new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc));
        }

        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Compare(headers.ETag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var ifModifiedSince = http.Request.GetTypedHeaders().IfModifiedSince;
        if (ifNoneMatch.Count == 0 && ifModifiedSince is { } since && headers.LastModified is { } modified && modified <= since.AddSeconds(1))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(document.Content, document.ContentType);
    }
}
