namespace Digest.Domain.Generation;

/// <summary>What a writer is told about one story: the item's own text, where it was posted and how it was received.</summary>
public sealed record TopicBrief(
    string Title,
    string Url,
    string? Excerpt,
    string SourceName,
    int? Score,
    int? Comments,
    DateTime? PublishedAt);
