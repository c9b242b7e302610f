using System.Net;
using System.Text;
using Digest.Domain.Sources;
using Digest.Infrastructure.Sources;
using Digest.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Digest.Infrastructure.Tests.Sources;

/// <summary>Every bad input of issue 3 fails that one source with a one-line reason; none throws.</summary>
public sealed class BadSourcesFailWithClearErrors : IAsyncLifetime
{
    private LocalHttpServer _server = null!;
    private readonly ISourceFetcher _fetcher = TestFetchers.Create(timeoutSeconds: 2, maxBodyBytes: 64 * 1024);

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<FetchResult> FetchAsync(string path, LocalResponse response, SourceKind kind = SourceKind.Feed)
    {
        _server.Serve(path, response);
        return await FetchAsync(path, kind);
    }

    private Task<FetchResult> FetchAsync(string path, SourceKind kind = SourceKind.Feed) =>
        _fetcher.FetchAsync(TestFetchers.Source(_server.Url(path), kind), CancellationToken.None);

    private static void AssertFailed(FetchResult result, string expected)
    {
        Assert.True(result.Failed, $"expected a failure, got {result.Status} with {result.Items.Count} items");
        Assert.Empty(result.Items);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public async Task Malformed_xml_names_the_problem()
    {
        var result = await FetchAsync("/broken.xml", LocalResponse.Text("<rss version=\"2.0\"><channel><item><title>Unclosed</channel></rss>", "application/rss+xml"));

        AssertFailed(result, "malformed XML");
    }

    [Fact]
    public async Task Html_page_instead_of_a_feed()
    {
        var result = await FetchAsync("/moved", LocalResponse.File(SharedFixtures.Path("html-instead-of-feed_marketwatch_document-moved.html"), "text/html"));

        AssertFailed(result, "HTML page instead of a feed (text/html)");
    }

    [Fact]
    public async Task Html_page_served_as_xml_is_still_recognised()
    {
        var result = await FetchAsync("/page", LocalResponse.Text("<!DOCTYPE html><html><head><title>Login</title></head><body>Sign in</body></html>", "application/xml"));

        AssertFailed(result, "HTML page instead of a feed (application/xml)");
    }

    [Fact]
    public async Task Html_instead_of_reddit_json()
    {
        var result = await FetchAsync("/r/MachineLearning/top.json", LocalResponse.Text("<html><body>blocked</body></html>", "text/html"), SourceKind.Reddit);

        AssertFailed(result, "HTML page instead of a feed (text/html)");
    }

    [Fact]
    public async Task Billion_laughs_is_refused_as_an_expansion_bomb()
    {
        var result = await FetchAsync("/bomb.xml", LocalResponse.File(SharedFixtures.Path("dx_billion-laughs_xmlbomb.xml"), "application/xml"));

        AssertFailed(result, "XML DTD declares an entity made of other entities (b): refused");
    }

    [Fact]
    public async Task External_entity_fixture_is_refused()
    {
        var result = await FetchAsync("/xxe.xml", LocalResponse.File(SharedFixtures.Path("dx_xxe_external-http-entity.xml"), "application/xml"));

        AssertFailed(result, "XML DTD declares an external entity (ee): refused");
    }

    [Theory]
    [InlineData("application/rss+xml")]
    [InlineData("application/atom+xml")]
    public async Task External_entities_are_never_fetched(string contentType)
    {
        _server.Serve("/secret.txt", LocalResponse.Text("top secret"));
        var secret = _server.Url("/secret.txt");
        var feed = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY leak SYSTEM "{secret}"> <!ENTITY % remote SYSTEM "{secret}"> %remote; ]>
            <rss version="2.0"><channel><item><title>&leak;</title><link>https://example.com/a</link></item></channel></rss>
            """;

        var result = await FetchAsync("/xxe-local.xml", LocalResponse.Text(feed, contentType));

        AssertFailed(result, "XML DTD uses parameter entities: refused");
        Assert.Empty(_server.RequestsTo("/secret.txt"));
    }

    [Fact]
    public async Task Undeclared_entities_without_a_dtd_are_malformed_not_expanded()
    {
        var feed = """<rss version="2.0"><channel><item><title>&ent;</title><link>https://example.com/a</link></item></channel></rss>""";

        var result = await FetchAsync("/entity.xml", LocalResponse.Text(feed, "application/rss+xml"));

        AssertFailed(result, "malformed XML");
    }

    [Fact]
    public async Task Body_over_the_limit_with_content_length()
    {
        var result = await FetchAsync("/huge.xml", LocalResponse.Bytes(new byte[200 * 1024], "application/rss+xml"));

        AssertFailed(result, "response body is larger than the 64 KB limit");
    }

