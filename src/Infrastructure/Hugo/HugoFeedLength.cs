using Digest.Domain.Settings;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// After a Hugo site is imported, the feeds carry what the old feed carried: the site's <c>rssLimit</c>, or every post
/// when it set none (Hugo's default). Subscribers then see the same feed they had. Audited like any settings change.
/// </summary>
public sealed class HugoFeedLength(DigestDbContext db, SiteSettingsStore store, IPublicSiteCache cache, TimeProvider clock)
{
    public async Task<int> ApplyAsync(int? rssLimit, string by, CancellationToken cancellationToken = default)
    {
        var length = Math.Min(rssLimit ?? 0, SiteSettings.MaxFeedLength);
        var settings = await db.SiteSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new SiteSettings();
            db.SiteSettings.Add(settings);
        }

        if (settings.FeedLength == length && db.Entry(settings).State != EntityState.Added)
        {
            return length;
        }

        settings.FeedLength = length;
        settings.Version = Guid.NewGuid();
        db.Set<AuditEntry>().Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, by, AuditActions.SettingsSaved, AuditSubject.Settings,
            $"feed length → {(length == 0 ? "every post" : length)} (the imported site's rssLimit)"));
        await db.SaveChangesAsync(cancellationToken);
        store.Forget();
        await cache.InvalidateAsync(cancellationToken);
        return length;
    }
}
