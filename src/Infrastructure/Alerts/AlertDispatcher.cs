using Digest.Infrastructure.Alerts.Channels;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Settings;
using Digest.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Digest.Infrastructure.Alerts;

/// <summary>
/// Tells a raised alert once: claims it (the unique notice row), sends it to each channel of its rule, records what
/// was reached in the notice and the audit log, and tries failed channels again later. Also sends the test messages
/// of the Settings page.
/// </summary>
public sealed class AlertDispatcher(
    DigestDbContext db,
    AlertRecipients recipients,
    IAlertMailer mailer,
    WebhookSender webhooks,
    SiteSettingsStore site,
    TimeProvider clock,
    ILogger<AlertDispatcher> logger)
{
    public const string SystemActor = "system (alerts)";

    /// <summary>Sends <paramref name="alert"/> unless it was raised before (by this or any other process); true when this call claimed it.</summary>
    public async Task<bool> RaiseAsync(RaisedAlert alert, AlertRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(rule);
        if (await db.Set<AlertNotice>().AnyAsync(n => n.Kind == alert.Kind && n.Key == alert.Key, cancellationToken))
        {
            return false;
        }

        var notice = AlertNotice.Raise(alert, rule.Channels(), Now());
        db.Add(notice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another check (another instance) raised the same problem a moment ago: it is theirs to send.
            db.Entry(notice).State = EntityState.Detached;
            return false;
        }

        logger.LogInformation("Alert {Alert} raised: {Title}", alert.Kind.Slug(), alert.Title);
        await DeliverAsync(notice, cancellationToken);
        return true;
    }

    /// <summary>Tries again the notices whose channels failed and whose next attempt is due.</summary>
    public async Task RetryDueAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var due = await db.Set<AlertNotice>()
            .Where(n => n.CompletedAt == null && n.NextAttemptAt <= now)
            .OrderBy(n => n.RaisedAt)
            .Take(20)
            .ToListAsync(cancellationToken);
        foreach (var notice in due)
        {
            notice.Claim(now, AlertNotice.DeliveryHold);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(notice).State = EntityState.Detached;
                continue;
            }

            await DeliverAsync(notice, cancellationToken);
        }
    }

    /// <summary>Sends a test message to one channel now, whatever the rules say; audited as a test by <paramref name="by"/>.</summary>
    public async Task<string> SendTestAsync(string channel, string by, CancellationToken cancellationToken = default)
    {
        var settings = await site.GetAsync(cancellationToken);
        var message = new AlertMessage(AlertKind.DraftReady, "Test alert from Digest",
            $"{by} sent this from Settings to check that alerts reach this channel. Nothing needs doing.",
            "/admin/settings", Now(), settings.Title, IsTest: true);
        message = Absolute(message, settings.BaseUrl);
        string outcome;
        try
        {
            outcome = await SendAsync(channel, message, cancellationToken);
            Count(AlertKind.DraftReady, channel, "test");
        }
        catch (AlertDeliveryException ex)
        {
            outcome = $"failed: {ex.Message}";
            Count(AlertKind.DraftReady, channel, "failed");
        }

        db.Set<AuditEntry>().Add(AuditEntry.Record(Now(), by, AlertAudit.TestSent, AlertAudit.Subject(channel, await NameAsync(channel, cancellationToken)), outcome));
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task DeliverAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var settings = await site.GetAsync(cancellationToken);
        var message = Absolute(notice.Message(settings.Title), settings.BaseUrl);
        var reached = new List<string>();
        var outcomes = new List<string>();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var channel in notice.Pending)
        {
            var name = await NameAsync(channel, cancellationToken);
            try
            {
                var detail = await SendAsync(channel, message, cancellationToken);
                reached.Add(channel);
                outcomes.Add($"{name}: {detail}");
                Count(notice.Kind, channel, "sent");
            }
            catch (Exception ex) when (ex is AlertDeliveryException || (ex is not OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = ex is AlertDeliveryException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                failed[channel] = reason;
                outcomes.Add($"{name}: failed ({reason})");
                Count(notice.Kind, channel, "failed");
                logger.LogWarning("Alert {Alert} could not be sent to {Channel}: {Reason}", notice.Kind.Slug(), name, reason);
            }
        }

        notice.Record(reached, failed, Now());
        var details = outcomes.Count == 0 ? "no channel" : string.Join("; ", outcomes);
        if (notice.CompletedAt is not null && notice.Pending.Count > 0)
        {
            details += $" — gave up after {notice.Attempts} attempts";
        }

        db.Set<AuditEntry>().Add(AuditEntry.Record(Now(), SystemActor, AlertAudit.Sent, new AuditSubject(AlertAudit.SubjectKind, notice.Kind.Slug(), notice.Title), details));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Sends to one channel; returns what happened in a few words, or throws <see cref="AlertDeliveryException"/>.</summary>
    private async Task<string> SendAsync(string channel, AlertMessage message, CancellationToken cancellationToken)
    {
        if (channel == AlertChannelIds.Email)
        {
            if (!mailer.IsConfigured)
            {
                // The mailer says what to configure.
                await mailer.SendAsync([], message.Title, message.Text, cancellationToken);
            }

            var to = await recipients.ForEmailAsync(cancellationToken);
            if (to.Count == 0)
            {
                throw new AlertDeliveryException("nobody to email: no recipients are set and no editor or admin has an address");
            }

            await mailer.SendAsync(to, (message.IsTest ? "[Digest test] " : "[Digest] ") + message.Title, EmailText(message), cancellationToken);
            return to.Count == 1 ? "emailed 1 recipient" : $"emailed {to.Count} recipients";
        }

        var webhook = AlertChannelIds.WebhookId(channel) is { } id ? await db.Set<AlertWebhook>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken) : null;
        if (webhook is null)
        {
            throw new AlertDeliveryException("the webhook was removed");
        }

        await webhooks.SendAsync(webhook, message, cancellationToken);
        return "delivered";
    }

    private async Task<string> NameAsync(string channel, CancellationToken cancellationToken)
    {
        if (channel == AlertChannelIds.Email)
        {
            return "email";
        }

        var id = AlertChannelIds.WebhookId(channel);
        var name = id is null ? null : await db.Set<AlertWebhook>().AsNoTracking().Where(w => w.Id == id).Select(w => w.Name).SingleOrDefaultAsync(cancellationToken);
        return $"webhook {name ?? channel}";
    }

    private static string EmailText(AlertMessage message) =>
        $"""
        {message.Title}

        {message.Text}
        {(message.Link is null ? "" : $"\nOpen: {message.Link}\n")}
        —
        {message.Site} · alerts are chosen in the dashboard under Settings → Alerts.
        """;

    private static AlertMessage Absolute(AlertMessage message, string? baseUrl) =>
        message.Link is { } link && !string.IsNullOrWhiteSpace(baseUrl) && Uri.TryCreate(baseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var root)
            ? message with { Link = new Uri(root, link.TrimStart('/')).AbsoluteUri }
            : message;

    private static void Count(AlertKind kind, string channel, string outcome) =>
        DigestTelemetry.AlertsSent.Add(1,
            new KeyValuePair<string, object?>("digest.alert", kind.Slug()),
            new KeyValuePair<string, object?>("digest.channel", channel == AlertChannelIds.Email ? "email" : "webhook"),
            new KeyValuePair<string, object?>("digest.outcome", outcome));

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>What alerts write to the audit log.</summary>
public static class AlertAudit
{
    public const string SubjectKind = "alert";
    public const string Sent = "alert.sent";
    public const string TestSent = "alert.test";
    public const string SettingsSaved = "alerts.saved";

    public static AuditSubject Subject(string channel, string name) => new(SubjectKind, channel, name);
}
