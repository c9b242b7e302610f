using System.Globalization;
using Digest.Domain.Common;
using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter.Composing;
using Digest.Infrastructure.Newsletter.Dispatching;
using Digest.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Managing;

/// <summary>What the editor sees about one post's email before and after publishing.</summary>
public sealed record PostEmailState(
    bool Imported,
    IReadOnlyList<string> Blockers,
    bool Send,
    string? ChosenBy,
    DateTime? ChosenAt,
    int DailySubscribers,
    int WeeklySubscribers,
    DateTime NextRoundupUtc,
    TimeZoneInfo Zone,
    MailingReport? Mailing)
{
    /// <summary>One sentence: whether publishing emails this post, and to how many.</summary>
    public string Summary()
    {
        if (Imported)
        {
            return "Imported posts are never emailed.";
        }

        if (Mailing is { } sent)
        {
            return sent.Status switch
            {
                MailingStatus.Skipped => $"Published without emailing ({sent.Note}).",
                MailingStatus.Queued => $"Being emailed to the daily subscribers ({DailySubscribers}).",
                _ => $"Emailed to {sent.Recipients} daily subscriber(s): {sent.Counts.Describe()} — {sent.DescribeState()}.",
            };
        }

        if (!Send)
        {
            return $"Will be published without emailing ({ChosenBy} chose so).";
        }

        var roundup = WeeklySubscribers > 0
            ? $" {WeeklySubscribers} weekly subscriber(s) get it in the roundup on {TimeZoneInfo.ConvertTimeFromUtc(NextRoundupUtc, Zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)} ({Zone.Id})."
            : "";
        var blocked = Blockers.Count > 0 ? " Nothing can be sent until: " + string.Join("; ", Blockers) + "." : "";
        return $"When published, it is emailed to {DailySubscribers} daily subscriber(s).{roundup}{blocked}";
    }
}

/// <summary>
/// The editor's side of the newsletter for one post: what publishing will send, the recorded choice to publish without
/// emailing, and a test email to themselves (the real email, marked as a test, to nobody else).
/// </summary>
public sealed class PostNewsletter(DigestDbContext db, IEmailSender mailer, NewsletterComposer composer, PostRenderer renderer, NewsletterReports reports, TimeProvider clock)
{
    public async Task<PostEmailState> StateAsync(Guid postId, CancellationToken cancellationToken = default)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.Origin }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("That post no longer exists.");
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var choice = await db.Set<NewsletterChoice>().AsNoTracking().SingleOrDefaultAsync(c => c.PostId == postId, cancellationToken);
        var active = await db.Set<Subscriber>().AsNoTracking().Where(s => s.Status == SubscriberStatus.Active)
            .GroupBy(s => s.Frequency).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var schedule = RoundupPlanner.ScheduleOf(settings);
        return new PostEmailState(
            post.Origin == PostOrigin.Imported,
            Blockers(settings),
            choice?.Send ?? true,
            choice?.ChosenBy,
            choice?.ChosenAt,
            active.FirstOrDefault(a => a.Key == DeliveryFrequency.Daily)?.Count ?? 0,
            active.FirstOrDefault(a => a.Key == DeliveryFrequency.Weekly)?.Count ?? 0,
            schedule.NextAfter(clock.GetUtcNow().UtcDateTime),
            schedule.Zone,
            await reports.ForPostAsync(postId, cancellationToken));
    }

    /// <summary>What stops the newsletter from sending anything at all, in words an admin can act on.</summary>
    public IReadOnlyList<string> Blockers(SiteSettings settings)
    {
        var blockers = new List<string>();
        if (!mailer.IsConfigured)
        {
            blockers.Add("email is not configured (Digest:Email:Smtp:Host and Digest:Email:From)");
        }

        if (NewsletterSite.From(settings) is null)
        {
            blockers.Add("the site's base URL is not set (Settings)");
        }

        return blockers;
    }

    /// <summary>Records whether the post is emailed when it is published; it can change until then.</summary>
    public async Task ChooseAsync(Guid postId, bool send, string by, CancellationToken cancellationToken = default)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken) ?? throw new DomainException("That post no longer exists.");
        if (post.Origin == PostOrigin.Imported)
        {
            throw new DomainException("Imported posts are never emailed.");
        }

        if (await db.Set<Mailing>().AnyAsync(m => m.Key == Mailing.KeyForPost(postId), cancellationToken))
        {
            throw new DomainException("This post was published already; what was chosen then stands.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var choice = await db.Set<NewsletterChoice>().SingleOrDefaultAsync(c => c.PostId == postId, cancellationToken);
        if (choice is null)
        {
            db.Add(new NewsletterChoice(postId, send, by, now));
        }
        else
        {
            choice.Change(send, by, now);
        }

        db.Set<AuditEntry>().Add(AuditEntry.Record(now, by, NewsletterAudit.EmailChoice, AuditSubject.Post(post), send ? "email it when published" : "publish without emailing"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sends the post's email as subscribers would get it, to <paramref name="to"/> only, with "[Test]" in the subject.</summary>
    public async Task<SendOutcome> SendTestAsync(Guid postId, string to, string by, CancellationToken cancellationToken = default)
    {
        var address = EmailAddress.Parse(to);
        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        if (Blockers(settings) is { Count: > 0 } blockers)
        {
            throw new DomainException("No email can be sent yet: " + string.Join("; ", blockers) + ".");
        }

        var site = NewsletterSite.From(settings)!;
        var post = await db.Posts.AsNoTracking().Include(p => p.Sections.OrderBy(s => s.Position)).ThenInclude(s => s.Sources).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == postId, cancellationToken) ?? throw new DomainException("That post no longer exists.");
        // A draft has no stored rendering yet; this copy is rendered here and never saved.
        renderer.Render(post);
        var email = await composer.ForPostAsync(post, site, DeliveryFrequency.Daily, cancellationToken);
        var message = (email with { Subject = "[Test] " + email.Subject })
            .For(mailer.Options.From, address.Value, new Uri(site.BaseUrl, "unsubscribe?token=test-email"), $"{Guid.NewGuid():N}@{site.BaseUrl.Host}", clock.GetUtcNow(), listId: null);
        var outcome = await mailer.SendAsync(message, cancellationToken);
        db.Set<AuditEntry>().Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, by, NewsletterAudit.TestEmail, new AuditSubject(AuditSubject.PostKind, post.Id.ToString(), $"{post.Title} ({post.Slug})"),
            outcome.Result == SendResult.Sent ? $"test email sent to {address.Value}" : $"test email to {address.Value} failed: {outcome.Reason}"));
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }
}
