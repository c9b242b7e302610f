using Digest.Infrastructure.Editing;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Caching;

/// <summary>Every public page and feed is cached under one tag; any change a reader could see evicts them all.</summary>
public sealed class OutputCachePublicSiteCache(IOutputCacheStore store) : IPublicSiteCache
{
    public const string Tag = "public";
    public const string PolicyName = "public";

    public Task InvalidateAsync(CancellationToken cancellationToken) => store.EvictByTagAsync(Tag, cancellationToken).AsTask();
}
