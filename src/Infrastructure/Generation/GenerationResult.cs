using Digest.Domain.Generation;

namespace Digest.Infrastructure.Generation;

/// <summary>How a generation ended, for the dashboard and the command line.</summary>
public sealed record GenerationResult(GenerationRun Run, string? PostSlug)
{
    public bool CreatedDraft => Run.Status == RunStatus.Succeeded;

    public string Describe() => Run.Status switch
    {
        RunStatus.Succeeded => $"Draft {PostSlug} for {Run.EditionDate:yyyy-MM-dd} written by {Run.Writer}." + Grounding() + (Run.Message is null ? "" : " " + Run.Message),
        _ => Run.Message ?? Run.Status.ToString(),
    };

    private string Grounding() => Run.SentencesWritten is not { } written || Run.SentencesGrounded is not { } grounded
        ? ""
        : $" {grounded} of {written} sentences rest on their sources" + (Run.SentencesUnsupported is > 0 ? $"; {Run.SentencesUnsupported} not found in them (see the draft)." : ".");
}
