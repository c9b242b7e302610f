using Digest.Domain.Newsletter;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Email;
using Digest.Infrastructure.Newsletter.Composing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Newsletter.Subscribing;

/// <summary>
/// Sends the confirmation email a request is owed. The new link's token is recorded (as a hash) before the email goes,
/// so the link works as soon as it arrives; a failed send is tried again by the dispatcher a few minutes later.
/// </summary>
public sealed class ConfirmationSender(DigestDbContext db, IEmailSender mailer, NewsletterOptions options, TimeProvider clock, ILogger<ConfirmationSender> logger)
{
    public async Task<SendOutcome?> SendAsync(Guid subscriberId, CancellationToken cancellationToken = default)
    {
        var subscriber = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        if (subscriber is null || !subscriber.OwesConfirmation)
        {
            return null;
        }

        var settings = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        if (NewsletterSite.From(settings) is not { } site || !mailer.IsConfigured)
        {
            logger.LogWarning("A confirmation email is owed but the newsletter cannot send: set Digest:Email:Smtp:Host, Digest:Email:From and the site's base URL");
            return null;
        }

        var now = Now();
        var token = Tokens.New();
        var expires = now + options.ConfirmationLifetime;
        subscriber.IssueConfirmation(Tokens.Hash(token), expires, now);
        await db.SaveChangesAsync(cancellationToken);

        var email = NewsletterComposer.Confirmation(site, site.ConfirmUrl(token), subscriber.RequestedFrequency, expires);
        var message = email.For(mailer.Options.From, subscriber.Email, unsubscribeUrl: null, $"{Guid.NewGuid():N}@{site.BaseUrl.Host}", clock.GetUtcNow(), listId: null);
        var outcome = await mailer.SendAsync(message, cancellationToken);
        if (outcome.Result == SendResult.Sent)
        {
            subscriber.ConfirmationSent(Now());
            await db.SaveChangesAsync(CancellationToken.None);
        }
        else
        {
            logger.LogWarning("The confirmation email to subscriber {Subscriber} was not sent ({Result}: {Reason}); it is tried again later", subscriber.Id, outcome.Result, outcome.Reason);
        }

        return outcome;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
