namespace Digest.Infrastructure.Publishing.Feeds;

/// <summary>One feed being written: the whole site's, or one tag's.</summary>
/// <param name="LastChange">When the set of posts last changed in a way entries cannot show (a post unpublished or deleted); may be null.</param>
public sealed record FeedChannel(string Title, string Description, Uri HomeUrl, Uri FeedUrl, string Language, DateTime? LastChange = null)
{
    public static FeedChannel ForSite(FeedSite site, string feedPath, DateTime? lastChange = null) =>
        new(site.Title, site.Description, site.Absolute("/"), site.Absolute(feedPath), site.Language, lastChange);

    /// <summary>A tag's feed: its home page is the tag page; give it the entries that carry the tag (<see cref="FeedEntries.WithTag"/>).</summary>
    public static FeedChannel ForTag(FeedSite site, string tag, string feedPath, DateTime? lastChange = null) =>
        new($"{site.Title} — {tag}", $"Posts tagged “{tag}” on {site.Title}", site.Absolute(FeedSite.TagPath(tag)), site.Absolute(feedPath), site.Language, lastChange);
}
