namespace Digest.Domain.Generation;

/// <summary>
/// What a writer is told about one story: the item's own text, where it was posted and how it was received, and
/// (for topics from Reddit or Hacker News) the top comments of its discussions.
/// </summary>
public sealed record TopicBrief(
    string Title,
    string Url,
    string? Excerpt,
    string SourceName,
    int? Score,
    int? Comments,
    DateTime? PublishedAt,
    IReadOnlyList<DiscussionThread>? Threads = null)
{
    /// <summary>The discussions with at least one comment, lead source first.</summary>
    public IReadOnlyList<DiscussionThread> Discussions => [.. (Threads ?? []).Where(t => t.Comments.Count > 0)];
}
