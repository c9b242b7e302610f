namespace Digest.Infrastructure.Publishing.Feeds;

public static class FeedEntries
{
    /// <summary>The entries carrying a tag, matched by its slug as in <c>/tags/&lt;slug&gt;/</c>.</summary>
    public static IReadOnlyList<FeedEntry> WithTag(IEnumerable<FeedEntry> entries, string tagOrSlug)
    {
        var slug = FeedSite.TagSlug(tagOrSlug);
        return [.. entries.Where(e => e.Tags.Any(t => string.Equals(FeedSite.TagSlug(t), slug, StringComparison.OrdinalIgnoreCase)))];
    }
}
