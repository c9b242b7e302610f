using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Http;
using Digest.TestSupport;
using System.Net;

namespace Digest.Infrastructure.Tests.Sources;

public sealed class PrivateAddressesAreRefused : IAsyncLifetime
{
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _server.Serve("/feed.xml", LocalResponse.File(SharedFixtures.Path("reddit_r-pics_atom_2025_one-entry.xml"), "application/atom+xml"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Loopback_is_refused_by_default_and_nothing_is_sent()
    {
        var fetcher = TestFetchers.Create(allowPrivateNetworks: false);

        var result = await fetcher.FetchAsync(TestFetchers.Source(_server.Url("/feed.xml")), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.StartsWith("refused to connect to 127.0.0.1: a loopback address", result.Error, StringComparison.Ordinal);
        Assert.Contains("Digest:Sources:AllowPrivateNetworks", result.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_naming_the_address()
    {
        var fetcher = TestFetchers.Create(allowPrivateNetworks: false);
        var url = new UriBuilder(_server.Url("/feed.xml")) { Host = "localhost" }.Uri;

        var result = await fetcher.FetchAsync(TestFetchers.Source(url), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.Matches(@"^refused to connect to localhost \((127\.0\.0\.1|::1)\): a loopback address", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Allowed_when_the_setting_says_so()
    {
        var fetcher = TestFetchers.Create(allowPrivateNetworks: true);

        var result = await fetcher.FetchAsync(TestFetchers.Source(_server.Url("/feed.xml")), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.20.0.5", "private")]
    [InlineData("192.168.1.10", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::1", "private")]
    [InlineData("::ffff:192.168.0.1", "private")]
    [InlineData("8.8.8.8", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("2606:4700:4700::1111", null)]
    public void Address_classes(string address, string? reason) =>
        Assert.Equal(reason, NetworkAddresses.NonPublicReason(IPAddress.Parse(address)));
}
