using System.Globalization;
using Digest.Infrastructure.Publishing.Feeds;
using Digest.Web.Components;

namespace Digest.Web.PublicSite;

/// <summary>
/// The addresses Hugo (PaperMod) generated besides the posts themselves, answered with a permanent redirect to the page
/// that shows the same thing here: the section list and its pages (<c>/posts/page/N/</c>), a tag's pages
/// (<c>/tags/&lt;tag&gt;/page/N/</c>, all of a tag's posts are on one page here), the section feed
/// (<c>/posts/index.xml</c>), <c>…/index.html</c> files and the empty <c>/categories/</c> taxonomy. A page past the end
/// is a 404, as it was on the old site.
/// </summary>
public static class OldHugoAddresses
{
    /// <summary>Hugo's default <c>paginate</c>: how many posts each old list page held.</summary>
    public const int HugoPageSize = 10;

    public static IEndpointRouteBuilder MapOldHugoAddresses(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/posts/index.xml", () => Moved("/index.xml"));
        endpoints.MapGet("/posts/page/{number}", async (string number, PublicPosts posts, CancellationToken ct) =>
            PageNumber(number) is { } page && page <= await PageCountAsync(posts, ct) ? Moved(page == 1 ? "/" : $"/page/{page}/") : Results.NotFound());
        endpoints.MapGet("/tags/{tag}/page/{number}", async (string tag, string number, PublicPosts posts, CancellationToken ct) =>
        {
            var (name, tagged) = await posts.TaggedAsync(tag, ct);
            var pages = (tagged.Count + HugoPageSize - 1) / HugoPageSize;
            return name is not null && PageNumber(number) is { } page && page <= pages ? Moved(FeedSite.TagPath(name)) : Results.NotFound();
        });
        endpoints.MapGet("/categories", () => Moved("/tags/"));
        endpoints.MapGet("/categories/index.xml", () => Moved("/index.xml"));
        endpoints.MapGet("/index.html", () => Moved("/"));
        endpoints.MapGet("/posts/{slug}/index.html", (string slug) => Moved(PostLinks.Path(slug)));
        endpoints.MapGet("/tags/{tag}/index.html", (string tag) => Moved(FeedSite.TagPath(tag)));
        endpoints.MapGet("/page/{number}/index.html", (string number) => Moved($"/page/{number}/"));
        return endpoints;
    }

    /// <summary>A page number as Hugo wrote it in a path: digits only, from 1.</summary>
    public static long? PageNumber(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : null;

    private static async Task<long> PageCountAsync(PublicPosts posts, CancellationToken ct) =>
        Math.Max(1, ((await posts.AllAsync(ct)).Count + PublicPosts.PageSize - 1) / PublicPosts.PageSize);

    private static IResult Moved(string path) => Results.Redirect(path, permanent: true);
}
