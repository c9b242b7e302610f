using Digest.Infrastructure.Sources.Demo;
using Digest.Infrastructure.Sources.Discussions;
using Digest.Infrastructure.Sources.Http;
using Digest.Infrastructure.Sources.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Digest.Infrastructure.Sources;

public static class SourceFetchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISourceFetcher"/>: over HTTP with the limits of <c>Digest:Sources</c>
    /// (AllowPrivateNetworks, MaxBodyBytes, Timeout in seconds, UserAgent, …), or, with <c>Digest:Demo=true</c>,
    /// from the built-in sample documents without any network. Also the <see cref="IDiscussionReader"/> that reads the
    /// top comments of a topic's discussion, within <c>Digest:Sources:Comments</c>.
    /// </summary>
    public static IServiceCollection AddSourceFetching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = SourceFetchingOptions.From(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton<SourceReaders>();
        services.TryAddSingleton(CommentOptions.From(configuration));

        if (bool.TryParse(configuration["Digest:Demo"], out var demo) && demo)
        {
            services.TryAddSingleton<ISourceFetcher, DemoSourceFetcher>();
            services.TryAddSingleton<IDiscussionReader, DemoDiscussionReader>();
            return services;
        }

        services.AddHttpClient(SourceDownloader.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => SourceHttpHandler.Create(options))
            .AddResilienceHandler("digest-sources", pipeline => SourceResilience.Configure(pipeline, options))
            .SelectPipelineByAuthority();
        services.TryAddSingleton<SourceDownloader>();
        services.TryAddSingleton<ISourceFetcher, HttpSourceFetcher>();
        services.TryAddSingleton<IDiscussionReader, HttpDiscussionReader>();
        return services;
    }
}
