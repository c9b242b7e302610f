using System.Net;

namespace Digest.Web.Tests.Admin;

/// <summary>Every page of the dashboard, asked for by nobody, an editor and an admin: the server decides, not hidden links.</summary>
public sealed class EveryDashboardRouteNeedsTheRightRole : IAsyncLifetime
{
    private DigestAppFactory _app = default!;
    private Guid _postId;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(_app);
        _postId = (await Dashboard.AddDraftAsync(_app)).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] EditorRoutes = ["/admin", "/admin/posts", "/admin/posts/{id}", "/admin/posts/{id}/revisions", "/admin/runs", "/admin/account"];
    private static readonly string[] AdminRoutes = ["/admin/settings", "/admin/users", "/admin/audit", "/admin/sources", "/admin/prompts", "/admin/import-export", "/admin/jobs"];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_page()
    {
        var client = Dashboard.Anonymous(_app);
        foreach (var route in EditorRoutes.Concat(AdminRoutes).Select(Route))
        {
            var response = await client.GetAsync(route);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route} answered {(int)response.StatusCode}");
            Assert.StartsWith("/account/login?ReturnUrl=", response.LocalTarget(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_editor_opens_the_review_pages_but_is_refused_settings_users_audit_and_jobs()
    {
        var client = await Dashboard.SignedInAsync(_app, Dashboard.EditorEmail);
        foreach (var route in EditorRoutes.Select(Route))
        {
            Assert.True((await client.GetAsync(route)).StatusCode == HttpStatusCode.OK, route);
        }

        foreach (var route in AdminRoutes)
        {
            var response = await client.GetAsync(route);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route} answered {(int)response.StatusCode}");
            Assert.StartsWith("/account/access-denied", response.LocalTarget(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_admin_opens_every_page()
    {
        var client = await Dashboard.SignedInAsync(_app, Dashboard.AdminEmail);
        foreach (var route in EditorRoutes.Concat(AdminRoutes).Select(Route))
        {
            var response = await client.GetAsync(route);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_editor_sees_no_links_to_admin_pages_and_the_admin_does()
    {
        var editor = await (await Dashboard.SignedInAsync(_app, Dashboard.EditorEmail)).GetStringAsync("/admin");
        var admin = await (await Dashboard.SignedInAsync(_app, Dashboard.AdminEmail)).GetStringAsync("/admin");

        Assert.DoesNotContain("href=\"/admin/settings\"", editor, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/posts\"", editor, StringComparison.Ordinal);
        foreach (var link in new[] { "/admin/settings", "/admin/users", "/admin/audit", "/admin/sources", "/admin/prompts", "/admin/import-export", "/admin/jobs" })
        {
            Assert.Contains($"href=\"{link}\"", admin, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_of_the_page()
    {
        var client = await Dashboard.SignedInAsync(_app, Dashboard.EditorEmail);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    private string Route(string route) => route.Replace("{id}", _postId.ToString(), StringComparison.Ordinal);
}
