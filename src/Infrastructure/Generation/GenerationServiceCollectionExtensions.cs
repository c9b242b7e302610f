using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>The draft generator with its edition lock and the recovery of runs whose process died (<c>Digest:Generation</c>).</summary>
    public static IServiceCollection AddGeneration(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(GenerationOptions.From(configuration));
        services.AddScoped<DraftGenerator>();
        services.AddScoped<EditionClaim>();
        services.AddScoped<RunRecovery>();
        return services;
    }
}
