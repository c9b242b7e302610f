using Digest.Domain.Generation;

namespace Digest.Domain.Posts;

/// <summary>
/// What the checks need beyond the post itself: the rules, the topics of recent published posts, the canonical
/// URLs of the draft's source items (by item id), and the notes of the run that wrote the draft.
/// </summary>
public sealed record QualityContext(
    QualityRules Rules,
    IReadOnlyList<PublishedTopic> RecentTopics,
    IReadOnlyDictionary<Guid, string> CanonicalUrls,
    IReadOnlyList<SectionNote> RunNotes)
{
    /// <summary>Only the checks that need nothing but the post (the default rules, nothing to compare with).</summary>
    public static readonly QualityContext None = new(QualityRules.Default, [], new Dictionary<Guid, string>(), []);
}
