using MimeKit;

namespace Digest.Infrastructure.Email;

/// <summary>
/// Outgoing email over the SMTP server configured in <c>Digest:Email</c> (<see cref="EmailOptions"/>), for everything
/// that sends it: newsletter confirmations and mailings, an editor's test email, operational alerts. Register it with
/// <see cref="EmailServiceCollectionExtensions.AddEmail"/>. Faults are <see cref="SendOutcome"/>s, not exceptions, so a
/// caller decides what a refusal means for it (retry, record, give up) in the server's own words.
/// </summary>
public interface IEmailSender
{
    EmailOptions Options { get; }

    /// <summary>False while <c>Digest:Email:Smtp:Host</c> is empty: nothing can be sent, and callers say so.</summary>
    bool IsConfigured { get; }

    /// <summary>Connects, sends one message and disconnects. A message without a From gets <c>Digest:Email:From</c>.</summary>
    Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);

    /// <summary>For many messages: one open, signed-in connection to keep (<see cref="SmtpUnavailableException"/> says why not).</summary>
    Task<SmtpConnection> OpenAsync(CancellationToken cancellationToken = default);
}
