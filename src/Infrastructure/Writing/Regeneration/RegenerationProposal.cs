using Digest.Infrastructure.Editing;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Writing.Regeneration;

/// <summary>One part of a section (e.g. Benefits) before and after, with the words that changed.</summary>
public sealed record PartDiff(string Part, string? Before, string? After, IReadOnlyList<DiffPiece> Pieces)
{
    public bool Changed => !string.Equals(Before ?? "", After ?? "", StringComparison.Ordinal);
}

/// <summary>
/// A new text for one section, not saved. <see cref="BaseVersion"/> is the post's version it was made against:
/// accepting it after someone else saved the post is a conflict, not a silent overwrite.
/// </summary>
public sealed record RegenerationProposal(
    Guid PostId,
    Guid SectionId,
    Guid BaseVersion,
    SectionKind Kind,
    SectionText Current,
    SectionText Proposed,
    IReadOnlyList<PartDiff> Parts,
    string WrittenBy,
    string? Problem)
{
    public bool CanAccept => Problem is null && Parts.Any(p => p.Changed);

    public static IReadOnlyList<PartDiff> Compare(SectionKind kind, SectionText current, SectionText proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var parts = kind switch
        {
            SectionKind.Topic => new (string, string?, string?)[]
            {
                ("Summary", current.Body, proposed.Body),
                ("Benefits", current.Benefits, proposed.Benefits),
                ("Ramifications", current.Ramifications, proposed.Ramifications),
                (HouseFormat.ThreadLabel, current.Thread, proposed.Thread),
            },
            SectionKind.Prediction =>
            [
                ("Predicted date", current.PredictedWhen, proposed.PredictedWhen),
                ("Rationale", current.Body, proposed.Body),
            ],
            _ => [("Text", current.Body, proposed.Body)],
        };
        // A topic without a discussion has no thread line before or after: nothing to show for it.
        return [.. parts
            .Where(p => p.Item1 != HouseFormat.ThreadLabel || p.Item2 is not null || p.Item3 is not null)
            .Select(p => new PartDiff(p.Item1, p.Item2, p.Item3, TextDiff.Between(p.Item2, p.Item3)))];
    }
}
