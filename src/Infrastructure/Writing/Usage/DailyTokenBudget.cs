namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// The daily token budget of each model (<c>Digest:Llm:DailyTokenBudget</c>), over the ledger in the database.
/// Process-wide: what calls in flight have reserved is counted with what the ledger already holds, so runs,
/// regenerations and dry runs in parallel cannot overspend together. (Several app instances each see the others'
/// calls only once they are in the ledger; one instance runs the jobs.)
/// </summary>
public sealed class DailyTokenBudget(long budget, IModelCallJournal journal) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, long> _reserved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>0 when there is no limit.</summary>
    public long Budget { get; } = budget;

    public async Task<bool> TryReserveAsync(string model, int tokens, CancellationToken cancellationToken)
    {
        if (Budget <= 0)
        {
            return true;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var used = await journal.TokensUsedTodayAsync(model, cancellationToken);
            var reserved = _reserved.GetValueOrDefault(model);
            if (used + reserved + tokens > Budget)
            {
                return false;
            }

            _reserved[model] = reserved + tokens;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Gives back a reservation once the call it was for is in the ledger (or was never made). It waits for a check
    /// in progress, which may have read the ledger before this call's row was written.
    /// </summary>
    public async Task ReleaseAsync(string model, int tokens)
    {
        if (Budget <= 0)
        {
            return;
        }

        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            _reserved[model] = Math.Max(0, _reserved.GetValueOrDefault(model) - tokens);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
