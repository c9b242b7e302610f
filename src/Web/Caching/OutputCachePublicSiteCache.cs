using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Freshness;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Caching;

/// <summary>
/// Every public page and feed is cached under one tag and under the site's change stamp (<see cref="PublicSiteFreshness"/>).
/// A change made in this process evicts them at once and has the stamp read again on the next request; changes made
/// by other processes arrive through the stamp.
/// </summary>
public sealed class OutputCachePublicSiteCache(IOutputCacheStore store, SiteStampReader stamps) : IPublicSiteCache
{
    public const string Tag = "public";
    public const string PolicyName = "public";

    public Task InvalidateAsync(CancellationToken cancellationToken)
    {
        stamps.Expire();
        return store.EvictByTagAsync(Tag, cancellationToken).AsTask();
    }
}
