using Digest.Domain.Common;
using Digest.Domain.Settings;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Managing;

/// <summary>
/// The day and hour of the weekly roundup, kept in the site settings row. Saved on their own (only these two columns), so
/// this part of the Settings page never conflicts with the rest of it.
/// </summary>
public sealed class RoundupSettingsEditor(DigestDbContext db, SiteSettingsStore store, TimeProvider clock)
{
    public async Task SaveAsync(DayOfWeek day, int hour, string by, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(day))
        {
            throw new DomainException("Choose a day of the week for the roundup.");
        }

        if (hour is < 0 or > 23)
        {
            throw new DomainException("The roundup hour must be from 0 to 23.");
        }

        var updated = await db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RoundupDay, day).SetProperty(x => x.RoundupHour, hour), cancellationToken);
        if (updated == 0)
        {
            throw new DomainException("The site settings are not there yet; save the settings above first.");
        }

        db.Set<AuditEntry>().Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, by, NewsletterAudit.RoundupSettings, AuditSubject.Settings, $"weekly roundup → {day} {hour:00}:00"));
        await db.SaveChangesAsync(cancellationToken);
        store.Forget();
    }
}
