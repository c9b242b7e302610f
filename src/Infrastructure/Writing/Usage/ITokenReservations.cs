namespace Digest.Infrastructure.Writing.Usage;

/// <summary>Where the day's token budget is enforced: what the ledger holds plus what calls in flight have reserved.</summary>
public interface ITokenReservations
{
    /// <summary>
    /// Reserves <paramref name="tokens"/> of <paramref name="model"/>'s day when today's ledger, the reservations in
    /// flight and this one fit in <paramref name="budget"/>; returns the reservation, or null when they do not.
    /// </summary>
    Task<Guid?> TryReserveAsync(string model, int tokens, long budget, CancellationToken cancellationToken);

    /// <summary>Gives a reservation back once its call is in the ledger (or was never made).</summary>
    Task ReleaseAsync(Guid reservation);
}
