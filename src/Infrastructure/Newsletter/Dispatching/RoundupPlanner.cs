using Digest.Domain.Newsletter;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Newsletter.Sending;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Dispatching;

/// <summary>
/// Writes the weekly roundup's mailing when its time (day and hour in Settings, in the site's time zone) has come. The
/// time is checked against the database, not a timer, so a restart over the hour still sends it (up to a day late; older
/// is stale). A roundup covers everything since the previous one, so changing the day never drops a post or repeats one.
/// </summary>
public sealed class RoundupPlanner(DigestDbContext db, MailingContent content, TimeProvider clock)
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromDays(1);
    private static readonly TimeSpan MinimumGap = TimeSpan.FromDays(6);

    public static RoundupSchedule ScheduleOf(SiteSettings settings) =>
        new(settings.RoundupDay, Math.Clamp(settings.RoundupHour, 0, 23), settings.FindTimeZone());

    /// <summary>The mailing written, or null when no roundup is due now.</summary>
    public async Task<Mailing?> PlanAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var end = ScheduleOf(settings).LatestAtOrBefore(now);
        if (now - end > CatchUp || await db.Set<Mailing>().AnyAsync(m => m.Key == Mailing.KeyForRoundup(end), cancellationToken))
        {
            return null;
        }

        var previous = await db.Set<Mailing>().Where(m => m.Kind == MailingKind.Roundup).MaxAsync(m => m.PeriodEnd, cancellationToken);
        if (previous is { } last && end - last < MinimumGap)
        {
            return null;
        }

        var start = previous is { } since && since > end.AddDays(-14) ? since : end.AddDays(-7);
        var posts = await content.RoundupPostsAsync(start, end, cancellationToken);
        var mailing = posts.Count == 0 ? Mailing.EmptyRoundup(start, end, now) : Mailing.Roundup(start, end, now);
        db.Add(mailing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return mailing;
        }
        catch (DbUpdateException)
        {
            // Another instance wrote this week's roundup first.
            db.ChangeTracker.Clear();
            return null;
        }
    }
}
