using System.Net;
using System.Net.Sockets;
using Digest.Domain.Common;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Ingestion;
using Digest.Infrastructure.Sources;
using Digest.Infrastructure.Sources.Http;
using Digest.Infrastructure.Tests.Sources;
using Digest.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Trust;

/// <summary>
/// Fetching follows only http and https, at every hop, and never reaches a private address in any of its spellings;
/// a refusal names the address (and, once ingest or the catalog reports it, the source).
/// </summary>
public sealed class OnlyHttpIsFollowedAndNoPrivateAddressIsReached : IAsyncLifetime, IDisposable
{
    private LocalHttpServer _server = null!;
    private TcpListener _trap = null!;
    private int _trapConnections;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _server.Serve("/feed.xml", LocalResponse.File(SharedFixtures.Path("reddit_r-pics_atom_2025_one-entry.xml"), "application/atom+xml"));
        // A plain TCP port standing in for a gopher, FTP or Redis server: it counts every connection made to it.
        _trap = new TcpListener(IPAddress.Loopback, 0);
        _trap.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await _trap.AcceptTcpClientAsync();
                Interlocked.Increment(ref _trapConnections);
            }
        });
    }

    public async Task DisposeAsync()
    {
        _trap.Stop();
        await _server.DisposeAsync();
    }

    public void Dispose() => _trap.Dispose();

    private int TrapPort => ((IPEndPoint)_trap.LocalEndpoint).Port;

    [Theory]
    [InlineData("gopher://127.0.0.1:{port}/_GET%20/", "gopher")]
    [InlineData("ftp://127.0.0.1:{port}/feed.xml", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("dict://127.0.0.1:{port}/info", "dict")]
    [InlineData("javascript:alert(1)", "javascript")]
    public async Task A_redirect_to_another_scheme_is_refused_naming_it_and_nothing_is_sent(string location, string scheme)
    {
        var target = location.Replace("{port}", TrapPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        _server.Serve("/moved", LocalResponse.Redirect(target));

        var result = await TestFetchers.Create().FetchAsync(TestFetchers.Source(_server.Url("/moved")), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.StartsWith($"refused a redirect to {scheme}:", result.Error, StringComparison.Ordinal);
        Assert.Contains("only http and https addresses are followed", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref _trapConnections));
    }

    [Fact]
    public async Task Http_redirects_are_still_followed_hop_by_hop()
    {
        _server.Serve("/a", LocalResponse.Redirect("/b", 301));
        _server.Serve("/b", LocalResponse.Redirect(_server.Url("/feed.xml").AbsoluteUri, 307));

        var result = await TestFetchers.Create().FetchAsync(TestFetchers.Source(_server.Url("/a")), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(_server.RequestsTo("/feed.xml"));
    }

    [Theory]
    [InlineData("http://[::127.0.0.1]:{port}/feed.xml", "::127.0.0.1")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/feed.xml", "127.0.0.1")]
    [InlineData("http://[::ffff:7f00:1]:{port}/feed.xml", "127.0.0.1")]
    [InlineData("http://2130706433:{port}/feed.xml", "127.0.0.1")]
    [InlineData("http://0x7f.0.0.1:{port}/feed.xml", "127.0.0.1")]
    [InlineData("http://0177.0.0.1:{port}/feed.xml", "127.0.0.1")]
    [InlineData("http://127.1:{port}/feed.xml", "127.0.0.1")]
    [InlineData("http://localhost:{port}/feed.xml", "localhost")]
    public async Task Every_spelling_of_loopback_is_refused_at_connect_time_naming_the_address(string url, string named)
    {
        var address = new Uri(url.Replace("{port}", _server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var result = await TestFetchers.Create(allowPrivateNetworks: false).FetchAsync(TestFetchers.Source(address), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.StartsWith("refused to connect to ", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Contains("loopback address", result.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("::ffff:0:7f00:1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("64:ff9b:1::1", "private")]
    [InlineData("2002:7f00:1::1", "loopback")]
    [InlineData("2002:c0a8:101::1", "private")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("fec0::1", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("100::1", "reserved")]
    [InlineData("::", "unspecified")]
    [InlineData("192.0.2.10", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("2002:808:808::1", null)]
    [InlineData("64:ff9b::808:808", null)]
    [InlineData("2a00:1450:4001::200e", null)]
    public void Embedded_and_special_address_forms_are_classed_by_what_they_reach(string address, string? reason) =>
        Assert.Equal(reason, NetworkAddresses.NonPublicReason(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:8080/feed.xml", "127.0.0.1", "loopback")]
    [InlineData("http://[::127.0.0.1]/feed.xml", "::127.0.0.1", "loopback")]
    [InlineData("http://localhost/feed.xml", "localhost", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "link-local")]
    [InlineData("http://[fd00::5]/rss", "fd00::5", "private")]
    public async Task Adding_or_changing_a_source_to_a_private_address_is_refused_with_the_same_reason(string url, string address, string reason)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Digest:Sources:AllowPrivateNetworks"] = "false" }).Build();
        await using var services = database.BuildServices(s =>
        {
            s.AddSingleton(TimeProvider.System);
            s.AddSourceFetching(configuration);
            s.AddIngestion(configuration);
        });
        await using var scope = services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<SourceCatalog>();

        var added = await Assert.ThrowsAsync<DomainException>(() => catalog.AddAsync(new SourceInput(url, SourceKind.Rss, "Inside")));
        Assert.StartsWith($"Source \"Inside\" ({new Uri(url).AbsoluteUri}) was not added: refused to connect to {address}", added.Message, StringComparison.Ordinal);
        Assert.Contains($"{reason} address", added.Message, StringComparison.Ordinal);

        var (source, _) = await catalog.AddAsync(new SourceInput("https://example.com/feed.xml", SourceKind.Rss, "Outside"));
        var changed = await Assert.ThrowsAsync<DomainException>(() => catalog.UpdateAsync(source.Id, new SourceInput(url, SourceKind.Rss, "Outside")));
        Assert.Contains("was not changed: refused to connect to", changed.Message, StringComparison.Ordinal);
    }
}
