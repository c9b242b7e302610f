using Digest.Domain.Common;
using Digest.Domain.Posts;

namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>The site as feeds describe it. <paramref name="BaseUrl"/> is the public address every link is made absolute against.</summary>
public sealed record FeedSite(string Title, string Description, Uri BaseUrl, string Language = "en")
{
    public Uri Absolute(string pathOrUrl) => new(BaseUrl, pathOrUrl);

    /// <summary>A tag's path as Hugo wrote it (<c>/tags/daily-ai-summary/</c>), so old tag URLs and tag feeds keep working.</summary>
    public static string TagPath(string tag) => $"/tags/{TagSlug(tag)}/";

    public static string TagSlug(string tag)
    {
        try
        {
            return Slugs.Normalize(tag);
        }
        catch (DomainException)
        {
            // A tag of symbols only has no slug of letters; escaping still gives it a working, stable path.
            return Uri.EscapeDataString(tag.Trim());
        }
    }
}
