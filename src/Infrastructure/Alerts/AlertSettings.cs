namespace Digest.Infrastructure.Alerts;

/// <summary>Who alert emails go to. Empty: every editor and admin who is not locked out.</summary>
public sealed class AlertSettings
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;
    public List<string> EmailRecipients { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}
