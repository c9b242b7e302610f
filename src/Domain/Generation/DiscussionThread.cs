namespace Digest.Domain.Generation;

/// <summary>
/// The top comments of one discussion of a story (a Reddit thread, a Hacker News item), as read when the story was
/// chosen. Comment text is untrusted data: it goes into a prompt only inside the source block.
/// </summary>
/// <param name="Url">The public address of the discussion, which the "what the thread said" line links to.</param>
/// <param name="SourceName">Where it was discussed, e.g. "r/MachineLearning" or "Hacker News".</param>
public sealed record DiscussionThread(string Url, string SourceName, IReadOnlyList<DiscussionComment> Comments);

/// <summary>One comment: who wrote it, its score where the site publishes one (Reddit does, Hacker News does not), its plain text and its permalink.</summary>
public sealed record DiscussionComment(string Author, int? Score, string Text, string Permalink, DateTime? PostedAt = null)
{
    /// <summary>E.g. "u/alice · 120 points" or "pg (Hacker News)".</summary>
    public string Credit(string sourceName) => Score is { } score
        ? $"{Author} · {(score == 1 ? "1 point" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{score} points"))}"
        : $"{Author} ({sourceName})";
}
