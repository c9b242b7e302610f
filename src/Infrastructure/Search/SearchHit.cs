namespace Digest.Infrastructure.Search;

/// <summary>One published post that matched a search, best first.</summary>
public sealed record SearchHit(string Slug, string Title, DateTime Date, int WordCount, string? Description, string? ContentHtml);
