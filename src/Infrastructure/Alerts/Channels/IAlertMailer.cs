namespace Digest.Infrastructure.Alerts.Channels;

/// <summary>Sends an alert email through the site's SMTP settings (<c>Digest:Email:*</c>).</summary>
public interface IAlertMailer
{
    /// <summary>False when no SMTP server is configured: email alerts cannot go out, and Settings says so.</summary>
    bool IsConfigured { get; }

    Task SendAsync(IReadOnlyCollection<string> to, string subject, string text, CancellationToken cancellationToken);
}

/// <summary>Until an SMTP server is configured, every email alert fails with a reason an admin can act on.</summary>
public sealed class NoAlertMailer : IAlertMailer
{
    public bool IsConfigured => false;

    public Task SendAsync(IReadOnlyCollection<string> to, string subject, string text, CancellationToken cancellationToken) =>
        throw new AlertDeliveryException("email is not set up: configure Digest:Email:Smtp:Host and Digest:Email:From");
}

/// <summary>A delivery that failed, with a reason short enough for the audit log and the Settings page.</summary>
public sealed class AlertDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
