using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Hugo;

public static class HugoServiceCollectionExtensions
{
    /// <summary>Import from and export to Hugo Markdown; both work on the request's (or verb's) DbContext, so scoped.</summary>
    public static IServiceCollection AddHugoImportExport(this IServiceCollection services)
    {
        services.AddScoped<HugoImporter>();
        services.AddScoped<HugoSiteExporter>();
        services.AddScoped<HugoFeedLength>();
        return services;
    }
}
