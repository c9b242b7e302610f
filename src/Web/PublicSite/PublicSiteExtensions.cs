using Digest.Infrastructure.Search;
using Digest.Web.Caching;
using Microsoft.Extensions.FileProviders;

namespace Digest.Web.PublicSite;

/// <summary>The reader's side of the site: its queries, conditional GETs, robots.txt and the sitemap.</summary>
public static class PublicSiteExtensions
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddScoped<PublicPosts>();
        services.AddScoped<ReviewerNames>();
        services.AddScoped<PostSearch>();
        services.UseNoAntiforgeryOnPublicPages();
        // A search for a long pasted text still reaches the search page (which cuts it) instead of failing with 414.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, 32 * 1024));
        return services;
    }

    /// <summary>After <c>UseOutputCache</c>: pages rendered on a cache miss get their ETag and 304s here.</summary>
    public static WebApplication UsePublicSite(this WebApplication app)
    {
        app.UseConditionalGet();
        // For the benchmark only (bench/public): serves a folder of captured pages as plain static files through the
        // same pipeline, so page and file rates compare like for like. Off unless configured.
        if (app.Configuration["Digest:Bench:StaticMirror"] is { Length: > 0 } mirror && Directory.Exists(mirror))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(mirror)), RequestPath = "/_static-mirror" });
        }

        return app;
    }

    public static IEndpointRouteBuilder MapPublicSite(this IEndpointRouteBuilder endpoints) => endpoints.MapSiteDocuments().MapOldHugoAddresses();
}