    [Fact]
    public async Task Body_over_the_limit_without_content_length()
    {
        _server.Map("/stream.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.UTF8.GetBytes(new string(' ', 8192));
            for (var i = 0; i < 40 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });

        var result = await FetchAsync("/stream.xml");

        AssertFailed(result, "response body is larger than the 64 KB limit");
    }

    [Fact]
    public async Task Gzip_bomb_is_stopped_at_the_limit_after_decompression()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(new byte[1024 * 1024]);
        }

        var result = await FetchAsync("/bomb.gz", LocalResponse.Bytes(compressed.ToArray(), "application/rss+xml").WithHeader("Content-Encoding", "gzip"));

        AssertFailed(result, "larger than the 64 KB limit");
    }

    [Fact]
    public async Task A_server_that_never_finishes_times_out()
    {
        _server.Map("/slow.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server.Stopping);
            await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });

        var result = await FetchAsync("/slow.xml");

        AssertFailed(result, "timed out after 2 s");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        var result = await FetchAsync("/silent.xml", new LocalResponse { Delay = TimeSpan.FromMinutes(5) });

        AssertFailed(result, "timed out after 2 s");
    }

    [Fact]
    public async Task Redirect_loop_stops()
    {
        _server.Serve("/loop-a", LocalResponse.Redirect("/loop-b"));
        _server.Serve("/loop-b", LocalResponse.Redirect("/loop-a"));

        var result = await FetchAsync("/loop-a");

        AssertFailed(result, "too many redirects (more than 5)");
        Assert.InRange(_server.Requests.Count, 5, 7);
    }

    [Fact]
    public async Task Missing_feed_reports_the_status()
    {
        var result = await FetchAsync("/nothing-here.xml");

        AssertFailed(result, "HTTP 404 Not Found");
    }

    [Fact]
    public async Task Server_error_is_retried_then_reported()
    {
        _server.Serve("/down.xml", LocalResponse.Code(HttpStatusCode.BadGateway));
        var patientFetcher = TestFetchers.Create(timeoutSeconds: 20);

        var result = await patientFetcher.FetchAsync(TestFetchers.Source(_server.Url("/down.xml")), CancellationToken.None);

        AssertFailed(result, "HTTP 502");
        Assert.Equal(3, _server.RequestsTo("/down.xml").Count);
    }

    [Fact]
    public async Task Empty_body()
    {
        var result = await FetchAsync("/empty.xml", LocalResponse.Text("", "application/rss+xml"));

        AssertFailed(result, "empty response instead of a feed");
    }

    [Fact]
    public async Task Xml_that_is_not_a_feed()
    {
        var result = await FetchAsync("/sitemap.xml", LocalResponse.Text("<urlset><url><loc>https://example.com/</loc></url></urlset>", "application/xml"));

        AssertFailed(result, "XML is not a feed: root element <urlset>");
    }

    [Theory]
    [InlineData(SourceKind.Reddit, """{"kind":"Listing","data":{"posts":[]}}""", "Reddit JSON has an unexpected shape")]
    [InlineData(SourceKind.Reddit, """[{"kind":"Listing"}]""", "Reddit JSON has an unexpected shape")]
    [InlineData(SourceKind.Reddit, """{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"headline":"x","link":"/r/x/comments/1/"}}]}}""", "none of 1 posts has a title and a permalink")]
    [InlineData(SourceKind.HackerNews, """{"results":[]}""", "Hacker News (Algolia) JSON has an unexpected shape")]
    [InlineData(SourceKind.HackerNews, """{"hits":[{"id":1,"headline":"x"}]}""", "none of 1 hits has an objectID and a title")]
    [InlineData(SourceKind.JsonFeed, """{"version":"https://jsonfeed.org/version/1.1","entries":[]}""", "JSON Feed has an unexpected shape")]
    [InlineData(SourceKind.Feed, """{"title":"not a feed"}""", "JSON is not a JSON Feed")]
    [InlineData(SourceKind.Reddit, """{"kind":"Listing","data":{"children":[""", "malformed Reddit JSON")]
    public async Task Changed_json_shape(SourceKind kind, string body, string expected)
    {
        var path = $"/{kind}-{Guid.NewGuid():N}.json";

        var result = await FetchAsync(path, LocalResponse.Text(body, "application/json"), kind);

        AssertFailed(result, expected);
    }

    [Fact]
    public async Task Arxiv_api_error_entry_is_reported()
    {
        const string error = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id><title>Error</title>
              <summary>incorrect id format for 1234.12345</summary></entry>
            </feed>
            """;

        var result = await FetchAsync("/api/query", LocalResponse.Text(error, "application/atom+xml"), SourceKind.Arxiv);

        AssertFailed(result, "arXiv API error: incorrect id format for 1234.12345");
    }
}
