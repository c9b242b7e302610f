using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter.Composing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Newsletter.Sending;

/// <summary>
/// Works one mailing through its deliveries: recipients chosen once (the active subscribers of its audience), then
/// batches read from the database, each message paced, recorded as <see cref="DeliveryStatus.Sending"/> before the SMTP
/// transaction and as its outcome after it. A crash leaves at most the message in flight as "sending"; the next run sends
/// it again and everyone else exactly as recorded, so nobody is skipped and nobody gets a post twice (the one exception,
/// a crash between the server's "250 OK" and our record of it, is in ADR 0019). Temporary refusals retry with back-off,
/// permanent ones fail (and bounce the address after <see cref="NewsletterOptions.BounceAfter"/>), a server that cannot be
/// used pauses the mailing, and a post unpublished meanwhile stops it.
/// </summary>
public sealed class MailingSender(
    DigestDbContext db, IEmailSender mailer, MailingContent content, SendPacer pacer, NewsletterOptions options, TimeProvider clock, ILogger<MailingSender> logger)
{
    private const int ReconnectsInARow = 3;

    public async Task<MailingRun> RunAsync(Guid mailingId, CancellationToken cancellationToken = default)
    {
        var owner = MailingLease.NewOwner();
        if (!await MailingLease.TryTakeAsync(db, mailingId, owner, Now(), options.Lease, cancellationToken))
        {
            return MailingRun.Busy;
        }

        try
        {
            var run = await WorkAsync(mailingId, owner, cancellationToken);
            logger.LogInformation("Newsletter mailing {Mailing}: {Run}", mailingId, run);
            return run;
        }
        finally
        {
            db.ChangeTracker.Clear();
            await MailingLease.ReleaseAsync(db, mailingId, owner);
        }
    }

    private async Task<MailingRun> WorkAsync(Guid mailingId, string owner, CancellationToken cancellationToken)
    {
        var mailing = await db.Set<Mailing>().SingleOrDefaultAsync(m => m.Id == mailingId, cancellationToken);
        if (mailing is null || mailing.IsFinished || mailing.Status == MailingStatus.Stopped)
        {
            return MailingRun.NothingToDo;
        }

        if (mailing.RetryAt > Now())
        {
            // Run early (a second job, a restart): a server that asked us to wait is not asked again before its time.
            return MailingRun.Waiting;
        }

        if (mailing.Kind == MailingKind.Post && !await PostIsPublishedAsync(mailing, cancellationToken))
        {
            return await StopAsync(mailing, "stopped: the post was unpublished before everyone had it");
        }

        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var site = NewsletterSite.From(settings);
        if (!mailer.IsConfigured || site is null)
        {
            var why = !mailer.IsConfigured ? "email is not configured (Digest:Email:Smtp:Host is empty)" : "the site's base URL is not set (Settings): emails need absolute links";
            return await WaitForServerAsync(mailing, owner, new SendOutcome(SendResult.ServerRefused, why));
        }

        if (mailing.Status == MailingStatus.Queued)
        {
            await ChooseRecipientsAsync(mailing, owner, cancellationToken);
        }
        else
        {
            // Deliveries stopped when the post was unpublished go out now that it is published again.
            await db.Set<Delivery>().Where(d => d.MailingId == mailingId && d.Status == DeliveryStatus.Stopped)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending), cancellationToken);
        }

        var email = await content.ComposeAsync(mailing, site, settings, cancellationToken);
        if (email is null)
        {
            return await StopAsync(mailing, "stopped: nothing it carries is published any more");
        }

        var work = new Work(mailingId, owner, email, site);
        try
        {
            return await SendAllAsync(work, cancellationToken);
        }
        finally
        {
            if (work.Connection is not null)
            {
                await work.Connection.DisposeAsync();
            }
        }
    }

    private async Task ChooseRecipientsAsync(Mailing mailing, string owner, CancellationToken cancellationToken)
    {
        var recipients = await db.Set<Subscriber>().AsNoTracking()
            .Where(s => s.Status == SubscriberStatus.Active && s.Frequency == mailing.Audience)
            .OrderBy(s => s.Email)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        db.Set<Delivery>().AddRange(recipients.Select(id => new Delivery(mailing.Id, id)));
        mailing.Start(recipients.Count, Now());
        if (!await SaveHoldingAsync(mailing, owner))
        {
            throw new InvalidOperationException("The mailing was taken over while its recipients were being chosen.");
        }

        db.ChangeTracker.Clear();
    }

    private async Task<MailingRun> SendAllAsync(Work work, CancellationToken cancellationToken)
    {
        while (true)
        {
            db.ChangeTracker.Clear();
            var mailing = await db.Set<Mailing>().SingleAsync(m => m.Id == work.MailingId, CancellationToken.None);
            if (mailing.LeaseOwner != work.Owner)
            {
                return MailingRun.Busy;
            }

            if (mailing.Status != MailingStatus.Sending)
            {
                return MailingRun.NothingToDo;
            }

            var now = Now();
            var batch = await db.Set<Delivery>()
                .Where(d => d.MailingId == work.MailingId && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending)
                            && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
                .OrderBy(d => d.Id)
                .Take(options.BatchSize)
                .ToListAsync(CancellationToken.None);
            if (batch.Count == 0)
            {
                return await FinishOrWaitAsync(mailing, work.Owner);
            }

            foreach (var delivery in batch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return await SaveHoldingAsync(mailing, work.Owner) ? MailingRun.Cancelled : MailingRun.Busy;
                }

                if (await DeliverAsync(work, mailing, delivery, cancellationToken) is { } end)
                {
                    return end;
                }
            }

            // The batch's last outcome is written before the next batch is read.
            if (!await SaveHoldingAsync(mailing, work.Owner))
            {
                return MailingRun.Busy;
            }
        }
    }

    /// <summary>
    /// One delivery. Its "sending" record is committed together with the outcome of the delivery before it, right after
    /// that one's SMTP transaction: one commit per message, and the outcome of each is on disk before anything else
    /// happens (no pacing wait, no next batch). A result means the run ends here, with everything recorded.
    /// </summary>
    private async Task<MailingRun?> DeliverAsync(Work work, Mailing mailing, Delivery delivery, CancellationToken cancellationToken)
    {
        // Read now, not with the batch: an unsubscribe takes effect for the very next message.
        var reader = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Id == delivery.SubscriberId, CancellationToken.None);
        if (reader is null)
        {
            // Deleted on request since the batch was read; their delivery went with them.
            db.Entry(delivery).State = EntityState.Detached;
            return null;
        }

        if (!reader.IsActive)
        {
            delivery.Cancel($"not sent: the subscriber was {reader.Status.ToString().ToLowerInvariant()} by then");
            return null;
        }

        if (mailing.Kind == MailingKind.Post && !await PostIsPublishedAsync(mailing, CancellationToken.None))
        {
            return await StopAsync(mailing, "stopped: the post was unpublished before everyone had it");
        }

        if (work.Connection is not { IsOpen: true })
        {
            try
            {
                work.Connection = await mailer.OpenAsync(cancellationToken);
            }
            catch (SmtpUnavailableException ex)
            {
                // Nobody was tried: this delivery waits, untouched, for the next connection.
                if (ex.Outcome.Result == SendResult.ConnectionLost && ++work.Reconnects < ReconnectsInARow)
                {
                    return null;
                }

                return await WaitForServerAsync(mailing, work.Owner, ex.Outcome);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return await SaveHoldingAsync(mailing, work.Owner) ? MailingRun.Cancelled : MailingRun.Busy;
            }
        }

        delivery.BeginAttempt(Now());
        if (!await SaveHoldingAsync(mailing, work.Owner))
        {
            return MailingRun.Busy;
        }

        try
        {
            await pacer.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Recorded as sending and not sent: the next run sends it.
            return MailingRun.Cancelled;
        }

        var message = work.Email.For(mailer.Options.From, reader.Email, work.Site.UnsubscribeUrl(reader.UnsubscribeToken),
            ComposedEmail.MessageIdFor(mailing.Id, reader.Id, work.Site.BaseUrl), clock.GetUtcNow(), work.Site.ListId);
        var outcome = await work.Connection.SendAsync(message, CancellationToken.None);
        if (Record(work, mailing, delivery, reader, outcome) is { } end)
        {
            return await SaveHoldingAsync(mailing, work.Owner) ? end : MailingRun.Busy;
        }

        return null;
    }

    private MailingRun? Record(Work work, Mailing mailing, Delivery delivery, Subscriber reader, SendOutcome outcome)
    {
        var now = Now();
        var reason = outcome.Reason ?? outcome.Result.ToString();
        switch (outcome.Result)
        {
            case SendResult.Sent:
                delivery.Sent(now);
                reader.DeliveredOnce();
                work.Reconnects = 0;
                if (mailing.ServerFailures > 0)
                {
                    mailing.ServerWorked();
                }

                return null;
            case SendResult.Deferred:
                if (delivery.Attempts >= options.MaxAttempts)
                {
                    delivery.Fail($"gave up after {delivery.Attempts} tries; the last answer was: {reason}");
                }
                else
                {
                    delivery.RetryLater(reason, now + Backoff.After(delivery.Attempts));
                }

                return null;
            case SendResult.RecipientRejected:
                delivery.Fail(reason);
                reader.RefusedPermanently(reason, options.BounceAfter, now);
                return null;
            case SendResult.MessageRejected:
                // The server refused what we sent, not who we sent it to: no bounce is counted against the reader.
                delivery.Fail(reason);
                return null;
            case SendResult.ConnectionLost:
                if (delivery.Attempts >= options.MaxAttempts)
                {
                    delivery.Fail($"gave up after {delivery.Attempts} tries; the connection broke each time: {reason}");
                }
                else
                {
                    delivery.Interrupted(reason);
                }

                // A dropped connection is often the server's per-connection limit: the next one usually works.
                return ++work.Reconnects < ReconnectsInARow ? null : PauseForServer(mailing, outcome);
            default:
                // Busy (421) or refusing us: not this reader's fault, and nobody else would get through either.
                delivery.Postpone(reason);
                return PauseForServer(mailing, outcome);
        }
    }

    private async Task<MailingRun> WaitForServerAsync(Mailing mailing, string owner, SendOutcome outcome)
    {
        PauseForServer(mailing, outcome);
        return await SaveHoldingAsync(mailing, owner) ? MailingRun.Waiting : MailingRun.Busy;
    }

    private MailingRun PauseForServer(Mailing mailing, SendOutcome outcome)
    {
        var wait = outcome.Result == SendResult.ServerRefused ? TimeSpan.FromMinutes(15) : Backoff.After(mailing.ServerFailures + 1);
        mailing.WaitForServer(outcome.Reason ?? outcome.Result.ToString(), Now() + wait);
        logger.LogWarning("Newsletter mailing {Mailing} waits until {RetryAt:u}: {Reason}", mailing.Id, mailing.RetryAt, mailing.LastError);
        return MailingRun.Waiting;
    }

    private async Task<MailingRun> FinishOrWaitAsync(Mailing mailing, string owner)
    {
        var left = db.Set<Delivery>().Where(d => d.MailingId == mailing.Id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending));
        var finished = !await left.AnyAsync(CancellationToken.None);
        if (finished)
        {
            mailing.Finish(Now());
        }
        else
        {
            mailing.WaitUntil(await left.MinAsync(d => d.NextAttemptAt, CancellationToken.None) ?? Now());
        }

        return !await SaveHoldingAsync(mailing, owner) ? MailingRun.Busy : finished ? MailingRun.Finished : MailingRun.Waiting;
    }

    /// <summary>Stops the mailing and every delivery not yet made, in one transaction.</summary>
    private async Task<MailingRun> StopAsync(Mailing mailing, string reason)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.Set<Delivery>()
            .Where(d => d.MailingId == mailing.Id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Stopped), CancellationToken.None);
        mailing.Stop(reason, Now());
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return MailingRun.Stopped;
    }

    /// <summary>Saves with the lease renewed; false when another worker holds it now, and then nothing was saved.</summary>
    private async Task<bool> SaveHoldingAsync(Mailing mailing, string owner)
    {
        mailing.Renew(owner, Now() + options.Lease);
        db.Entry(mailing).Property(m => m.LeaseUntil).IsModified = true;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // Never cut short: what happened at the SMTP server must be written down.
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt == 0 && ex.Entries.All(e => e.Entity is not Mailing))
            {
                // The subscriber was deleted on request meanwhile, and their delivery with them: nothing of theirs to record.
                foreach (var entry in ex.Entries)
                {
                    entry.State = EntityState.Detached;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogWarning("Newsletter mailing {Mailing}: another worker took it over; this one stops", mailing.Id);
                db.ChangeTracker.Clear();
                return false;
            }
        }
    }

    private Task<bool> PostIsPublishedAsync(Mailing mailing, CancellationToken cancellationToken) =>
        db.Posts.AnyAsync(p => p.Id == mailing.PostId && p.Status == PostStatus.Published, cancellationToken);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private sealed class Work(Guid mailingId, string owner, ComposedEmail email, NewsletterSite site)
    {
        public Guid MailingId { get; } = mailingId;
        public string Owner { get; } = owner;
        public ComposedEmail Email { get; } = email;
        public NewsletterSite Site { get; } = site;
        public SmtpConnection? Connection { get; set; }
        public int Reconnects { get; set; }
    }
}
