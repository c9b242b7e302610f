using System.Net;
using Digest.Web.Tests.Public;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Digest.Web.Tests.Operations;

/// <summary>What every response says to browsers and caches, and how much a stranger may ask of the site.</summary>
public sealed class TheEdgeIsHardened : IAsyncLifetime
{
    private Public.PublicSite _site = default!;

    private DigestAppFactory _app => _site.App;

    public async Task InitializeAsync()
    {
        _site = await Public.PublicSite.StartAsync();
        await _site.PublishAsync(new PostBuilder());
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/archives/")]
    [InlineData("/search/?q=model")]
    [InlineData("/account/login")]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_other_security_headers(string path)
    {
        var response = await _app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["form-action"]);
        // Plain HTTP: asking the browser to upgrade would break a site that has no HTTPS.
        Assert.False(csp.ContainsKey("upgrade-insecure-requests"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"), ignoreCase: true);
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.xml")]
    [InlineData("/feed.json")]
    public async Task Public_pages_and_feeds_may_sit_in_a_CDN_briefly_and_are_revalidated_by_ETag(string path)
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync(path);

        var cacheControl = first.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.SharedMaxAge);
        Assert.Equal(TimeSpan.Zero, cacheControl.MaxAge);
        Assert.True(cacheControl.MustRevalidate);
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_and_sign_in_are_never_stored_by_a_shared_cache()
    {
        var response = await _app.CreateClient().GetAsync("/account/login");

        Assert.False(response.Headers.CacheControl?.Public ?? false);
        Assert.Null(response.Headers.CacheControl?.SharedMaxAge);
    }

    [Fact]
    public async Task The_eleventh_sign_in_attempt_within_a_minute_is_refused_with_429()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var attempt = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "not the password" };

        for (var i = 1; i <= 10; i++)
        {
            var response = await client.SubmitAsync("/account/login", "login", attempt);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"attempt {i}: {(int)response.StatusCode}");
        }

        var refused = await client.SubmitAsync("/account/login", "login", attempt);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Showing the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task Searches_past_the_configured_limit_are_refused_and_other_pages_are_not()
    {
        await using var app = await DigestAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Digest:RateLimits:Search:PermitLimit"] = "3" });
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/search/?q=word{i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/search/?q=again")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_bad_limit_stops_the_start_naming_the_setting()
    {
        await using var app = await DigestAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Digest:RateLimits:SignIn:PermitLimit"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Digest:RateLimits:SignIn", error.ToString(), StringComparison.Ordinal);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}");

    internal static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1].Trim() : "");
}
