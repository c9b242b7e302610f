using System.Net;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests;

public sealed class AdminAccessTests : IAsyncLifetime
{
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync() => _app = await DigestAppFactory.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Before_an_owner_exists_the_dashboard_leads_to_the_one_time_setup()
    {
        var response = await Client().GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.LocalTarget());
    }

    [Fact]
    public async Task The_owner_setup_creates_an_admin_signs_in_and_then_is_gone_for_good()
    {
        var client = Client();
        var form = new Dictionary<string, string>
        {
            ["Input.Email"] = "owner@example.com",
            ["Input.Password"] = "correct horse battery",
            ["Input.ConfirmPassword"] = "correct horse battery",
        };
        var nameless = await client.SubmitAsync("/setup", "setup", form);
        Assert.Equal(HttpStatusCode.OK, nameless.StatusCode);
        Assert.Contains("A public name is required", await nameless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var address = await client.SubmitAsync("/setup", "setup", new Dictionary<string, string>(form) { ["Input.DisplayName"] = "owner@example.com" });
        Assert.Contains("must not be an email address", await address.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await client.SubmitAsync("/setup", "setup", new Dictionary<string, string>(form) { ["Input.DisplayName"] = "Olive Owner" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin", created.LocalTarget());

        var dashboard = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Generate now", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/setup")).StatusCode);
        Assert.Equal("Olive Owner", await _app.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("owner@example.com"))!.DisplayName));
        var anonymous = await Client().GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.LocalTarget(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/posts")]
    [InlineData("/admin/jobs")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        await CreateUserAsync("owner@example.com", Roles.Admin);

        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.LocalTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_can_review_posts_but_not_open_the_jobs_dashboard()
    {
        await CreateUserAsync("owner@example.com", Roles.Admin);
        await CreateUserAsync("editor@example.com", Roles.Editor);
        var client = await SignedInAsync("editor@example.com");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/posts")).StatusCode);
        var jobs = await client.GetAsync("/admin/jobs");
        Assert.NotEqual(HttpStatusCode.OK, jobs.StatusCode);
        Assert.StartsWith("/account/access-denied", jobs.LocalTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_opens_the_jobs_dashboard()
    {
        await CreateUserAsync("owner@example.com", Roles.Admin);
        var client = await SignedInAsync("owner@example.com");

        var jobs = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Contains("Digest jobs", await jobs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_lock_the_account_without_saying_so()
    {
        await CreateUserAsync("owner@example.com", Roles.Admin);
        var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = "owner@example.com", ["Input.Password"] = "wrong password!" });
        }

        var right = await client.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = "owner@example.com", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var unknown = await client.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = Password });
        Assert.Equal(Alert(await Forms.ParseAsync(unknown)), Alert(await Forms.ParseAsync(right)));
        Assert.Equal(SignInAttempts.Refusal, Alert(await Forms.ParseAsync(right)));
    }

    private static string? Alert(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("p.alert[role=alert]")?.TextContent.Trim();

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task Signing_in_never_redirects_off_site(string returnUrl)
    {
        await CreateUserAsync("owner@example.com", Roles.Admin);

        var response = await Client().SubmitAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "login", new Dictionary<string, string> { ["Input.Email"] = "owner@example.com", ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.LocalTarget());
    }

    internal const string Password = "correct horse battery";

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
