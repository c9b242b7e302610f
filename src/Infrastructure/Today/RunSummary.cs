using Digest.Domain.Generation;

namespace Digest.Infrastructure.Today;

/// <summary>A generation run as the dashboard lists it: a plain value, so a page can carry it from its first answer to its live circuit.</summary>
public sealed record RunSummary(
    Guid Id,
    DateOnly EditionDate,
    string Trigger,
    string Writer,
    RunStatus Status,
    DateTime StartedAt,
    DateTime? FinishedAt,
    Guid? PostId,
    string? Message,
    int Tokens,
    decimal EstimatedCost,
    IReadOnlyList<SourceOutcome> Sources,
    GroundingTally? Grounding = null)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>Grounded sentences as a share of the sentences written, or null when nothing was checked.</summary>
    public double? GroundedShare => Grounding is { Sentences: > 0 } tally ? (double)tally.Grounded / tally.Sentences : null;

    public static RunSummary Of(GenerationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.EditionDate, run.Trigger, run.Writer, run.Status, run.StartedAt, run.FinishedAt, run.PostId, run.Message,
            run.TotalTokens, run.EstimatedCost, [.. run.SourceOutcomes],
            run.SentencesWritten is { } written
                ? new GroundingTally(written, run.SentencesGrounded ?? 0, run.SentencesUnsupported ?? 0, run.SentencesFlaggedByModel, run.CommentsRead)
                : null);
    }
}
