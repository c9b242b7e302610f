using System.Collections.Concurrent;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter.Sending;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Dispatching;

/// <summary>
/// One look at the database for newsletter work: a roundup that is due, mailings waiting for a worker (written by any
/// process, including a verb that published while the site was running), confirmation emails owed, and unconfirmed
/// addresses old enough to forget. The work itself runs as Hangfire jobs. Without an SMTP server (the e-mail settings are
/// read once, at start) mailings stay queued in the database for a process that has one: trying each every 15 minutes
/// only to write down again that e-mail is not configured kept a job per published post in Hangfire's storage, for ever
/// on a site that never sends e-mail (the dashboard and the post's newsletter panel already say why nothing goes out).
/// </summary>
public sealed class NewsletterDispatch(
    DigestDbContext db, RoundupPlanner roundups, IBackgroundJobClient jobs, RecentlyQueued recent, NewsletterOptions options, IEmailSender mailer,
    TimeProvider clock)
{
    private static readonly TimeSpan ConfirmationRetry = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await roundups.PlanAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        var mailings = !mailer.IsConfigured ? [] : await db.Set<Mailing>().AsNoTracking()
            .Where(m => (m.Status == MailingStatus.Queued || m.Status == MailingStatus.Sending)
                        && (m.RetryAt == null || m.RetryAt <= now)
                        && (m.LeaseUntil == null || m.LeaseUntil < now))
            .Select(m => new { m.Id, m.Key })
            .ToListAsync(cancellationToken);
        foreach (var mailing in mailings.Where(m => recent.ShouldQueue("mailing:" + m.Id, now, options.Lease)))
        {
            jobs.Enqueue<SendMailingJob>(job => job.RunAsync(mailing.Id, mailing.Key, CancellationToken.None));
        }

        var confirmationsSince = now - options.ConfirmationLifetime;
        var retryBefore = now - ConfirmationRetry;
        var owed = await db.Set<Subscriber>().AsNoTracking()
            .Where(s => s.Status != SubscriberStatus.Active && s.ConfirmationRequestedAt != null && s.ConfirmationRequestedAt > confirmationsSince
                        && (s.ConfirmationSentAt == null || s.ConfirmationSentAt < s.ConfirmationRequestedAt)
                        && (s.ConfirmationAttemptedAt == null || s.ConfirmationAttemptedAt < s.ConfirmationRequestedAt || s.ConfirmationAttemptedAt < retryBefore))
            .Select(s => s.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var id in owed.Where(id => recent.ShouldQueue("confirm:" + id, now, ConfirmationRetry)))
        {
            jobs.Enqueue<SendConfirmationJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        // Addresses that never confirmed: nobody consented, so nothing of them is kept.
        var forgetBefore = now - options.ForgetUnconfirmedAfter;
        await db.Set<Subscriber>()
            .Where(s => s.Status == SubscriberStatus.Pending && (s.ConfirmationRequestedAt ?? s.CreatedAt) < forgetBefore)
            .ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>What this process queued lately, so a job waiting behind another is not queued again at every look.</summary>
public sealed class RecentlyQueued
{
    private readonly ConcurrentDictionary<string, DateTime> _queued = new(StringComparer.Ordinal);

    public bool ShouldQueue(string key, DateTime now, TimeSpan quiet)
    {
        foreach (var old in _queued.Where(kv => now - kv.Value > TimeSpan.FromHours(1)).Select(kv => kv.Key).ToList())
        {
            _queued.TryRemove(old, out _);
        }

        if (_queued.TryGetValue(key, out var at) && now - at < quiet)
        {
            return false;
        }

        _queued[key] = now;
        return true;
    }
}
