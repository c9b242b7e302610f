namespace Digest.Domain.Newsletter;

/// <summary>
/// One mailing to one subscriber: the outbox's row per recipient. It is written before the SMTP transaction
/// (<see cref="DeliveryStatus.Sending"/>) and after it (sent, retry later, failed), so a restart knows who is left.
/// A (mailing, subscriber) pair is unique: nobody gets the same mailing twice from two rows.
/// </summary>
public sealed class Delivery
{
    private Delivery() { }

    public Delivery(Guid mailingId, Guid subscriberId)
    {
        MailingId = mailingId;
        SubscriberId = subscriberId;
        Status = DeliveryStatus.Pending;
    }

    public long Id { get; private set; }
    public Guid MailingId { get; private set; }
    public Guid SubscriberId { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }
    public DateTime? NextAttemptAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    /// <summary>The last server answer or fault, for the admin: "550 5.1.1 no such user", "connection refused".</summary>
    public string? Error { get; private set; }

    public void BeginAttempt(DateTime now)
    {
        Status = DeliveryStatus.Sending;
        Attempts++;
        LastAttemptAt = now;
        NextAttemptAt = null;
    }

    public void Sent(DateTime now)
    {
        Status = DeliveryStatus.Sent;
        SentAt = now;
        Error = null;
        NextAttemptAt = null;
    }

    /// <summary>A temporary refusal (4xx) for this recipient: try again at <paramref name="at"/>.</summary>
    public void RetryLater(string error, DateTime at)
    {
        Status = DeliveryStatus.Pending;
        Error = Limit(error);
        NextAttemptAt = at;
    }

    /// <summary>The connection failed during this delivery; it is sent again on the next connection.</summary>
    public void Interrupted(string error)
    {
        Status = DeliveryStatus.Pending;
        Error = Limit(error);
    }

    /// <summary>The server could not be used at all (down, busy, refused us): not this reader's fault, so the try does not count.</summary>
    public void Postpone(string error)
    {
        Status = DeliveryStatus.Pending;
        Attempts = Math.Max(0, Attempts - 1);
        Error = Limit(error);
    }

    public void Fail(string error)
    {
        Status = DeliveryStatus.Failed;
        Error = Limit(error);
        NextAttemptAt = null;
    }

    public void Cancel(string reason)
    {
        Status = DeliveryStatus.Cancelled;
        Error = Limit(reason);
        NextAttemptAt = null;
    }

    private static string Limit(string text) => text.Length <= 1000 ? text : text[..999] + "…";
}
