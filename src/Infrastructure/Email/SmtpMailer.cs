using MimeKit;

namespace Digest.Infrastructure.Email;

/// <summary>The <see cref="IEmailSender"/> of the app: MailKit over the configured SMTP server.</summary>
public sealed class SmtpMailer(EmailOptions options) : IEmailSender
{
    public EmailOptions Options { get; } = options;

    public bool IsConfigured => Options.IsConfigured;

    public Task<SmtpConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        IsConfigured
            ? SmtpConnection.OpenAsync(Options.Smtp, cancellationToken)
            : throw new SmtpUnavailableException(new SendOutcome(SendResult.ServerRefused, "email is not configured (Digest:Email:Smtp:Host is empty)"));

    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            if (message.From.Count == 0)
            {
                message.From.Add(Options.From);
            }

            return await connection.SendAsync(message, cancellationToken);
        }
        catch (SmtpUnavailableException ex)
        {
            return ex.Outcome;
        }
    }
}
