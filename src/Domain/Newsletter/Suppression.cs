namespace Digest.Domain.Newsletter;

/// <summary>
/// All that is left of a subscriber deleted on request: the hash of their address (<see cref="EmailAddress.SuppressionHash"/>),
/// so an import never brings them back. Only the owner confirming a new subscription lifts it.
/// </summary>
public sealed class Suppression
{
    private Suppression() { }

    public Suppression(string hash, DateTime at)
    {
        Hash = hash;
        CreatedAt = at;
    }

    public string Hash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
