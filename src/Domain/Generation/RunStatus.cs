namespace Digest.Domain.Generation;

public enum RunStatus
{
    Running,
    Succeeded,
    /// <summary>Nothing to do: a draft for the edition already exists.</summary>
    Skipped,
    Failed,
}
