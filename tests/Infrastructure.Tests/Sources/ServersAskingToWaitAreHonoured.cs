using System.Net;
using Digest.Infrastructure.Sources;
using Digest.TestSupport;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class ServersAskingToWaitAreHonoured : IAsyncLifetime
{
    private LocalHttpServer _server = null!;
    private readonly ISourceFetcher _fetcher = TestFetchers.Create(timeoutSeconds: 20);

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_short_retry_after_on_429_is_waited_out_then_the_feed_is_read()
    {
        _server.Serve("/busy.xml",
            LocalResponse.Code(HttpStatusCode.TooManyRequests, ("Retry-After", "1")),
            LocalResponse.File(SharedFixtures.Path("reddit_r-pics_atom_2025_one-entry.xml"), "application/atom+xml"));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/busy.xml")), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var requests = _server.RequestsTo("/busy.xml");
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), "the retry came before the server's Retry-After");
    }

    [Fact]
    public async Task A_long_retry_after_on_429_fails_once_and_tells_how_long_to_back_off()
    {
        _server.Serve("/throttled.json", LocalResponse.Code(HttpStatusCode.TooManyRequests, ("Retry-After", "3600")));
        var source = TestFetchers.Source(_server.Url("/throttled.json"), Domain.Sources.SourceKind.Reddit);

        var result = await _fetcher.FetchAsync(source, CancellationToken.None);

        Assert.True(result.Failed);
        Assert.Equal("HTTP 429 Too Many Requests; server asked to wait 3600 s", result.Error);
        Assert.Equal(TimeSpan.FromHours(1), result.RetryAfter);
        Assert.Single(_server.RequestsTo("/throttled.json"));

        source.RecordFailure(DateTime.UtcNow, result.Error!, result.RetryAfter);
        Assert.False(source.IsDue(DateTime.UtcNow.AddMinutes(59)));
    }

    [Fact]
    public async Task A_503_with_an_http_date_retry_after_is_reported_as_a_wait()
    {
        var until = DateTimeOffset.UtcNow.AddMinutes(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        _server.Serve("/maintenance.xml", LocalResponse.Code(HttpStatusCode.ServiceUnavailable, ("Retry-After", until)));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/maintenance.xml")), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.StartsWith("HTTP 503", result.Error, StringComparison.Ordinal);
        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromMinutes(28), TimeSpan.FromMinutes(30));
        Assert.Single(_server.RequestsTo("/maintenance.xml"));
    }

    [Fact]
    public async Task A_429_without_retry_after_is_not_hammered()
    {
        _server.Serve("/slowdown.xml", LocalResponse.Code(HttpStatusCode.TooManyRequests));

        var result = await _fetcher.FetchAsync(TestFetchers.Source(_server.Url("/slowdown.xml")), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.Null(result.RetryAfter);
        Assert.Single(_server.RequestsTo("/slowdown.xml"));
    }
}
