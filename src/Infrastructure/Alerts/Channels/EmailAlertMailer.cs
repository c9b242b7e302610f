using Digest.Infrastructure.Email;
using MimeKit;

namespace Digest.Infrastructure.Alerts.Channels;

/// <summary>
/// Alert emails through the site's one SMTP sender (<see cref="IEmailSender"/>, <c>Digest:Email:*</c>), the same one the
/// newsletter uses: one plain-text message to all the alert's recipients. A refusal becomes an
/// <see cref="AlertDeliveryException"/> in the server's own words, which the dispatcher retries and Settings shows.
/// </summary>
public sealed class EmailAlertMailer(IEmailSender sender) : IAlertMailer
{
    public bool IsConfigured => sender.IsConfigured;

    public async Task SendAsync(IReadOnlyCollection<string> to, string subject, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (!sender.IsConfigured)
        {
            throw new AlertDeliveryException("email is not set up: configure Digest:Email:Smtp:Host and Digest:Email:From");
        }

        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        var outcome = await sender.SendAsync(message, cancellationToken);
        if (outcome.Result != SendResult.Sent)
        {
            throw new AlertDeliveryException($"the SMTP server did not take the alert: {outcome.Reason ?? outcome.Result.ToString()}");
        }
    }
}
