namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// The daily token budget of each model (<c>Digest:Llm:DailyTokenBudget</c>), over the ledger in the database and
/// the reservations of calls in flight (<see cref="ITokenReservations"/>): runs, regenerations and dry runs in
/// parallel — in this process or any other on the same database — cannot overspend together.
/// </summary>
public sealed class DailyTokenBudget(long budget, ITokenReservations reservations)
{
    /// <summary>0 when there is no limit.</summary>
    public long Budget { get; } = budget;

    /// <summary>A reservation to give back with <see cref="ReleaseAsync"/>, or null when the day's budget has no room.</summary>
    public async Task<Reservation?> TryReserveAsync(string model, int tokens, CancellationToken cancellationToken)
    {
        if (Budget <= 0)
        {
            return Reservation.Unlimited;
        }

        return await reservations.TryReserveAsync(model, tokens, Budget, cancellationToken) is { } id ? new Reservation(id) : null;
    }

    public Task ReleaseAsync(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return reservation.Id is { } id ? reservations.ReleaseAsync(id) : Task.CompletedTask;
    }

    /// <summary>Tokens set aside for one call; without a budget there is nothing to set aside.</summary>
    public sealed record Reservation(Guid? Id)
    {
        public static readonly Reservation Unlimited = new((Guid?)null);
    }
}
