using Digest.Domain.Common;
using Digest.Infrastructure.Sources.Demo;

namespace Digest.Infrastructure.Sources.Discovery;

/// <summary>
/// Demo mode never touches the network: an address one of the built-in samples stands for is offered with the sample's
/// items; any other is explained rather than failed.
/// </summary>
internal sealed class DemoFeedDiscovery(ISourceFetcher fetcher) : IFeedDiscovery
{
    public async Task<FeedDiscoveryResult> DiscoverAsync(string address, CancellationToken cancellationToken = default)
    {
        Uri url;
        try
        {
            url = SiteAddress.Parse(address);
        }
        catch (DomainException ex)
        {
            return FeedDiscoveryResult.Failed(null, ex.Message);
        }

        if (DemoSamples.For(url) is null)
        {
            return FeedDiscoveryResult.Failed(url,
                $"Demo mode reads only its built-in samples ({DemoMode.Reads}) and never the network, so {url.Host} was not looked at. " +
                "You can still add a feed by its own address and kind; it is read once Digest runs without --demo.");
        }

        var preview = await new SourcePreviewer(fetcher).PreviewAsync(url, null, cancellationToken);
        return new FeedDiscoveryResult(url, [new DiscoveredFeed(url, url.Host, "a built-in demo sample", preview)], null);
    }
}
