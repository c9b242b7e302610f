using Digest.Domain.Common;

namespace Digest.Infrastructure.Alerts;

/// <summary>Where one kind of alert goes (email, webhooks) and when it is raised. No channel: the alert is off.</summary>
public sealed class AlertRule
{
    private AlertRule() { }

    public AlertKind Kind { get; private set; }
    public bool Email { get; private set; }
    public List<Guid> Webhooks { get; private set; } = [];
    /// <summary>See <see cref="AlertKinds.Threshold"/>; 0 for alerts without one.</summary>
    public int Threshold { get; private set; }

    public bool IsOn => Email || Webhooks.Count > 0;

    public static AlertRule Default(AlertKind kind) => new() { Kind = kind, Threshold = kind.Threshold()?.Default ?? 0 };

    public void Change(bool email, IEnumerable<Guid> webhooks, int threshold)
    {
        if (Kind.Threshold() is { } spec && (threshold < spec.Min || threshold > spec.Max))
        {
            throw new DomainException($"\"{Kind.Describe()}\": the threshold must be between {spec.Min} and {spec.Max} {spec.Unit}.");
        }

        Email = email;
        Webhooks = [.. webhooks.Distinct()];
        Threshold = Kind.Threshold() is null ? 0 : threshold;
    }

    public void Forget(Guid webhook) => Webhooks.Remove(webhook);

    /// <summary>The channel ids a raised alert is sent to: "email" and "webhook:&lt;id&gt;".</summary>
    public IReadOnlyList<string> Channels() =>
        [.. (Email ? [AlertChannelIds.Email] : Array.Empty<string>()), .. Webhooks.Select(AlertChannelIds.Webhook)];
}

public static class AlertChannelIds
{
    public const string Email = "email";

    public static string Webhook(Guid id) => $"webhook:{id:N}";

    public static Guid? WebhookId(string channel) =>
        channel.StartsWith("webhook:", StringComparison.Ordinal) && Guid.TryParse(channel["webhook:".Length..], out var id) ? id : null;
}
