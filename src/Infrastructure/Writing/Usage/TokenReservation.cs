namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// Tokens set aside in the database for one model call in flight, counted against the day's budget by every
/// process until the call is in the ledger. A reservation whose process died lapses at <see cref="ExpiresAt"/>.
/// </summary>
public sealed class TokenReservation
{
    private TokenReservation() { }

    public Guid Id { get; private set; }
    public string Model { get; private set; } = "";
    public int Tokens { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    public static TokenReservation Create(string model, int tokens, DateTime at, TimeSpan lifetime) => new()
    {
        Id = Guid.NewGuid(),
        Model = model,
        Tokens = tokens,
        CreatedAt = at,
        ExpiresAt = at + lifetime,
    };
}
