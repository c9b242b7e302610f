using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Generation;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Jobs;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Writing.Offline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Digest.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Everything below the web layer: database, sources, writer, publishing, editing and jobs.</summary>
    /// <param name="runJobs">False for the command line: it triggers work directly and must not start a job server.</param>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder, bool runJobs)
    {
        var services = builder.Services;
        var database = DatabaseOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDigestDatabase(database);
        services.AddSourceFetching(builder.Configuration);
        services.AddPublishing();
        services.AddDigestWriter(builder.Configuration);
        services.AddScoped<SourceIngester>();
        services.AddScoped<DraftGenerator>();
        services.AddScoped<PostEditor>();
        services.TryAddSingleton<IPublicSiteCache, NoPublicSiteCache>();
        services.AddDigestJobs(database, runJobs);
        return builder;
    }

    private static void AddDigestWriter(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Digest:Llm:Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !provider.Equals("Offline", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Digest:Llm:Provider is \"{provider}\"; this version writes drafts with the Offline writer only. Remove the setting or set it to Offline.");
        }

        services.AddSingleton<IDigestWriter, OfflineDigestWriter>();
    }
}
