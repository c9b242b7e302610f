using System.Net;
using Digest.Infrastructure.Sources;
using Digest.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class ConditionalRequestsAvoidRefetching : IAsyncLifetime
{
    private LocalHttpServer _server = null!;
    private readonly ISourceFetcher _fetcher = TestFetchers.Create();

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Etag_and_last_modified_are_sent_back_and_304_means_not_modified()
    {
        const string etag = "\"feed-v1\"";
        const string lastModified = "Sat, 13 Dec 2025 23:00:00 GMT";
        var feed = SharedFixtures.Bytes("hn_official-rss_news-ycombinator-com_2025.xml");
        _server.Map("/hn.xml", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = lastModified;
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.WriteAsync(feed);
        });
        var source = TestFetchers.Source(_server.Url("/hn.xml"));

        var first = await _fetcher.FetchAsync(source, CancellationToken.None);
        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(30, first.Items.Count);
        Assert.Equal(etag, first.ETag);
        Assert.Equal(lastModified, first.LastModified);
        Assert.Null(source.ETag);

        source.RecordSuccess(DateTime.UtcNow, first.ETag, first.LastModified);
        var second = await _fetcher.FetchAsync(source, CancellationToken.None);

        Assert.True(second.NotModified);
        Assert.Empty(second.Items);
        var requests = _server.RequestsTo("/hn.xml");
        Assert.False(requests[0].Headers.ContainsKey("If-None-Match"));
        Assert.Equal(etag, requests[1].Headers["If-None-Match"]);
        Assert.Equal(lastModified, requests[1].Headers["If-Modified-Since"]);
    }

    [Fact]
    public async Task A_source_with_only_last_modified_gets_a_304_too()
    {
        _server.Serve("/dated.xml", LocalResponse.Code(HttpStatusCode.NotModified));
        var source = TestFetchers.Source(_server.Url("/dated.xml"));
        source.RecordSuccess(DateTime.UtcNow, null, "Mon, 01 Dec 2025 08:00:00 GMT");

        var result = await _fetcher.FetchAsync(source, CancellationToken.None);

        Assert.True(result.NotModified);
        Assert.Equal("Mon, 01 Dec 2025 08:00:00 GMT", Assert.Single(_server.Requests).Headers["If-Modified-Since"]);
    }
}
