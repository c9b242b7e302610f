using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Usage;

/// <summary>
/// What the model writer spent and how each section came out, for one run (one DI scope). The generation job
/// copies <see cref="PromptTokens"/>, <see cref="CompletionTokens"/> and <see cref="EstimatedCost"/> into
/// <c>GenerationRun.RecordUsage</c> and shows the problems on the draft.
/// </summary>
public interface IWriterUsage
{
    IReadOnlyList<ModelCall> Calls { get; }
    IReadOnlyList<SectionOutcome> Outcomes { get; }
    int PromptTokens { get; }
    int CompletionTokens { get; }
    decimal EstimatedCost { get; }
    /// <summary>0 when there is no limit.</summary>
    int TokenBudget { get; }
    /// <summary>The run's token budget stopped a call.</summary>
    bool BudgetReached { get; }
    /// <summary>0 when there is no limit.</summary>
    long DailyTokenBudget { get; }
    /// <summary>The day's token budget stopped a call.</summary>
    bool DailyBudgetReached { get; }

    /// <summary>Why a section was not written (failed or skipped), or null when it was.</summary>
    string? ProblemWith(SectionKind kind, string label);
}
