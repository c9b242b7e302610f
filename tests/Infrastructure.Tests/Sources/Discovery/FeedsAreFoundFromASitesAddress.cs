using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Discovery;
using Digest.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Sources.Discovery;

/// <summary>An editor pastes a blog's address; Digest finds its feeds the way feed readers do, over the polite fetcher.</summary>
public sealed class FeedsAreFoundFromASitesAddress : IAsyncLifetime
{
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static IFeedDiscovery Discovery(bool allowPrivateNetworks = true, bool demo = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Sources:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["Digest:Sources:Timeout"] = "10",
            ["Digest:Demo"] = demo ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSourceFetching(configuration).BuildServiceProvider();
        return services.CreateScope().ServiceProvider.GetRequiredService<IFeedDiscovery>();
    }

    private static LocalResponse Html(string head) =>
        LocalResponse.Text($"<!doctype html><html><head><meta charset=utf-8><title>Example Lab</title>{head}</head><body><h1>Blog</h1></body></html>", "text/html; charset=utf-8");

    private static LocalResponse Rss(string title) => LocalResponse.Text(
        $"""<?xml version="1.0"?><rss version="2.0"><channel><title>Lab</title><link>https://lab.example/</link><description>d</description><item><title>{title}</title><link>https://lab.example/posts/1</link><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>""",
        "application/rss+xml");

    [Fact]
    public async Task A_page_that_links_its_feeds_offers_them_with_their_items_main_feed_first()
    {
        _server.Serve("/blog/", Html("""
            <base href="/blog/">
            <link rel="alternate" type="application/rss+xml" title="Lab » Comments Feed" href="comments/feed/">
            <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/12">
            <link rel="alternate" type="application/atom+xml" title="Example Lab" href="atom.xml">
            <link rel="stylesheet" href="style.css">
            """));
        _server.Serve("/blog/atom.xml", LocalResponse.Text(
            """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Lab</title><id>urn:lab</id><updated>2026-11-03T08:00:00Z</updated><entry><title>We trained a 3B model on synthetic math</title><id>urn:1</id><link href="https://lab.example/3b"/><updated>2026-11-03T08:00:00Z</updated></entry></feed>""",
            "application/atom+xml"));
        _server.Serve("/blog/comments/feed/", Rss("A comment"));

        var found = await Discovery().DiscoverAsync(_server.Url("/blog/").AbsoluteUri);

        Assert.Null(found.Problem);
        Assert.Equal(["Example Lab", "Lab » Comments Feed"], found.Feeds.Select(f => f.Title));
        var main = found.Feeds[0];
        Assert.Equal(_server.Url("/blog/atom.xml"), main.Url);
        Assert.Equal(SourceKind.Atom, main.Preview.Kind);
        Assert.Equal("We trained a 3B model on synthetic math", Assert.Single(main.Preview.Items).Title);
        Assert.Equal("the page links it", main.HowFound);
        Assert.Empty(_server.RequestsTo("/wp-json/wp/v2/pages/12"));
    }

    [Fact]
    public async Task A_page_without_links_has_the_usual_paths_tried_until_one_is_a_feed()
    {
        _server.Serve("/", Html(""));
        _server.Serve("/index.xml", Rss("Found by its usual address"));

        var found = await Discovery().DiscoverAsync(_server.Url("/").AbsoluteUri);

        var feed = Assert.Single(found.Feeds);
        Assert.Equal(_server.Url("/index.xml"), feed.Url);
        Assert.Equal("found at /index.xml", feed.HowFound);
        Assert.Equal("Example Lab", feed.Title);
        // Tried in order, one at a time, and no further once found.
        Assert.Single(_server.RequestsTo("/feed"));
        Assert.Empty(_server.RequestsTo("/feed.xml"));
    }

    [Fact]
    public async Task A_feed_address_is_offered_as_it_is_and_a_bare_host_is_read_like_a_browser_would()
    {
        _server.Serve("/feed.xml", Rss("Straight from the feed"));
        var bare = $"{_server.BaseAddress.Host}:{_server.BaseAddress.Port}/feed.xml";

        var found = await Discovery().DiscoverAsync(bare);

        var feed = Assert.Single(found.Feeds);
        Assert.Equal("the address is a feed", feed.HowFound);
        Assert.Equal(SourceKind.Rss, feed.Preview.Kind);
        Assert.Equal("http", feed.Url.Scheme);
    }

    [Fact]
    public async Task A_site_without_any_feed_is_explained_in_plain_words()
    {
        _server.Serve("/", Html(""));

        var found = await Discovery().DiscoverAsync(_server.Url("/").AbsoluteUri);

        Assert.Empty(found.Feeds);
        Assert.StartsWith("No feed found at 127.0.0.1: the page links none", found.Problem, StringComparison.Ordinal);
        Assert.Contains("/rss.xml", found.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Paste the address of a site or a feed")]
    [InlineData("not an address", "is not a web address")]
    [InlineData("ftp://files.example.org/feed", "Only web addresses (http or https)")]
    [InlineData("localblog", "is not a complete site name")]
    public async Task What_is_not_a_web_address_is_said_so_without_fetching(string typed, string expected)
    {
        var found = await Discovery().DiscoverAsync(typed);

        Assert.Contains(expected, found.Problem, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Discovery_keeps_the_fetchers_refusal_of_private_addresses()
    {
        _server.Serve("/", Html("""<link rel="alternate" type="application/rss+xml" href="/feed.xml">"""));

        var found = await Discovery(allowPrivateNetworks: false).DiscoverAsync(_server.Url("/").AbsoluteUri);

        Assert.Empty(found.Feeds);
        Assert.Contains("refused to connect to 127.0.0.1", found.Problem, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Demo_mode_offers_its_samples_and_explains_everything_else()
    {
        var demo = Discovery(demo: true);

        var sample = await demo.DiscoverAsync("https://www.reddit.com/r/MachineLearning/");
        var other = await demo.DiscoverAsync(_server.Url("/").AbsoluteUri);

        Assert.NotEmpty(Assert.Single(sample.Feeds).Preview.Items);
        Assert.StartsWith("Demo mode reads only its built-in samples (r/MachineLearning,", other.Problem, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
