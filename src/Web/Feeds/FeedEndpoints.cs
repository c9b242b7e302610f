using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Publishing.Feeds;
using Digest.Infrastructure.Settings;
using Digest.Web.Caching;
using Digest.Web.Components;
using Digest.Web.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Digest.Web.Feeds;

/// <summary>
/// The feeds, at the addresses the old Hugo blog used (<c>/index.xml</c>, <c>/tags/&lt;tag&gt;/index.xml</c>) and the
/// usual ones. Only published posts; cached until a change evicts them; conditional requests get 304.
/// </summary>
internal static class FeedEndpoints
{
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
        async (HttpContext http, DigestDbContext db, PublicPosts posts, ReviewerNames reviewers, TWriter writer, CancellationToken ct) =>
        {
            var (site, length) = await SiteAsync(http, ct);
            var entries = await EntriesAsync(db, reviewers, site, tag: null, length, ct);
            return Respond(http, writer.Write(FeedChannel.ForSite(site, path, await posts.LastChangeAsync(ct)), entries));
        };

    private static Delegate Tag<TWriter>(string file)
        where TWriter : IFeedWriter =>
        async (string tag, HttpContext http, DigestDbContext db, PublicPosts posts, ReviewerNames reviewers, TWriter writer, CancellationToken ct) =>
        {
            var (site, length) = await SiteAsync(http, ct);
            var entries = await EntriesAsync(db, reviewers, site, tag, length, ct);
            if (entries.Count == 0)
            {
                return Results.NotFound();
            }

            var name = entries[0].Tags.First(t => FeedSite.TagSlug(t) == FeedSite.TagSlug(tag));
            return Respond(http, writer.Write(FeedChannel.ForTag(site, name, FeedSite.TagPath(name) + file, await posts.LastChangeAsync(ct)), entries));
        };

    internal static RouteHandlerBuilder CachedPublicly(this RouteHandlerBuilder builder) =>
        builder.CacheOutput(OutputCachePublicSiteCache.PolicyName);

    /// <summary>The site, and how many posts its feeds carry (the FeedLength setting; 0 is every post, as Hugo did without an rssLimit).</summary>
    private static async Task<(FeedSite Site, int Length)> SiteAsync(HttpContext http, CancellationToken ct)
    {
        var settings = await http.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(ct);
        var length = settings.FeedLength > 0 ? settings.FeedLength : int.MaxValue;
        return (new FeedSite(settings.Title, settings.Description, SiteAddress.BaseUrl(http.Request, settings)), length);
    }

    private static async Task<IReadOnlyList<FeedEntry>> EntriesAsync(DigestDbContext db, ReviewerNames reviewers, FeedSite site, string? tag, int length, CancellationToken ct)
    {
        var query = db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.ContentHtml != null)
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Slug);
        var posts = await (tag is null && length < int.MaxValue ? query.Take(length) : query).ToListAsync(ct);
        var names = await reviewers.ForAsync(posts.Select(p => p.ReviewedBy), ct);
        var entries = posts
            .Select(p => FeedEntry.FromPost(p, site.Absolute(PostLinks.Path(p.Slug)).AbsoluteUri))
            .Select(e => e.ReviewedBy is { } by ? e with { ReviewedBy = names.GetValueOrDefault(by, by) } : e)
            .ToList();
        return tag is null ? entries : [.. FeedEntries.WithTag(entries, tag).Take(length)];
    }

    private static IResult Respond(HttpContext http, FeedDocument document)
    {
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(document.ETag);
        if (document.LastModified is { } lastModified)
        {
            // HTTP dates carry whole seconds.
            headers.LastModified = DateTimeOffset.FromUnixTimeSeconds(new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc)).ToUnixTimeSeconds());
        }

        if (Conditional.IsNotModified(http.Request, http.Response))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        // Feed readers may keep the feed but must revalidate (a conditional GET costs a 304); a CDN may keep it briefly.
        http.Response.Headers.CacheControl = http.RequestServices.GetRequiredService<Edge.EdgeOptions>().PublicCacheControl;
        return Results.Bytes(document.Content, document.ContentType);
    }
}
