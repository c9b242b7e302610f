using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// The run's ledger and budget. A call must reserve the most it can cost before it is sent, so sections written
/// in parallel can never overspend together; the reservation is replaced by the real usage when the answer arrives.
/// </summary>
public sealed class WriterLedger(int tokenBudget) : IWriterUsage
{
    private readonly Lock _gate = new();
    private readonly List<ModelCall> _calls = [];
    private readonly List<SectionOutcome> _outcomes = [];
    private int _reserved;
    private bool _budgetReached;

    public int TokenBudget { get; } = tokenBudget;

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

    /// <summary>Sets aside <paramref name="tokens"/> for a call; false (and the budget counts as reached) when they do not fit.</summary>
    public bool TryReserve(int tokens)
    {
        lock (_gate)
        {
            if (TokenBudget > 0 && Used() + _reserved + tokens > TokenBudget)
            {
                _budgetReached = true;
                return false;
            }

            _reserved += tokens;
            return true;
        }
    }

    /// <summary>Records a call and gives back what was reserved for it.</summary>
    public void Record(ModelCall call, int reserved = 0)
    {
        lock (_gate)
        {
            _reserved -= reserved;
            _calls.Add(call);
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

    private int Used() => _calls.Sum(c => c.TotalTokens);
}
