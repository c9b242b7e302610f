using Digest.Domain.Posts;

namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>
/// What a feed needs of one published post. <paramref name="Url"/> is the post's path or absolute URL;
/// <paramref name="ContentHtml"/> is the stored, sanitised body. Dates are UTC.
/// </summary>
public sealed record FeedEntry(
    string FeedId,
    string Title,
    string Url,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string Author,
    IReadOnlyList<string> Tags,
    string ContentHtml,
    string? Summary,
    string? WrittenBy,
    string? ReviewedBy,
    DateTime? ReviewedAt = null)
{
    /// <summary>The entry of a published, rendered post. Anything else is a bug upstream: it must never reach a feed.</summary>
    public static FeedEntry FromPost(Post post, string url)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (!post.IsPublic || post.PublishedAt is not { } publishedAt)
        {
            throw new InvalidOperationException($"Post {post.Id} is not published; only published posts belong in a feed.");
        }

        if (post.ContentHtml is null)
        {
            throw new InvalidOperationException($"Post {post.Id} has not been rendered; render it when it is published.");
        }

        return new FeedEntry(
            post.FeedId, post.Title, url, publishedAt, post.UpdatedAt, post.Author, post.Tags, post.ContentHtml,
            post.Description ?? Summaries.FromContent(post.ContentHtml), post.WrittenBy, post.ReviewedBy, post.ReviewedAt);
    }
}
