using Digest.Infrastructure.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Storing what sources carry and managing the sources: <see cref="SourceIngester"/>, <see cref="SourceCatalog"/>,
    /// <see cref="SourcePreviewer"/> and <see cref="IngestOptions"/>. Needs <c>AddSourceFetching</c> and the database.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(IngestOptions.From(configuration));
        services.TryAddSingleton<SourcePreviewer>();
        services.TryAddScoped<SourceIngester>();
        services.TryAddScoped<SourceCatalog>();
        return services;
    }
}
