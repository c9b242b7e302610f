namespace Digest.Domain.Generation;

/// <summary>What the writer spent in one run, as the run keeps it.</summary>
public sealed record RunUsage(
    int PromptTokens,
    int CompletionTokens,
    decimal EstimatedCost,
    int ModelCalls,
    int CachedAnswers,
    IReadOnlyList<string> Prompts,
    IReadOnlyList<SectionNote> SectionNotes,
    bool BudgetReached = false);
