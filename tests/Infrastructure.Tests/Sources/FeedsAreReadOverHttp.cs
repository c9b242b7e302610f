using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Digest.TestSupport;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class FeedsAreReadOverHttp : IAsyncLifetime
{
    private LocalHttpServer _server = null!;
    private readonly ISourceFetcher _fetcher = TestFetchers.Create();

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<FetchResult> FetchAsync(string path, LocalResponse response, SourceKind kind = SourceKind.Feed)
    {
        _server.Serve(path, response);
        return await _fetcher.FetchAsync(TestFetchers.Source(_server.Url(path), kind), CancellationToken.None);
    }

    [Fact]
    public async Task Rss2_with_cdata_titles_and_content_encoded_gives_plain_text_items()
    {
        var result = await FetchAsync("/medium.xml", LocalResponse.File(SharedFixtures.Path("medium_tag-feed_rss2_content-encoded_2020.xml"), "application/rss+xml"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(SourceKind.Rss, result.DetectedKind);
        var first = result.Items[0];
        Assert.Equal("THE CREATIVE FORAGER", first.Title);
        Assert.Equal("https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food", first.Url);
        Assert.Equal("Jeremy Puma", first.Author);
        Assert.Equal(new DateTime(2018, 4, 9, 18, 55, 38, DateTimeKind.Utc), first.PublishedAt);
        Assert.StartsWith("Using Wild Ingredients in the Kitchen HEY, YOU!", first.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain('<', first.Excerpt!);
        Assert.All(result.Items, item => Assert.True(item.Excerpt is null || item.Excerpt.Length <= 1501));
    }

    [Fact]
    public async Task Hacker_news_rss_without_xml_declaration_keeps_its_comment_links()
    {
        var result = await FetchAsync("/hn.rss", LocalResponse.File(SharedFixtures.Path("hn_official-rss_news-ycombinator-com_2025.xml"), "application/rss+xml; charset=utf-8"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(30, result.Items.Count);
        var first = result.Items[0];
        Assert.Equal("Linux Sandboxes and Fil-C", first.Title);
        Assert.Equal("https://fil-c.org/seccomp", first.Url);
        Assert.Equal("https://news.ycombinator.com/item?id=46259064", first.DiscussionUrl);
        Assert.Equal(new DateTime(2025, 12, 13, 22, 58, 29, DateTimeKind.Utc), first.PublishedAt);
        Assert.Contains(result.Items, i => i.Title == "Recovering Anthony Bourdain's (really) lost Li.st's");
    }

    [Fact]
    public async Task Reddit_atom_feed_gives_title_link_author_and_date()
    {
        var result = await FetchAsync("/r/pics/.rss", LocalResponse.File(SharedFixtures.Path("reddit_r-pics_atom_2025_one-entry.xml"), "application/atom+xml; charset=UTF-8"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(SourceKind.Atom, result.DetectedKind);
        var item = Assert.Single(result.Items);
        Assert.Equal("(OC) The aspen trees of Colorado don’t feel real", item.Title);
        Assert.Equal("https://www.reddit.com/r/pics/comments/1pz1lp2/oc_the_aspen_trees_of_colorado_dont_feel_real/", item.Url);
        Assert.Equal("/u/NaturePerson88", item.Author);
        Assert.Equal("t3_1pz1lp2", item.ExternalId);
        Assert.Equal(new DateTime(2025, 12, 29, 23, 22, 35, DateTimeKind.Utc), item.PublishedAt);
    }

    [Fact]
    public async Task Json_feed_11_reads_authors_text_and_rfc822_dates()
    {
        var result = await FetchAsync("/feed.json", LocalResponse.File(SharedFixtures.Path("jsonfeed_1.1_influxdata_wordpress_authors-anonymised.json"), "application/feed+json"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(SourceKind.JsonFeed, result.DetectedKind);
        Assert.Equal(3, result.Items.Count);
        var first = result.Items[0];
        Assert.Equal("InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark", first.Title);
        Assert.Equal("Chris Churilo, Fake Author 1", first.Author);
        Assert.Equal(new DateTime(2019, 5, 31, 19, 17, 58, DateTimeKind.Utc), first.PublishedAt);
        Assert.StartsWith("This blog post has been updated", first.Excerpt, StringComparison.Ordinal);
        Assert.Equal("Fake Author 3, Fake Author 4", result.Items[2].Author);
    }

    [Fact]
    public async Task Rss_10_rdf_feed_is_read()
    {
        const string rdf = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://lab.example.org/"><title>Lab notes</title><link>https://lab.example.org/</link></channel>
              <item rdf:about="https://lab.example.org/posts/sparse-attention">
                <title>Sparse attention, revisited</title>
                <link>https://lab.example.org/posts/sparse-attention</link>
                <description>&lt;p&gt;We look again at &lt;em&gt;block-sparse&lt;/em&gt; attention.&lt;/p&gt;</description>
                <dc:date>2025-03-04T10:00:00+01:00</dc:date>
                <dc:creator>Ada Example</dc:creator>
              </item>
            </rdf:RDF>
            """;

        var result = await FetchAsync("/index.rdf", LocalResponse.Text(rdf, "application/rdf+xml"));

        Assert.True(result.Succeeded, result.Error);
        var item = Assert.Single(result.Items);
        Assert.Equal("Sparse attention, revisited", item.Title);
        Assert.Equal("We look again at block-sparse attention.", item.Excerpt);
        Assert.Equal(new DateTime(2025, 3, 4, 9, 0, 0, DateTimeKind.Utc), item.PublishedAt);
        Assert.Equal("Ada Example", item.Author);
    }

    [Fact]
    public async Task Rss_091_with_a_netscape_doctype_line_relative_links_and_zone_names_is_read()
    {
        const string rss = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old school</title><link>http://old.example.com/</link>
              <item><title>Perceptrons at 60</title><link>/archive/perceptrons.html</link><pubDate>Tue, 04 Mar 2025 10:00 CET</pubDate></item>
            </channel></rss>
            """;

        var result = await FetchAsync("/rss091.xml", LocalResponse.Text(rss, "text/xml"));

        Assert.True(result.Succeeded, result.Error);
        var item = Assert.Single(result.Items);
        Assert.Equal(_server.Url("/archive/perceptrons.html").AbsoluteUri, item.Url);
        Assert.Equal(new DateTime(2025, 3, 4, 9, 0, 0, DateTimeKind.Utc), item.PublishedAt);
    }

    [Fact]
    public async Task A_feed_served_as_text_html_is_still_read_when_the_body_is_a_feed()
    {
        var result = await FetchAsync("/mislabelled", LocalResponse.File(SharedFixtures.Path("hn_official-rss_news-ycombinator-com_2025.xml"), "text/html"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(30, result.Items.Count);
    }

    [Fact]
    public async Task A_permanent_redirect_is_followed()
    {
        _server.Serve("/old-feed", LocalResponse.Redirect("/new-feed", 301));
        _server.Serve("/new-feed", LocalResponse.File(SharedFixtures.Path("reddit_r-pics_atom_2025_one-entry.xml"), "application/atom+xml"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/old-feed")), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(result.Items);
    }

    [Fact]
    public async Task Requests_identify_digest_and_accept_compression()
    {
        await FetchAsync("/ua.xml", LocalResponse.File(SharedFixtures.Path("reddit_r-pics_atom_2025_one-entry.xml"), "application/atom+xml"));

        var request = Assert.Single(_server.RequestsTo("/ua.xml"));
        Assert.StartsWith("Digest/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Contains("gzip", request.Headers["Accept-Encoding"], StringComparison.Ordinal);
        Assert.Contains("br", request.Headers["Accept-Encoding"], StringComparison.Ordinal);
    }
}
