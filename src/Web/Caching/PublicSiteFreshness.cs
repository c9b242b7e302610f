using Digest.Infrastructure.Freshness;
using Microsoft.AspNetCore.OutputCaching;

namespace Digest.Web.Caching;

/// <summary>
/// Keeps cached public pages and feeds true to the database, whichever process changed it. The site's change stamp
/// (checked at most once a second, <see cref="SiteStampReader"/>) is part of every cache key: once it moves, the next
/// request finds no entry and renders from the database, so a page rendered before the change is never served after
/// it is seen — even one whose rendering raced the change. Entries made under older stamps are evicted to free memory.
/// The store itself is whatever <see cref="IOutputCacheStore"/> is registered: with a store shared by all instances
/// the keys still carry the stamp, so any instance may serve what another rendered at the same stamp (ADR 0011).
/// </summary>
public sealed partial class PublicSiteFreshness : IDisposable
{
    public const string StampKey = "site-stamp";

    private readonly SiteStampReader _stamps;
    private readonly IOutputCacheStore _store;
    private readonly ILogger<PublicSiteFreshness> _logger;

    public PublicSiteFreshness(SiteStampReader stamps, IOutputCacheStore store, ILogger<PublicSiteFreshness> logger)
    {
        (_stamps, _store, _logger) = (stamps, store, logger);
        _stamps.Moved += EvictOlderEntries;
    }

    /// <summary>For <see cref="OutputCachePolicyBuilder.VaryByValue(Func{HttpContext, CancellationToken, ValueTask{KeyValuePair{string, string}}})"/>.</summary>
    public static async ValueTask<KeyValuePair<string, string>> VaryByStampAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var freshness = context.RequestServices.GetRequiredService<PublicSiteFreshness>();
        return new(StampKey, await freshness._stamps.CurrentKeyAsync(cancellationToken));
    }

    public void Dispose() => _stamps.Moved -= EvictOlderEntries;

    private void EvictOlderEntries(Guid stamp) => _ = EvictAsync(stamp);

    private async Task EvictAsync(Guid stamp)
    {
        try
        {
            await _store.EvictByTagAsync(OutputCachePublicSiteCache.Tag, CancellationToken.None);
            LogEvicted(stamp);
        }
        catch (Exception ex)
        {
            // Only memory is at stake: stale entries are never served (their stamp is not current) and expire on their own.
            LogEvictionFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The site changed (stamp {Stamp}); cached public pages of earlier stamps evicted")]
    private partial void LogEvicted(Guid stamp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evicting cached public pages of an earlier stamp failed")]
    private partial void LogEvictionFailed(Exception exception);
}
