using System.Net.Mail;
using Digest.Domain.Common;
using Digest.Infrastructure.Alerts.Channels;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Digest.Infrastructure.Alerts;

/// <summary>What the Alerts part of Settings reads and changes: rules, webhooks, email recipients. Every change is audited.</summary>
public sealed class AlertSettingsEditor(DigestDbContext db, IAlertMailer mailer, TimeProvider clock)
{
    public async Task<AlertSetup> LoadAsync(CancellationToken cancellationToken = default)
    {
        var settings = await db.Set<AlertSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new AlertSettings();
        var webhooks = await db.Set<AlertWebhook>().AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        return new AlertSetup(await AlertMonitor.LoadRulesAsync(db, cancellationToken), webhooks, settings.EmailRecipients, mailer.IsConfigured);
    }

    /// <summary>Saves every rule and the recipients at once; a bad threshold or address changes nothing.</summary>
    public async Task SaveAsync(IReadOnlyList<AlertRuleEdit> rules, IReadOnlyList<string> recipients, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var addresses = Addresses(recipients);
        var known = await db.Set<AlertWebhook>().Select(w => w.Id).ToListAsync(cancellationToken);
        var stored = await db.Set<AlertRule>().ToListAsync(cancellationToken);
        var changes = new List<string>();
        foreach (var edit in rules)
        {
            var rule = stored.SingleOrDefault(r => r.Kind == edit.Kind);
            if (rule is null)
            {
                rule = AlertRule.Default(edit.Kind);
                db.Add(rule);
            }

            var before = Describe(rule);
            rule.Change(edit.Email, edit.Webhooks.Where(known.Contains), edit.Threshold);
            if (Describe(rule) != before)
            {
                changes.Add($"{edit.Kind.Slug()}: {Describe(rule)}");
            }
        }

        var settings = await db.Set<AlertSettings>().SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new AlertSettings();
            db.Add(settings);
        }

        if (!settings.EmailRecipients.SequenceEqual(addresses))
        {
            changes.Add(addresses.Count == 0 ? "recipients: every editor and admin" : $"recipients: {string.Join(", ", addresses)}");
            settings.EmailRecipients = [.. addresses];
            settings.Version = Guid.NewGuid();
        }

        db.Set<AuditEntry>().Add(AuditEntry.Record(Now(), by, AlertAudit.SettingsSaved, new AuditSubject(AlertAudit.SubjectKind, null, "alert rules"),
            changes.Count == 0 ? "no changes" : string.Join("; ", changes)));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AlertWebhook> AddWebhookAsync(string name, string url, WebhookFormat format, string? secret, string by, CancellationToken cancellationToken = default)
    {
        var webhook = AlertWebhook.Create(name, url, format, secret, Now());
        if (await db.Set<AlertWebhook>().AnyAsync(w => w.Name == webhook.Name, cancellationToken))
        {
            throw new DomainException($"There is already a webhook called \"{webhook.Name}\".");
        }

        db.Add(webhook);
        db.Set<AuditEntry>().Add(AuditEntry.Record(Now(), by, "alerts.webhook-added", AlertAudit.Subject(AlertChannelIds.Webhook(webhook.Id), webhook.Name), $"{webhook.Format} webhook to {webhook.SafeUrl}"));
        await db.SaveChangesAsync(cancellationToken);
        return webhook;
    }

    public async Task RemoveWebhookAsync(Guid id, string by, CancellationToken cancellationToken = default)
    {
        var webhook = await db.Set<AlertWebhook>().SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw new DomainException("That webhook was already removed.");
        foreach (var rule in await db.Set<AlertRule>().ToListAsync(cancellationToken))
        {
            rule.Forget(id);
            // A primitive collection changed in place is not always seen by change tracking.
            db.Entry(rule).Property(r => r.Webhooks).IsModified = true;
        }

        db.Remove(webhook);
        db.Set<AuditEntry>().Add(AuditEntry.Record(Now(), by, "alerts.webhook-removed", AlertAudit.Subject(AlertChannelIds.Webhook(id), webhook.Name), webhook.SafeUrl));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<string> Addresses(IReadOnlyList<string> recipients)
    {
        var addresses = new List<string>();
        foreach (var raw in recipients.Select(r => r.Trim()).Where(r => r.Length > 0))
        {
            // One plain address each: no display names, no lists, no header tricks.
            if (raw.Length > 254 || raw.Any(char.IsControl) || !MailAddress.TryCreate(raw, out var address) || address.Address != raw || !string.IsNullOrEmpty(address.DisplayName))
            {
                throw new DomainException($"\"{raw}\" is not an email address (one plain address per line, e.g. editor@example.com).");
            }

            if (!addresses.Contains(raw, StringComparer.OrdinalIgnoreCase))
            {
                addresses.Add(raw);
            }
        }

        return addresses.Count <= 50 ? addresses : throw new DomainException("At most 50 alert recipients.");
    }

    private static string Describe(AlertRule rule) =>
        $"{(rule.Email ? "email" : "no email")}, {rule.Webhooks.Count} webhook(s)" + (rule.Kind.Threshold() is { } spec ? $", {rule.Threshold} {spec.Unit}" : "");

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>The alert settings as the Settings page shows them.</summary>
public sealed record AlertSetup(IReadOnlyList<AlertRule> Rules, IReadOnlyList<AlertWebhook> Webhooks, IReadOnlyList<string> EmailRecipients, bool EmailConfigured);

/// <summary>One rule as the admin set it.</summary>
public sealed record AlertRuleEdit(AlertKind Kind, bool Email, IReadOnlyList<Guid> Webhooks, int Threshold);
