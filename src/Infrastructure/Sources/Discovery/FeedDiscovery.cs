using Digest.Domain.Common;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources.Http;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Discovery;

/// <summary>
/// Feed discovery over HTTP, through the same polite downloader and fetcher as ingest (so the same refusal of private
/// addresses, size limit, timeout and per-host limits apply): the address is read once; a feed is offered as it is; a
/// page is searched for <c>&lt;link rel="alternate"&gt;</c> feeds; a page that links none has the usual feed paths
/// tried, one at a time, stopping at the first that answers with a feed.
/// </summary>
internal sealed class FeedDiscovery(SourceDownloader downloader, ISourceFetcher fetcher) : IFeedDiscovery
{
    /// <summary>Where blogs keep their feeds when they do not say: WordPress, Ghost, Hugo, Jekyll, Medium and the rest.</summary>
    public static readonly IReadOnlyList<string> UsualPaths = ["feed", "rss.xml", "atom.xml", "index.xml", "feed.xml", "feed.json", "rss"];

    private const int MaxOffered = 5;
    private const int MaxProbes = 10;
    private const string PageAccept = "text/html,application/xhtml+xml,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/feed+json;q=0.9,*/*;q=0.5";

    public async Task<FeedDiscoveryResult> DiscoverAsync(string address, CancellationToken cancellationToken = default)
    {
        Uri url;
        bool guessed;
        try
        {
            (url, guessed) = SiteAddress.Read(address);
        }
        catch (DomainException ex)
        {
            return FeedDiscoveryResult.Failed(null, ex.Message);
        }

        // Reddit, Hacker News, arXiv and feed-looking addresses are sources as they are.
        if (SourceKindDetector.FromUrl(url) is not null)
        {
            return Offer(url, [await ReadAsync(url, null, "the address is a source Digest reads directly", cancellationToken)]);
        }

        var page = await downloader.GetAsync(url, PageAccept, null, null, cancellationToken);
        if (page.Document is null && guessed && !page.NotModified)
        {
            // "example.com" was typed: like a browser, fall back to plain http when https does not answer.
            var plain = new UriBuilder(url) { Scheme = Uri.UriSchemeHttp, Port = url.IsDefaultPort ? -1 : url.Port }.Uri;
            var second = await downloader.GetAsync(plain, PageAccept, null, null, cancellationToken);
            if (second.Document is not null)
            {
                (url, page) = (plain, second);
            }
        }

        if (page.Document is not { } document)
        {
            return FeedDiscoveryResult.Failed(url, $"Could not read {url}: {page.Error ?? "no answer"}.");
        }

        if (DocumentSniffer.Sniff(document.Body, document.MediaType) != DocumentShape.Html)
        {
            return Offer(url, [await ReadAsync(document.Url, null, "the address is a feed", cancellationToken)]);
        }

        var (pageTitle, links) = FeedLinks.Find(TextDecoding.Decode(document.Body, document.Charset), document.Url);
        if (links.Count > 0)
        {
            var found = new List<DiscoveredFeed>();
            foreach (var link in links.Take(MaxOffered))
            {
                found.Add(await ReadAsync(link.Url, link.Title ?? pageTitle, "the page links it", cancellationToken));
            }

            return Offer(url, found);
        }

        foreach (var candidate in UsualAddresses(document.Url).Take(MaxProbes))
        {
            var probe = await ReadAsync(candidate, pageTitle, $"found at {candidate.AbsolutePath}", cancellationToken);
            if (probe.Readable && probe.Preview.Items.Count > 0)
            {
                return Offer(url, [probe]);
            }
        }

        return FeedDiscoveryResult.Failed(url,
            $"No feed found at {url.Host}: the page links none (no <link rel=\"alternate\"> for RSS, Atom or JSON Feed), and none of " +
            $"{string.Join(", ", UsualPaths.Select(p => "/" + p))} answered with a feed. If you know the feed's own address, paste that instead.");
    }

    /// <summary>The usual paths under the page's own folder (a blog at /blog/), then under the site's root.</summary>
    internal static IEnumerable<Uri> UsualAddresses(Uri page)
    {
        var folders = new List<Uri>();
        var path = page.AbsolutePath;
        var folder = path.EndsWith('/') ? path : path[..(path.LastIndexOf('/') + 1)];
        if (folder is not "/" and not "")
        {
            folders.Add(new Uri(page, folder));
        }

        folders.Add(new Uri(page, "/"));
        return folders.SelectMany(f => UsualPaths.Select(p => new Uri(f, p))).Distinct();
    }

    private async Task<DiscoveredFeed> ReadAsync(Uri url, string? title, string howFound, CancellationToken cancellationToken)
    {
        var probe = new Source("discovery", url, SourceKindDetector.Detect(url));
        var result = await fetcher.FetchAsync(probe, cancellationToken);
        return new DiscoveredFeed(url, title ?? Host(url), howFound, new SourcePreview(probe.Address, probe.Kind, result));
    }

    private static FeedDiscoveryResult Offer(Uri address, IReadOnlyList<DiscoveredFeed> feeds)
    {
        var ordered = feeds.OrderByDescending(f => f.Readable).ToList();
        if (ordered.Any(f => f.Readable))
        {
            return new FeedDiscoveryResult(address, ordered, null);
        }

        var why = ordered.Count == 1
            ? $"{ordered[0].Url} could not be read: {ordered[0].Preview.Result.Error}."
            : $"The page links {ordered.Count} feeds, but none could be read (each says why below).";
        return FeedDiscoveryResult.Failed(address, why, ordered);
    }

    private static string Host(Uri url) => url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
}
