using System.Net;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.Web.Account;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Sources;

public sealed class SourcesPageShowsHealthToAdminsOnly : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await CreateUserAsync("owner@example.com", Roles.Admin);
        await CreateUserAsync("editor@example.com", Roles.Editor);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await Client().GetAsync("/admin/sources");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.LocalTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_are_denied()
    {
        var response = await (await SignedInAsync("editor@example.com")).GetAsync("/admin/sources");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.LocalTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_see_each_source_with_last_fetch_items_last_error_and_back_off()
    {
        var now = DateTime.UtcNow;
        var healthy = new Source("Healthy feed", new Uri("https://healthy.example/feed.xml"), SourceKind.Rss);
        healthy.RecordSuccess(now.AddMinutes(-5), null, null);
        var failing = new Source("Throttled listing", new Uri("https://www.reddit.com/r/throttled/hot.json"), SourceKind.Reddit, SourceRole.Trending);
        failing.RecordFailure(now.AddMinutes(-1), "HTTP 429 Too Many Requests; server asked to wait 3600 s", TimeSpan.FromHours(1));
        await _app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<DigestDbContext>();
            await db.Sources.ExecuteDeleteAsync();
            db.Sources.AddRange(healthy, failing);
            db.SourceItems.Add(new SourceItem(healthy.Id, new FetchedItem("One", "https://healthy.example/1"), "https://healthy.example/1", now));
            db.SourceItems.Add(new SourceItem(healthy.Id, new FetchedItem("Two", "https://healthy.example/2"), "https://healthy.example/2", now));
            await db.SaveChangesAsync();
        });

        var page = await (await SignedInAsync("owner@example.com")).GetDocumentAsync("/admin/sources");

        var rows = page.QuerySelectorAll("table.sources tbody tr").ToDictionary(r => r.QuerySelector("strong")!.TextContent);
        var ok = rows["Healthy feed"].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("ok", ok[4]);
        Assert.Equal(now.AddMinutes(-5).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), ok[5]);
        Assert.Equal("2", ok[6]);
        var bad = rows["Throttled listing"].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.StartsWith("backing off until", bad[4], StringComparison.Ordinal);
        Assert.Contains("after 1 failure", bad[4], StringComparison.Ordinal);
        Assert.Equal("0", bad[6]);
        Assert.Equal("HTTP 429 Too Many Requests; server asked to wait 3600 s", bad[7]);
        Assert.Contains("Test fetch", rows["Throttled listing"].TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("label[for=source-url]"));
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private Task CreateUserAsync(string email, string role) =>
        _app.WithScopeAsync(async services =>
        {
            var result = await UserAccounts.CreateAsync(services, email, Admin.Dashboard.NameFor(email), Password, role);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Client();
        var response = await client.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
