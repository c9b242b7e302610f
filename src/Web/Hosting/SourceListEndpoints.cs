using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Settings;
using Digest.Infrastructure.Sources.Opml;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.Hosting;

/// <summary>The source list as OPML, for any feed reader: <c>/admin/sources.opml</c>, Admin only; each download is
/// audited like any other export.</summary>
public static class SourceListEndpoints
{
    public const string Path = "/admin/sources.opml";

    public static IEndpointRouteBuilder MapSourceListEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization(WebHostingExtensions.AdminPolicy);
        return app;
    }

    private static async Task<IResult> ExportAsync(DigestDbContext db, SiteSettingsStore settings, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var sources = await db.Sources.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var opml = OpmlDocument.Write(sources, $"{(await settings.GetAsync(cancellationToken)).Title}: sources", now.UtcDateTime);
        db.Audit(clock, AuditActions.ExportDownloaded, AuditSubject.Archive("export of the source list"), $"{sources.Count} source(s) as OPML");
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(opml, "text/x-opml; charset=utf-8", $"digest-sources-{now:yyyy-MM-dd}.opml");
    }
}
