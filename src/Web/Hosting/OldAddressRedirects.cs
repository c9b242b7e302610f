using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Web.Components;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.Hosting;

/// <summary>
/// Keeps the old blog's links working: a request that would end in 404 at an address an imported post had there
/// (a Hugo alias or custom <c>url</c>) is answered with a permanent redirect to the post. The database is asked only
/// about would-be 404s, so pages that exist never pay for it.
/// </summary>
public sealed class OldAddressRedirects(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted
            || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || OldAddresses.Normalize(context.Request.Path.Value) is not { } path
            || path.StartsWith("/admin", StringComparison.Ordinal))
        {
            return;
        }

        var db = context.RequestServices.GetRequiredService<DigestDbContext>();
        var slug = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.Aliases.Contains(path))
            .Select(p => p.Slug)
            .FirstOrDefaultAsync(context.RequestAborted);
        var target = slug is null ? null : PostLinks.Path(slug);
        if (target is null || OldAddresses.Normalize(target) == path)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = target;
    }
}
