namespace Digest.Domain.Newsletter;

/// <summary>Where a subscriber stands. Only <see cref="Active"/> subscribers are emailed.</summary>
public enum SubscriberStatus
{
    /// <summary>Asked to subscribe and has not confirmed yet (double opt-in).</summary>
    Pending,
    Active,
    /// <summary>Asked to stop. Nothing but the reader's own confirmed request makes them active again.</summary>
    Unsubscribed,
    /// <summary>Their mail server refused our mail permanently too often.</summary>
    Bounced,
}
