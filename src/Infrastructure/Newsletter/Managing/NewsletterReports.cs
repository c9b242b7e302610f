using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Managing;

/// <summary>How many deliveries of a mailing are in each state.</summary>
public sealed record DeliveryCounts(int Sent, int Failed, int Pending, int Cancelled, int Stopped)
{
    public static readonly DeliveryCounts None = new(0, 0, 0, 0, 0);

    public int Total => Sent + Failed + Pending + Cancelled + Stopped;

    public string Describe() =>
        $"{Sent} sent, {Failed} failed, {Pending} pending" + (Cancelled > 0 ? $", {Cancelled} cancelled (left the list first)" : "") + (Stopped > 0 ? $", {Stopped} stopped" : "");
}

/// <summary>A mailing as the admin's list and the <c>newsletter status</c> verb show it.</summary>
public sealed record MailingReport(
    Guid Id, MailingKind Kind, string Label, string? PostSlug, MailingStatus Status, int Recipients, DeliveryCounts Counts, string? Note,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, DateTime? RetryAt, string? LastError)
{
    public string DescribeState() => Status switch
    {
        MailingStatus.Queued => "queued: sending starts within moments on the job server",
        MailingStatus.Sending when RetryAt is { } at => $"sending, paused until {at:yyyy-MM-dd HH:mm} UTC" + (LastError is null ? "" : $" ({LastError})"),
        MailingStatus.Sending => "sending",
        MailingStatus.Sent => "sent",
        MailingStatus.Stopped => Note ?? "stopped",
        MailingStatus.Skipped => Note ?? "skipped",
        _ => Status.ToString(),
    };
}

/// <summary>One delivery that did not go through, with the server's reason.</summary>
public sealed record DeliveryProblem(string Email, DeliveryStatus Status, int Attempts, DateTime? LastAttemptAt, DateTime? NextAttemptAt, string? Error);

/// <summary>What was sent to whom: mailings newest first with their counts, and the reasons of the deliveries that failed.</summary>
public sealed class NewsletterReports(DigestDbContext db)
{
    public async Task<IReadOnlyList<MailingReport>> RecentAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        var mailings = await db.Set<Mailing>().AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(take).ToListAsync(cancellationToken);
        return await ReportAsync(mailings, cancellationToken);
    }

    public async Task<MailingReport?> FindAsync(Guid mailingId, CancellationToken cancellationToken = default)
    {
        var mailing = await db.Set<Mailing>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == mailingId, cancellationToken);
        return mailing is null ? null : (await ReportAsync([mailing], cancellationToken))[0];
    }

    public async Task<MailingReport?> ForPostAsync(Guid postId, CancellationToken cancellationToken = default)
    {
        var mailing = await db.Set<Mailing>().AsNoTracking().SingleOrDefaultAsync(m => m.Key == Mailing.KeyForPost(postId), cancellationToken);
        return mailing is null ? null : (await ReportAsync([mailing], cancellationToken))[0];
    }

    /// <summary>Deliveries that failed, wait for a retry, or were cancelled, with the reason; at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<DeliveryProblem>> ProblemsAsync(Guid mailingId, int take = 200, CancellationToken cancellationToken = default) =>
        await db.Set<Delivery>().AsNoTracking()
            .Where(d => d.MailingId == mailingId && (d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Cancelled || (d.Status == DeliveryStatus.Pending && d.Error != null)))
            .OrderBy(d => d.Status).ThenBy(d => d.Id)
            .Take(take)
            .Join(db.Set<Subscriber>(), d => d.SubscriberId, s => s.Id, (d, s) => new DeliveryProblem(s.Email, d.Status, d.Attempts, d.LastAttemptAt, d.NextAttemptAt, d.Error))
            .ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<MailingReport>> ReportAsync(IReadOnlyList<Mailing> mailings, CancellationToken cancellationToken)
    {
        var ids = mailings.Select(m => m.Id).ToList();
        var counts = await db.Set<Delivery>().AsNoTracking().Where(d => ids.Contains(d.MailingId))
            .GroupBy(d => new { d.MailingId, d.Status }).Select(g => new { g.Key.MailingId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var postIds = mailings.Where(m => m.PostId is not null).Select(m => m.PostId!.Value).ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).Select(p => new { p.Id, p.Slug, p.Title, p.Date }).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. mailings.Select(m =>
        {
            int Count(params DeliveryStatus[] statuses) => counts.Where(c => c.MailingId == m.Id && statuses.Contains(c.Status)).Sum(c => c.Count);
            var tally = new DeliveryCounts(Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed), Count(DeliveryStatus.Pending, DeliveryStatus.Sending), Count(DeliveryStatus.Cancelled), Count(DeliveryStatus.Stopped));
            var post = m.PostId is { } id ? posts.GetValueOrDefault(id) : null;
            var label = m.Kind == MailingKind.Roundup
                ? $"Weekly roundup {m.PeriodStart:yyyy-MM-dd} – {m.PeriodEnd:yyyy-MM-dd}"
                : post is null ? "a deleted post" : $"{post.Title} ({post.Date:yyyy-MM-dd})";
            return new MailingReport(m.Id, m.Kind, label, post?.Slug, m.Status, m.Recipients, tally, m.Note, m.CreatedAt, m.StartedAt, m.FinishedAt, m.RetryAt, m.LastError);
        })];
    }
}
