namespace Digest.Domain.Newsletter;

public enum MailingKind
{
    /// <summary>One post, to the daily subscribers.</summary>
    Post,
    /// <summary>The week's posts in one email, to the weekly subscribers.</summary>
    Roundup,
}

public enum MailingStatus
{
    /// <summary>Written when the post was published; recipients are chosen when sending starts.</summary>
    Queued,
    /// <summary>Deliveries exist and some are not finished yet.</summary>
    Sending,
    /// <summary>Every delivery has ended (sent, failed or cancelled).</summary>
    Sent,
    /// <summary>The post was unpublished while sending: the deliveries left were stopped (publishing it again resumes them).</summary>
    Stopped,
    /// <summary>Published without emailing, by an editor's recorded choice (or nothing to send).</summary>
    Skipped,
}

public enum DeliveryStatus
{
    /// <summary>Not sent yet (or to be tried again at <see cref="Delivery.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>Recorded just before the SMTP transaction; if the process dies here, the message is sent again.</summary>
    Sending,
    Sent,
    /// <summary>Refused for good, or given up after the last retry; <see cref="Delivery.Error"/> says why.</summary>
    Failed,
    /// <summary>Not sent because the subscriber left (unsubscribed, bounced) before their turn.</summary>
    Cancelled,
    /// <summary>Not sent because the post was unpublished; publishing it again sends these.</summary>
    Stopped,
}
