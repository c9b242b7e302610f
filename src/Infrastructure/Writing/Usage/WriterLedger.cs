using Digest.Domain.Generation;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// The run's ledger and budgets. A call must reserve the most it can cost before it is sent — against the run's
/// budget here and the day's in <see cref="DailyTokenBudget"/> — so sections written in parallel can never
/// overspend together; the reservation is replaced by the real usage when the answer arrives. Budgets are per
/// model, so a fallback model has budgets of its own. Every call is also written to the journal (the cost
/// ledger in the database) as soon as it finishes.
/// </summary>
public sealed class WriterLedger(int tokenBudget, DailyTokenBudget daily, IModelCallJournal journal, WriterRunContext context, TimeProvider clock) : IWriterUsage
{
    private readonly Lock _gate = new();
    private readonly List<ModelCall> _calls = [];
    private readonly List<SectionOutcome> _outcomes = [];
    private readonly Dictionary<string, int> _reserved = new(StringComparer.OrdinalIgnoreCase);
    private bool _budgetReached;
    private bool _dailyBudgetReached;

    public int TokenBudget { get; } = tokenBudget;

    /// <summary>What the calls are for, and the run's deadline.</summary>
    internal WriterRunContext Context => context;

    public long DailyTokenBudget => daily.Budget;

    public IReadOnlyList<ModelCall> Calls
    {
        get { lock (_gate) { return [.. _calls]; } }
    }

    public IReadOnlyList<SectionOutcome> Outcomes
    {
        get { lock (_gate) { return [.. _outcomes]; } }
    }

    public int PromptTokens
    {
        get { lock (_gate) { return _calls.Sum(c => c.PromptTokens); } }
    }

    public int CompletionTokens
    {
        get { lock (_gate) { return _calls.Sum(c => c.CompletionTokens); } }
    }

    public decimal EstimatedCost
    {
        get { lock (_gate) { return _calls.Sum(c => c.EstimatedCost); } }
    }

    public bool BudgetReached
    {
        get { lock (_gate) { return _budgetReached; } }
    }

    public bool DailyBudgetReached
    {
        get { lock (_gate) { return _dailyBudgetReached; } }
    }

    /// <summary>
    /// Sets aside <paramref name="tokens"/> of <paramref name="model"/>'s budgets for a call. When they do not fit
    /// in the run's or the day's budget, the reservation is null, the refusal says which budget (one of the
    /// <see cref="SectionOutcome"/> reasons) and the budget counts as reached.
    /// </summary>
    public async Task<(Reservation? Reservation, string? Refusal)> TryReserveAsync(string model, int tokens, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (TokenBudget > 0 && Used(model) + _reserved.GetValueOrDefault(model) + tokens > TokenBudget)
            {
                _budgetReached = true;
                return (null, SectionOutcome.BudgetReachedReason);
            }

            _reserved[model] = _reserved.GetValueOrDefault(model) + tokens;
        }

        if (await daily.TryReserveAsync(model, tokens, cancellationToken) is { } forTheDay)
        {
            return (new Reservation(model, tokens, forTheDay), null);
        }

        lock (_gate)
        {
            _reserved[model] -= tokens;
            _dailyBudgetReached = true;
        }

        return (null, SectionOutcome.DailyBudgetReachedReason);
    }

    /// <summary>Records a call (here and in the journal) and gives back what was reserved for it.</summary>
    public async Task RecordAsync(ModelCall call, Reservation? reservation)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_gate)
        {
            if (reservation is not null)
            {
                _reserved[reservation.Model] -= reservation.Tokens;
            }

            _calls.Add(call);
        }

        Telemetry.ModelTelemetry.Record(call, context.Purpose);

        try
        {
            // The money is spent whether or not the run was cancelled meanwhile: the row is always written.
            await journal.RecordAsync(
                ModelCallEntry.Record(context.RunId, context.Purpose, clock.GetUtcNow().UtcDateTime, call.Section, call.Prompt, call.Model,
                    call.PromptTokens, call.CompletionTokens, call.Latency, call.EstimatedCost, call.FromCache, call.IsRepair, call.Succeeded),
                CancellationToken.None);
        }
        finally
        {
            if (reservation is not null)
            {
                await daily.ReleaseAsync(reservation.ForTheDay);
            }
        }
    }

    public void Record(SectionOutcome outcome)
    {
        lock (_gate)
        {
            _outcomes.Add(outcome);
        }
    }

    public string? ProblemWith(SectionKind kind, string label)
    {
        lock (_gate)
        {
            return _outcomes.LastOrDefault(o => o.Kind == kind && o.Label == label) is { IsProblem: true } outcome ? outcome.Reason : null;
        }
    }

    private int Used(string model) => _calls.Where(c => string.Equals(c.Model, model, StringComparison.OrdinalIgnoreCase)).Sum(c => c.TotalTokens);

    /// <summary>Tokens set aside for one call of one model, in the run's budget and (<paramref name="ForTheDay"/>) the day's.</summary>
    public sealed record Reservation(string Model, int Tokens, DailyTokenBudget.Reservation ForTheDay);
}
