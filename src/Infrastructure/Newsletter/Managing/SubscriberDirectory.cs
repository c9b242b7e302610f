using Digest.Domain.Common;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Managing;

/// <summary>A subscriber as the admin list shows them.</summary>
public sealed record SubscriberRow(
    Guid Id, string Email, SubscriberStatus Status, DeliveryFrequency Frequency, string Source, DateTime CreatedAt, DateTime? ConfirmedAt,
    DateTime? UnsubscribedAt, DateTime? BouncedAt, int PermanentFailures, string? LastFailure);

public sealed record SubscriberPage(IReadOnlyList<SubscriberRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The admin's side of the subscriber list: search, counts, and the few changes an admin may make. Deleting on request
/// keeps nothing but the address's suppression hash (and an audit line without the address).
/// </summary>
public sealed class SubscriberDirectory(DigestDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;
    public const string AuditKind = "subscriber";

    public async Task<SubscriberPage> SearchAsync(string? text, SubscriberStatus? status, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Subscriber>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            // Addresses are stored in lower case; a plain substring match is index-free but fine for a list of this size.
            var term = text.Trim().ToLowerInvariant();
            query = query.Where(s => s.Email.Contains(term));
        }

        if (status is { } wanted)
        {
            query = query.Where(s => s.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(page, 1, pages);
        var rows = await query.OrderBy(s => s.Email).Skip((number - 1) * PageSize).Take(PageSize)
            .Select(s => new SubscriberRow(s.Id, s.Email, s.Status, s.Frequency, s.Source, s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt, s.BouncedAt, s.PermanentFailures, s.LastFailure))
            .ToListAsync(cancellationToken);
        return new SubscriberPage(rows, total, number, pages);
    }

    public async Task<IReadOnlyDictionary<SubscriberStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.Set<Subscriber>().AsNoTracking().GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<SubscriberStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>Deletes the subscriber and everything sent to them; only the suppression hash stays. An address that was not
    /// on the list is suppressed all the same, since its owner asked. True when there was a subscriber to delete.</summary>
    public async Task<bool> RemoveAsync(EmailAddress email, string by, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Email == email.Value, cancellationToken);
        if (subscriber is not null)
        {
            db.Remove(subscriber);
        }

        if (await db.Set<Suppression>().FindAsync([email.SuppressionHash], cancellationToken) is null)
        {
            db.Add(new Suppression(email.SuppressionHash, now));
        }

        db.Set<AuditEntry>().Add(AuditEntry.Record(now, by, NewsletterAudit.SubscriberDeleted, new AuditSubject(AuditKind, null, "a subscriber (address not kept)"),
            subscriber is null ? "not on the list; suppressed" : "deleted on request; only a suppression hash is kept"));
        await db.SaveChangesAsync(cancellationToken);
        return subscriber is not null;
    }

    public async Task<bool> RemoveAsync(Guid id, string by, CancellationToken cancellationToken = default)
    {
        var email = await db.Set<Subscriber>().AsNoTracking().Where(s => s.Id == id).Select(s => s.Email).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("That subscriber no longer exists.");
        return await RemoveAsync(EmailAddress.Parse(email), by, cancellationToken);
    }

    public Task ReactivateAsync(Guid id, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, by, NewsletterAudit.SubscriberReactivated, (s, now) => s.ReactivateBounced(now), cancellationToken);

    public Task UnsubscribeAsync(Guid id, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, by, NewsletterAudit.SubscriberUnsubscribed, (s, now) => s.Unsubscribe(now), cancellationToken);

    private async Task ChangeAsync(Guid id, string by, string action, Action<Subscriber, DateTime> change, CancellationToken cancellationToken)
    {
        var subscriber = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new DomainException("That subscriber no longer exists.");
        var now = clock.GetUtcNow().UtcDateTime;
        change(subscriber, now);
        db.Set<AuditEntry>().Add(AuditEntry.Record(now, by, action, new AuditSubject(AuditKind, subscriber.Id.ToString(), subscriber.Email)));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The newsletter's audit actions.</summary>
public static class NewsletterAudit
{
    public const string SubscriberDeleted = "subscriber.deleted";
    public const string SubscriberReactivated = "subscriber.reactivated";
    public const string SubscriberUnsubscribed = "subscriber.unsubscribed";
    public const string SubscribersImported = "subscribers.imported";
    public const string EmailChoice = "post.email-choice";
    public const string TestEmail = "post.test-email";
    public const string RoundupSettings = "settings.roundup";
}
