using Digest.Infrastructure.Hugo;

namespace Digest.Web.Hosting;

/// <summary>The dashboard's download of posts as Hugo Markdown in a zip: <c>/admin/export.zip?status=all|published|draft</c>, Admin only.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/export.zip", ExportAsync).RequireAuthorization(WebHostingExtensions.AdminPolicy);
        return app;
    }

    private static async Task<IResult> ExportAsync(string? status, HugoSiteExporter exporter, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        HugoExportScope scope;
        try
        {
            scope = HugoSiteExporter.ParseScope(status);
        }
        catch (ArgumentException e)
        {
            return Results.BadRequest(e.Message);
        }

        // ZipArchive writes synchronously here and Kestrel forbids synchronous I/O on the response: build the zip in
        // a temp file that goes away when the response is done with it.
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"digest-export-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await exporter.WriteZipAsync(file, scope, cancellationToken);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        context.Response.Headers.CacheControl = "no-store";
        var name = $"digest-{scope.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.zip";
        return Results.File(file, "application/zip", name);
    }
}
