using Digest.Domain.Common;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Newsletter.Subscribing;

public enum ConfirmResult
{
    Confirmed,
    AlreadyActive,
    Expired,
    Invalid,
}

/// <summary>
/// What a reader does without signing in: ask to subscribe (double opt-in), confirm from the email, unsubscribe or change
/// how often from the link in every email. Asking to subscribe answers the same whatever the address's state, so the form
/// never tells a stranger who is subscribed.
/// </summary>
public sealed class Subscriptions(DigestDbContext db, NewsletterOptions options, NewsletterSignal signal, TimeProvider clock)
{
    /// <summary>Records the request; a confirmation email follows unless the address is already active or was asked for very recently.</summary>
    public async Task RequestAsync(EmailAddress email, DeliveryFrequency frequency, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = Now();
            var subscriber = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Email == email.Value, cancellationToken);
            var owed = subscriber is null || subscriber.RequestConfirmation(frequency, now, options.ConfirmationCooldown);
            if (subscriber is null)
            {
                db.Add(Subscriber.RequestedFromForm(email, frequency, now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (owed)
                {
                    signal.Wake();
                }

                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same address arrived twice at once: the other request made the row; ask again.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<ConfirmResult> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        var subscriber = await ByConfirmationTokenAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return ConfirmResult.Invalid;
        }

        if (subscriber.IsActive)
        {
            return ConfirmResult.AlreadyActive;
        }

        var now = Now();
        if (subscriber.ConfirmationHasExpired(now))
        {
            return ConfirmResult.Expired;
        }

        subscriber.Confirm(now);
        // Their own new consent lifts a suppression left by an earlier deletion.
        var hash = EmailAddress.Parse(subscriber.Email).SuppressionHash;
        await db.Set<Suppression>().Where(s => s.Hash == hash).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ConfirmResult.Confirmed;
    }

    /// <summary>The subscriber an unsubscribe link names, or null for a link that is not (or no longer) valid.</summary>
    public async Task<Subscriber?> FindAsync(string? unsubscribeToken, CancellationToken cancellationToken = default) =>
        Tokens.LooksValid(unsubscribeToken)
            ? await db.Set<Subscriber>().AsNoTracking().SingleOrDefaultAsync(s => s.UnsubscribeToken == unsubscribeToken, cancellationToken)
            : null;

    /// <summary>Unsubscribes at once; false for a link that is not valid. Unsubscribing twice is harmless.</summary>
    public async Task<bool> UnsubscribeAsync(string? unsubscribeToken, CancellationToken cancellationToken = default)
    {
        var subscriber = await TrackedAsync(unsubscribeToken, cancellationToken);
        if (subscriber is null)
        {
            return false;
        }

        subscriber.Unsubscribe(Now());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> ChangeFrequencyAsync(string? unsubscribeToken, DeliveryFrequency frequency, CancellationToken cancellationToken = default)
    {
        var subscriber = await TrackedAsync(unsubscribeToken, cancellationToken);
        if (subscriber is null)
        {
            return false;
        }

        if (!subscriber.IsActive)
        {
            throw new DomainException("You are not subscribed any more; subscribe again to choose how often you hear from us.");
        }

        subscriber.ChangeFrequency(frequency, Now());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<Subscriber?> TrackedAsync(string? unsubscribeToken, CancellationToken cancellationToken) =>
        Tokens.LooksValid(unsubscribeToken)
            ? await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.UnsubscribeToken == unsubscribeToken, cancellationToken)
            : null;

    private async Task<Subscriber?> ByConfirmationTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Tokens.LooksValid(token))
        {
            return null;
        }

        var hash = Tokens.Hash(token!);
        return await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.ConfirmationTokenHash == hash, cancellationToken);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
