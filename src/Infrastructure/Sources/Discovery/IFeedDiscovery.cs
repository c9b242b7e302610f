namespace Digest.Infrastructure.Sources.Discovery;

/// <summary>
/// Finds the feeds of a site from an address an editor pasted (a home page, a blog, or a feed itself), and reads each
/// once so the editor can see what it carries before choosing. Nothing is stored.
/// </summary>
public interface IFeedDiscovery
{
    Task<FeedDiscoveryResult> DiscoverAsync(string address, CancellationToken cancellationToken = default);
}

/// <param name="Address">The address as understood (scheme added when it was left out); null when it was not an address.</param>
/// <param name="Feeds">What was found, readable ones first; each with the items a fetch gave.</param>
/// <param name="Problem">Why nothing can be offered, in words an editor can act on; null when at least one feed reads.</param>
public sealed record FeedDiscoveryResult(Uri? Address, IReadOnlyList<DiscoveredFeed> Feeds, string? Problem)
{
    public static FeedDiscoveryResult Failed(Uri? address, string problem, IReadOnlyList<DiscoveredFeed>? tried = null) => new(address, tried ?? [], problem);
}

/// <param name="Title">What the site calls the feed (its link's title), else the page's title or the host.</param>
/// <param name="HowFound">"the page links it", "the address is a feed", "found at /feed".</param>
public sealed record DiscoveredFeed(Uri Url, string Title, string HowFound, SourcePreview Preview)
{
    /// <summary>Whether reading it worked; a feed that failed is still shown, with its error, but cannot be chosen.</summary>
    public bool Readable => !Preview.Result.Failed;
}
