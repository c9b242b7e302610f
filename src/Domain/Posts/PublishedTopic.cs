namespace Digest.Domain.Posts;

/// <summary>A topic of a recently published post, as the repeat check compares with it.</summary>
public sealed record PublishedTopic(string PostSlug, string? Heading, IReadOnlyList<Guid> SourceItemIds, IReadOnlyList<string> Urls);
