namespace Digest.Domain.Generation;

/// <summary>
/// How the sentences of a draft stood against their sources: how many were written, how many rest on a source
/// passage, how many state something (a number, a name, a quote, a date) found in none of them, and how many the
/// optional second opinion flagged (null when it was off). The rest are commentary with no checkable claim.
/// </summary>
public sealed record GroundingTally(int Sentences, int Grounded, int Unsupported, int? FlaggedByModel, int CommentsRead)
{
    public static readonly GroundingTally None = new(0, 0, 0, null, 0);

    public GroundingTally Add(GroundingTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Sentences + other.Sentences,
            Grounded + other.Grounded,
            Unsupported + other.Unsupported,
            FlaggedByModel is null && other.FlaggedByModel is null ? null : (FlaggedByModel ?? 0) + (other.FlaggedByModel ?? 0),
            CommentsRead + other.CommentsRead);
    }
}
