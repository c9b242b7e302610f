using System.Net;

namespace Digest.Web.Tests.Operations;

/// <summary>
/// Behind a TLS-terminating proxy the app sees plain HTTP from the proxy; what the proxy forwards (the scheme, the
/// client's address) must be believed from the proxy and from nobody else.
/// </summary>
public sealed class ForwardedHeadersAreBelievedFromKnownProxiesOnly
{
    private static readonly Dictionary<string, string> WrongPassword = new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "not the password" };

    [Fact]
    public async Task From_a_proxy_on_this_host_HTTPS_and_the_client_address_are_taken_as_forwarded()
    {
        await using var app = await DigestAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Digest:RateLimits:SignIn:PermitLimit"] = "2" });
        var address = RealPort.Start(app);
        using var client = Proxied(address, "203.0.113.7");

        var home = await client.GetAsync("/");
        var login = await client.GetAsync("/account/login");
        var rss = await client.GetStringAsync("/index.xml");

        Assert.Equal("max-age=31536000", TheEdgeIsHardened.Header(home, "Strict-Transport-Security"));
        Assert.True(TheEdgeIsHardened.Directives(TheEdgeIsHardened.Header(home, "Content-Security-Policy")).ContainsKey("upgrade-insecure-requests"));
        Assert.All(login.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<link>https://digest.example/</link>", rss, StringComparison.Ordinal);

        // Limits count the forwarded client, not the proxy every reader comes through.
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/account/login", "login", WrongPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/account/login", "login", WrongPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SubmitAsync("/account/login", "login", WrongPassword)).StatusCode);
        using var neighbour = Proxied(address, "203.0.113.8");
        Assert.Equal(HttpStatusCode.OK, (await neighbour.SubmitAsync("/account/login", "login", WrongPassword)).StatusCode);
    }

    [Fact]
    public async Task From_an_address_not_listed_as_a_proxy_the_forwarded_headers_are_ignored()
    {
        await using var app = await DigestAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Digest:Edge:KnownProxies:0"] = "10.1.2.3" });
        var address = RealPort.Start(app);
        using var client = Proxied(address, "203.0.113.7");

        var home = await client.GetAsync("/");
        var login = await client.GetAsync("/account/login");
        var rss = await client.GetStringAsync("/index.xml");

        Assert.False(home.Headers.Contains("Strict-Transport-Security"));
        Assert.False(TheEdgeIsHardened.Directives(TheEdgeIsHardened.Header(home, "Content-Security-Policy")).ContainsKey("upgrade-insecure-requests"));
        Assert.All(login.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<link>http://digest.example/</link>", rss, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_entry_that_is_not_an_address_stops_the_start_naming_it()
    {
        await using var app = await DigestAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Digest:Edge:KnownProxies:0"] = "nginx.internal" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Digest:Edge:KnownProxies has \"nginx.internal\"", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A client as a TLS-terminating proxy on this host would forward it: original host, https, the reader's address.</summary>
    private static HttpClient Proxied(Uri address, string clientAddress)
    {
        // The proxy speaks HTTPS to the browser, so cookies come back Secure; a browser sends them back over HTTPS,
        // which this client stands in for: it keeps every cookie, Secure or not.
        var client = new HttpClient(new ProxiedCookies { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } }) { BaseAddress = address };
        client.DefaultRequestHeaders.Host = "digest.example";
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    private sealed class ProxiedCookies : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = cookie.Split(';', 2)[0].Split('=', 2);
                _cookies[pair[0]] = pair.Length > 1 ? pair[1] : "";
            }

            return response;
        }
    }
}
