using Digest.Domain.Common;

namespace Digest.Domain.Newsletter;

/// <summary>
/// A reader who asked for the newsletter. Consent is double opt-in: a request from the form only records that a
/// confirmation email is owed; the reader becomes <see cref="SubscriberStatus.Active"/> when they follow its link.
/// Someone who unsubscribed stays unsubscribed until they themselves confirm again; no import or admin can undo that.
/// </summary>
public sealed class Subscriber
{
    public const string FromForm = "form";
    public const string FromImport = "import";

    private Subscriber() { }

    private Subscriber(EmailAddress email, SubscriberStatus status, DeliveryFrequency frequency, string source, DateTime now)
    {
        Id = Guid.NewGuid();
        Email = email.Value;
        Status = status;
        Frequency = frequency;
        RequestedFrequency = frequency;
        Source = source;
        CreatedAt = now;
        UpdatedAt = now;
        UnsubscribeToken = Tokens.New();
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public SubscriberStatus Status { get; private set; }
    public DeliveryFrequency Frequency { get; private set; }
    /// <summary>What the last request from the form asked for; it takes effect when confirmed.</summary>
    public DeliveryFrequency RequestedFrequency { get; private set; }
    /// <summary>How they came: <see cref="FromForm"/> or <see cref="FromImport"/>.</summary>
    public string Source { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public DateTime? UnsubscribedAt { get; private set; }
    public DateTime? BouncedAt { get; private set; }
    /// <summary>Lets the holder unsubscribe (or change frequency) without signing in; it is in every email we send them.</summary>
    public string UnsubscribeToken { get; private set; } = "";
    /// <summary>When the form last asked for a confirmation email; null once confirmed or unsubscribed.</summary>
    public DateTime? ConfirmationRequestedAt { get; private set; }
    public DateTime? ConfirmationSentAt { get; private set; }
    public DateTime? ConfirmationAttemptedAt { get; private set; }
    /// <summary>SHA-256 of the token in the confirmation link; the link itself is only in the reader's inbox.</summary>
    public string? ConfirmationTokenHash { get; private set; }
    public DateTime? ConfirmationExpiresAt { get; private set; }
    /// <summary>Permanent (5xx) refusals in a row; a delivery that goes through resets it.</summary>
    public int PermanentFailures { get; private set; }
    public string? LastFailure { get; private set; }

    public bool IsActive => Status == SubscriberStatus.Active;

    /// <summary>Someone typed this address into the form: a pending subscriber who is owed a confirmation email.</summary>
    public static Subscriber RequestedFromForm(EmailAddress email, DeliveryFrequency frequency, DateTime now) =>
        new(email, SubscriberStatus.Pending, frequency, FromForm, now) { ConfirmationRequestedAt = now };

    /// <summary>An admin imported the address from a list whose consent they vouch for.</summary>
    public static Subscriber Imported(EmailAddress email, DeliveryFrequency frequency, DateTime now) =>
        new(email, SubscriberStatus.Active, frequency, FromImport, now) { ConfirmedAt = now };

    /// <summary>
    /// The form asked again for this address. An active subscriber is left as they are (the form must not change their
    /// preferences on a stranger's word); anyone else is owed a confirmation email, at most one per <paramref name="cooldown"/>.
    /// </summary>
    /// <returns>True when a confirmation email should be sent.</returns>
    public bool RequestConfirmation(DeliveryFrequency frequency, DateTime now, TimeSpan cooldown)
    {
        if (IsActive || (ConfirmationRequestedAt is { } last && now - last < cooldown))
        {
            return false;
        }

        RequestedFrequency = frequency;
        ConfirmationRequestedAt = now;
        Touch(now);
        return true;
    }

    /// <summary>A confirmation email owed and not yet sent (or whose sending failed).</summary>
    public bool OwesConfirmation => !IsActive && ConfirmationRequestedAt is { } requested && (ConfirmationSentAt is null || ConfirmationSentAt < requested);

    /// <summary>Records the new link's token (only its hash) before the email with it is sent.</summary>
    public void IssueConfirmation(string tokenHash, DateTime expiresAt, DateTime now)
    {
        ConfirmationTokenHash = tokenHash;
        ConfirmationExpiresAt = expiresAt;
        ConfirmationAttemptedAt = now;
        Touch(now);
    }

    public void ConfirmationSent(DateTime now)
    {
        ConfirmationSentAt = now;
        Touch(now);
    }

    public bool ConfirmationHasExpired(DateTime now) => ConfirmationExpiresAt is not { } expires || expires <= now;

    /// <summary>The reader followed the link in the confirmation email.</summary>
    public void Confirm(DateTime now)
    {
        if (IsActive)
        {
            return;
        }

        if (ConfirmationTokenHash is null || ConfirmationHasExpired(now))
        {
            throw new DomainException("This confirmation link has expired. Subscribe again to get a new one.");
        }

        Status = SubscriberStatus.Active;
        Frequency = RequestedFrequency;
        ConfirmedAt = now;
        UnsubscribedAt = null;
        BouncedAt = null;
        PermanentFailures = 0;
        LastFailure = null;
        // The link keeps working until it expires, so a second click says "already subscribed" rather than "invalid".
        ConfirmationRequestedAt = null;
        Touch(now);
    }

    /// <summary>Stops all email at once. Unsubscribing twice keeps the first date.</summary>
    public void Unsubscribe(DateTime now)
    {
        if (Status == SubscriberStatus.Unsubscribed)
        {
            return;
        }

        Status = SubscriberStatus.Unsubscribed;
        UnsubscribedAt = now;
        ClearConfirmation();
        Touch(now);
    }

    public void ChangeFrequency(DeliveryFrequency frequency, DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainException("Only an active subscriber can change how often they hear from us.");
        }

        Frequency = frequency;
        RequestedFrequency = frequency;
        Touch(now);
    }

    /// <summary>An import names a pending address: the admin vouches for consent. Unsubscribed and bounced addresses stay as they are.</summary>
    public bool ActivateFromImport(DeliveryFrequency frequency, DateTime now)
    {
        if (Status != SubscriberStatus.Pending)
        {
            return false;
        }

        Status = SubscriberStatus.Active;
        Frequency = frequency;
        RequestedFrequency = frequency;
        ConfirmedAt = now;
        ClearConfirmation();
        Touch(now);
        return true;
    }

    /// <summary>An admin says a bounced address works again (the reader fixed their mailbox).</summary>
    public void ReactivateBounced(DateTime now)
    {
        if (Status != SubscriberStatus.Bounced)
        {
            throw new DomainException("Only a bounced subscriber can be made active again by an admin; others confirm for themselves.");
        }

        Status = SubscriberStatus.Active;
        BouncedAt = null;
        PermanentFailures = 0;
        LastFailure = null;
        Touch(now);
    }

    public void DeliveredOnce() => PermanentFailures = 0;

    /// <summary>Their server refused a message for good (5xx); after <paramref name="bounceAfter"/> in a row they are bounced.</summary>
    public void RefusedPermanently(string reason, int bounceAfter, DateTime now)
    {
        PermanentFailures++;
        LastFailure = reason.Length <= 500 ? reason : reason[..499] + "…";
        if (IsActive && PermanentFailures >= Math.Max(1, bounceAfter))
        {
            Status = SubscriberStatus.Bounced;
            BouncedAt = now;
        }

        Touch(now);
    }

    private void ClearConfirmation()
    {
        ConfirmationRequestedAt = null;
        ConfirmationTokenHash = null;
        ConfirmationExpiresAt = null;
    }

    private void Touch(DateTime now) => UpdatedAt = now;
}
