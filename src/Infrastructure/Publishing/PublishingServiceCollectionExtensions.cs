using Digest.Infrastructure.Publishing.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Infrastructure.Publishing;

public static class PublishingServiceCollectionExtensions
{
    /// <summary>Markdown rendering, sanitising and the feed writers. All are stateless after construction, so singletons.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.TryAddSingleton<ContentSanitizer>();
        services.TryAddSingleton<MarkdownRenderer>();
        services.TryAddSingleton<PostRenderer>();
        services.TryAddSingleton<FeedContent>();
        services.TryAddSingleton<RssFeedWriter>();
        services.TryAddSingleton<AtomFeedWriter>();
        services.TryAddSingleton<JsonFeedWriter>();
        return services;
    }
}
