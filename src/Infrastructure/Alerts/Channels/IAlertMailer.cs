namespace Digest.Infrastructure.Alerts.Channels;

/// <summary>Sends an alert email through the site's SMTP settings (<c>Digest:Email:*</c>).</summary>
public interface IAlertMailer
{
    /// <summary>False when no SMTP server is configured: email alerts cannot go out, and Settings says so.</summary>
    bool IsConfigured { get; }

    Task SendAsync(IReadOnlyCollection<string> to, string subject, string text, CancellationToken cancellationToken);
}

/// <summary>A delivery that failed, with a reason short enough for the audit log and the Settings page.</summary>
public sealed class AlertDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
