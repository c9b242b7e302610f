namespace Digest.Domain.Generation;

/// <summary>Why a model was called; every purpose counts towards the daily token budget.</summary>
public enum ModelCallPurpose
{
    /// <summary>Writing a draft (a generation run).</summary>
    Generation,
    /// <summary>An editor asked for a new version of one section.</summary>
    Regeneration,
    /// <summary>An admin tried a prompt on the Prompts page.</summary>
    DryRun,
}
