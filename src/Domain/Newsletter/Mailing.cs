using System.Globalization;
using Digest.Domain.Common;

namespace Digest.Domain.Newsletter;

/// <summary>
/// One email sent to many: a published post to the daily subscribers, or a weekly roundup. It is the outbox row that
/// publishing writes in the same transaction as the post; the job server works it through its <see cref="Delivery"/> rows.
/// At most one worker holds it at a time (<see cref="LeaseOwner"/> until <see cref="LeaseUntil"/>).
/// </summary>
public sealed class Mailing
{
    private Mailing() { }

    private Mailing(string key, MailingKind kind, DeliveryFrequency audience, DateTime now)
    {
        Id = Guid.NewGuid();
        Key = key;
        Kind = kind;
        Audience = audience;
        Status = MailingStatus.Queued;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>Unique: <c>post:&lt;id&gt;</c> or <c>roundup:&lt;end&gt;</c>, so a post or a week is never mailed twice.</summary>
    public string Key { get; private set; } = "";
    public MailingKind Kind { get; private set; }
    public Guid? PostId { get; private set; }
    public DateTime? PeriodStart { get; private set; }
    public DateTime? PeriodEnd { get; private set; }
    public DeliveryFrequency Audience { get; private set; }
    public MailingStatus Status { get; private set; }
    /// <summary>How many subscribers it went to when sending started.</summary>
    public int Recipients { get; private set; }
    /// <summary>Why it was skipped or stopped, and by whom.</summary>
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    /// <summary>The SMTP server could not be used: sending waits until then.</summary>
    public DateTime? RetryAt { get; private set; }
    public string? LastError { get; private set; }
    public int ServerFailures { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntil { get; private set; }

    public bool IsFinished => Status is MailingStatus.Sent or MailingStatus.Skipped;

    public static string KeyForPost(Guid postId) => $"post:{postId:N}";

    public static string KeyForRoundup(DateTime periodEndUtc) => "roundup:" + periodEndUtc.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    public static Mailing ForPost(Guid postId, DateTime now) =>
        new(KeyForPost(postId), MailingKind.Post, DeliveryFrequency.Daily, now) { PostId = postId };

    /// <summary>The editor chose to publish without emailing (a correction, a backfill); the choice is kept with their name.</summary>
    public static Mailing SkippedPost(Guid postId, string note, DateTime now) =>
        new(KeyForPost(postId), MailingKind.Post, DeliveryFrequency.Daily, now) { PostId = postId, Status = MailingStatus.Skipped, Note = note, FinishedAt = now };

    public static Mailing Roundup(DateTime periodStart, DateTime periodEnd, DateTime now) =>
        new(KeyForRoundup(periodEnd), MailingKind.Roundup, DeliveryFrequency.Weekly, now) { PeriodStart = periodStart, PeriodEnd = periodEnd };

    /// <summary>A week with nothing to send still gets its row, so the next roundup knows where to start.</summary>
    public static Mailing EmptyRoundup(DateTime periodStart, DateTime periodEnd, DateTime now)
    {
        var mailing = Roundup(periodStart, periodEnd, now);
        mailing.Status = MailingStatus.Skipped;
        mailing.Note = "nothing was published that week";
        mailing.FinishedAt = now;
        return mailing;
    }

    /// <summary>The recipients are chosen (one delivery each): sending begins.</summary>
    public void Start(int recipients, DateTime now)
    {
        Require(MailingStatus.Queued);
        Status = MailingStatus.Sending;
        Recipients = recipients;
        StartedAt = now;
    }

    public void Finish(DateTime now)
    {
        Status = MailingStatus.Sent;
        FinishedAt = now;
        RetryAt = null;
    }

    public void Stop(string reason, DateTime now)
    {
        if (IsFinished)
        {
            return;
        }

        Status = MailingStatus.Stopped;
        Note = reason;
        FinishedAt = now;
        RetryAt = null;
    }

    /// <summary>The post was published again after it was stopped: what was not sent goes out now.</summary>
    public void Resume(string note)
    {
        if (Status != MailingStatus.Stopped)
        {
            return;
        }

        Status = StartedAt is null ? MailingStatus.Queued : MailingStatus.Sending;
        Note = note;
        FinishedAt = null;
    }

    /// <summary>The server could not be used (down, busy, refused us): try again at <paramref name="retryAt"/>.</summary>
    public void WaitForServer(string error, DateTime retryAt)
    {
        ServerFailures++;
        LastError = error.Length <= 1000 ? error : error[..999] + "…";
        RetryAt = retryAt;
    }

    /// <summary>Some deliveries wait for their own retry time; nothing to do before <paramref name="at"/>.</summary>
    public void WaitUntil(DateTime at) => RetryAt = at;

    public void ServerWorked()
    {
        ServerFailures = 0;
        RetryAt = null;
    }

    public void Renew(string owner, DateTime until)
    {
        if (LeaseOwner != owner)
        {
            throw new DomainException("This worker no longer holds the mailing.");
        }

        LeaseUntil = until;
    }

    private void Require(MailingStatus status)
    {
        if (Status != status)
        {
            throw new DomainException($"A mailing that is {Status} cannot do that.");
        }
    }
}
