using Digest.Domain.Generation;

namespace Digest.Infrastructure.Generation;

/// <summary>How a generation ended, for the dashboard and the command line.</summary>
public sealed record GenerationResult(GenerationRun Run, string? PostSlug)
{
    public bool CreatedDraft => Run.Status == RunStatus.Succeeded;

    public string Describe() => Run.Status switch
    {
        RunStatus.Succeeded => $"Draft {PostSlug} for {Run.EditionDate:yyyy-MM-dd} written by {Run.Writer}." + (Run.Message is null ? "" : " " + Run.Message),
        _ => Run.Message ?? Run.Status.ToString(),
    };
}
