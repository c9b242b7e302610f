using MimeKit;

namespace Digest.Infrastructure.Email;

/// <summary>
/// The app's way to send email over the configured SMTP server. Bulk senders open a <see cref="SmtpConnection"/> and
/// keep it; a single message (a confirmation, a test, an alert) goes through <see cref="SendOneAsync"/>.
/// </summary>
public sealed class SmtpMailer(EmailOptions options)
{
    public EmailOptions Options { get; } = options;

    public bool IsConfigured => Options.IsConfigured;

    public Task<SmtpConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        IsConfigured
            ? SmtpConnection.OpenAsync(Options.Smtp, cancellationToken)
            : throw new SmtpUnavailableException(new SendOutcome(SendResult.ServerRefused, "email is not configured (Digest:Email:Smtp:Host is empty)"));

    /// <summary>Connects, sends one message and disconnects; a server that cannot be used is an outcome, not an exception.</summary>
    public async Task<SendOutcome> SendOneAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await connection.SendAsync(message, cancellationToken);
        }
        catch (SmtpUnavailableException ex)
        {
            return ex.Outcome;
        }
    }
}
