namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// Reservations in this process's memory, for a writer without a database (tests, tools): they hold only among the
/// calls of one process. Hosts with a database use <see cref="DatabaseTokenReservations"/>.
/// </summary>
public sealed class InProcessTokenReservations(IModelCallJournal journal) : ITokenReservations, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, (string Model, int Tokens)> _reserved = [];

    public async Task<Guid?> TryReserveAsync(string model, int tokens, long budget, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var used = await journal.TokensUsedTodayAsync(model, cancellationToken);
            var reserved = _reserved.Values.Where(r => string.Equals(r.Model, model, StringComparison.OrdinalIgnoreCase)).Sum(r => (long)r.Tokens);
            if (used + reserved + tokens > budget)
            {
                return null;
            }

            var id = Guid.NewGuid();
            _reserved[id] = (model, tokens);
            return id;
        }
        finally
        {
            _gate.Release();
        }
    }

    // It waits for a check in progress, which may have read the ledger before this call's row was written.
    public async Task ReleaseAsync(Guid reservation)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            _reserved.Remove(reservation);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
