using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Web.Components;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.Hosting;

/// <summary>
/// Keeps the old blog's links working: a request at an address an imported post had there (a Hugo alias or custom
/// <c>url</c>) is answered with a permanent redirect to the post. Elsewhere the database is asked only about
/// would-be 404s; under <c>/posts/</c>, where the post page renders its own 404, it is asked first whether the slug
/// is a post (an index seek) — and cached pages never get here at all.
/// </summary>
public sealed class OldAddressRedirects(RequestDelegate next)
{
    private const string PostsPrefix = "/posts/";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? OldAddresses.Normalize(context.Request.Path.Value)
            : null;
        if (path is null || path.StartsWith("/admin", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var db = context.RequestServices.GetRequiredService<DigestDbContext>();
        if (path.StartsWith(PostsPrefix, StringComparison.Ordinal) && path.IndexOf('/', PostsPrefix.Length) < 0)
        {
            var slug = path[PostsPrefix.Length..];
            if (!await db.Posts.AnyAsync(p => p.Slug == slug && p.Status == PostStatus.Published, context.RequestAborted)
                && await TargetAsync(db, path, context.RequestAborted) is { } moved)
            {
                Redirect(context, moved);
                return;
            }

            await next(context);
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted
            && await TargetAsync(db, path, context.RequestAborted) is { } target)
        {
            context.Response.Clear();
            Redirect(context, target);
        }
    }

    private static async Task<string?> TargetAsync(DigestDbContext db, string path, CancellationToken cancellationToken)
    {
        var slug = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.Aliases.Contains(path))
            .Select(p => p.Slug)
            .FirstOrDefaultAsync(cancellationToken);
        var target = slug is null ? null : PostLinks.Path(slug);
        return target is null || OldAddresses.Normalize(target) == path ? null : target;
    }

    private static void Redirect(HttpContext context, string target)
    {
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = target;
    }
}
