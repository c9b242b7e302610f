using System.Net;
using Digest.Infrastructure.Identity;

namespace Digest.Web.Tests.Admin;

/// <summary>A wrong dashboard address answers 404 inside the dashboard for editors; a post that is gone is a real 404.</summary>
public sealed class DashboardAddressesThatLeadNowhereAre404s : IAsyncLifetime
{
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/admin/no-such-screen", "There is nothing at this address in the dashboard.")]
    [InlineData("/admin/posts/00000000-0000-0000-0000-000000000001", "There is no post at this address.")]
    public async Task An_editor_gets_the_dashboards_not_found_page_with_its_navigation(string path, string says)
    {
        var client = await Dashboard.SignedInAsync(_app, Dashboard.EditorEmail);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Not found", page.QuerySelector("main h1")!.TextContent);
        Assert.Contains(says, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav[aria-label=Dashboard] a[href='/admin/posts']"));
        Assert.Null(page.QuerySelector("nav[aria-label=Site]"));
        Assert.NotNull(page.QuerySelector("script[src*='blazor.web']"));
    }

    [Fact]
    public async Task A_stranger_gets_the_public_not_found_page_and_learns_nothing_of_the_dashboard()
    {
        var response = await Dashboard.Anonymous(_app).GetAsync("/admin/no-such-screen");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.TextContent);
        Assert.Null(page.QuerySelector("nav[aria-label=Dashboard]"));
    }

    [Fact]
    public async Task Real_dashboard_addresses_still_answer()
    {
        var client = await Dashboard.SignedInAsync(_app, Dashboard.AdminEmail);

        foreach (var path in new[] { "/admin", "/admin/posts", "/admin/sources", "/admin/sources.opml", "/admin/export.zip?status=all" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }
}
