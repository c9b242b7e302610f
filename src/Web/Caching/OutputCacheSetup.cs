using Digest.Infrastructure.Editing;
using Digest.Web.Health;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digest.Web.Caching;

/// <summary>
/// The output cache of the public site. In memory by default; with <c>ConnectionStrings:Redis</c> set, in Redis, so
/// every instance reads the same entries and an eviction (a post published, edited or taken down) reaches all of
/// them at once.
/// </summary>
public static class OutputCacheSetup
{
    public static IServiceCollection AddDigestOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutputCache(cache =>
        {
            // Sized for the site, not the framework's 100 MB default: ~2,000 pages or a few hundred feeds (ADR 0029).
            cache.SizeLimit = 32 * 1024 * 1024;
            cache.MaximumBodySize = 4 * 1024 * 1024;
            cache.AddBasePolicy(policy => policy.NoCache());
            cache.AddPolicy(OutputCachePublicSiteCache.PolicyName, policy => policy.Tag(OutputCachePublicSiteCache.Tag).SetVaryByQuery("page")
                .VaryByValue(PublicSiteFreshness.VaryByStampAsync).Expire(TimeSpan.FromHours(1)));
        });
        // Entries are keyed by the site's change stamp in the database, so a change made by another process (a verb, the
        // job server of another instance) is seen within a second even without Redis (ADR 0011).
        services.AddSingleton<PublicSiteFreshness>();
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            services.AddSingleton(new RedisConnection(redis));
            // Instances of one site share the prefix; another site on the same Redis sets its own.
            var prefix = configuration["Digest:Redis:InstanceName"] is { Length: > 0 } name ? name : "digest:";
            services.AddStackExchangeRedisOutputCache(options => options.InstanceName = prefix);
            services.AddOptions<RedisOutputCacheOptions>()
                .Configure<RedisConnection>((options, connection) => options.ConnectionMultiplexerFactory = connection.GetAsync);
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, [HealthEndpoints.Ready]);
            services.AddHostedService<RedisCacheResync>();
        }

        // Whatever store was registered last (memory or Redis) is the one wrapped.
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(provider => new GuardedOutputCacheStore(
            Create(provider, store), provider.GetRequiredService<ILogger<GuardedOutputCacheStore>>(),
            provider.GetService<RedisConnection>() is { } connection ? () => connection.IsConnected : null));
        services.AddSingleton<IPublicSiteCache, OutputCachePublicSiteCache>();
        return services;
    }

    private static IOutputCacheStore Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IOutputCacheStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
