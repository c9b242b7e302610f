namespace Digest.Domain.Posts;

/// <summary>
/// The configurable part of the quality gate (<c>Digest:Quality</c>). The word bounds catch a section that is
/// far off, not one that is a little short: a model asked for a paragraph writes 40–150 words.
/// </summary>
public sealed record QualityRules
{
    public static readonly QualityRules Default = new();

    /// <summary>Fewest words a topic (Benefits + Ramifications) or a prediction's rationale may have; 0 turns the check off.</summary>
    public int MinSectionWords { get; init; } = 8;
    /// <summary>Most words any section may have; 0 turns the check off.</summary>
    public int MaxSectionWords { get; init; } = 600;
    /// <summary>How many of the latest published posts a topic is compared with; 0 turns the check off.</summary>
    public int RecentPostsToCompare { get; init; } = 7;
}
