using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Usage;

public enum SectionWriteStatus
{
    Written,
    /// <summary>Served from the response cache: same prompt, same model, already paid for.</summary>
    Cached,
    /// <summary>The model failed or answered unusably twice; the section is returned with empty parts.</summary>
    Failed,
    /// <summary>Not attempted because the run's token budget could not cover it.</summary>
    SkippedBudget,
    /// <summary>Not written because the run's deadline passed first.</summary>
    SkippedDeadline,
}

/// <summary>
/// How one section came out. <see cref="Label"/> is the topic or trending title, or the prediction subject, exactly
/// as the writer was given it, so a caller can match outcomes to sections. <see cref="Model"/> is the model that
/// wrote it (the fallback model's name when the main model's budget was reached).
/// </summary>
public sealed record SectionOutcome(SectionKind Kind, string Label, SectionWriteStatus Status, string? Reason, string? Model = null)
{
    public const string BudgetReachedReason = "skipped: budget reached";
    public const string DailyBudgetReachedReason = "skipped: daily token budget reached";
    public const string DeadlineReason = "not written: the run's deadline passed";

    public bool IsProblem => Status is SectionWriteStatus.Failed or SectionWriteStatus.SkippedBudget or SectionWriteStatus.SkippedDeadline;

    public static bool IsBudgetReason(string? reason) => reason is BudgetReachedReason or DailyBudgetReachedReason;
}
