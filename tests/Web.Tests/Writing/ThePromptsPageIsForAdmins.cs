using System.Net;
using Digest.Infrastructure.Identity;
using Digest.Infrastructure.Writing.Prompts;
using Digest.Web.Account;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Writing;

public sealed class ThePromptsPageIsForAdmins : IAsyncLifetime
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
    public async Task An_admin_sees_every_prompt_with_its_active_version()
    {
        await _app.WithScopeAsync(s => s.GetRequiredService<PromptLibrary>().SaveAsync("trending", DefaultPrompts.Trending.Text + "\nOne sentence only.", "owner@example.com"));
        var client = await SignedInAsync("owner@example.com");

        var page = await client.GetAsync("/admin/prompts");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await Forms.ParseAsync(page);
        var rows = html.QuerySelectorAll("table.grid tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(DefaultPrompts.All.Count, rows.Count);
        Assert.Contains(rows, r => r.Contains("topic", StringComparison.Ordinal) && r.Contains($"v{DefaultPrompts.Topic.Version}", StringComparison.Ordinal) && r.Contains(PromptLibrary.ShippedBy, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("trending", StringComparison.Ordinal) && r.Contains("v2", StringComparison.Ordinal) && r.Contains("owner@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_is_turned_away()
    {
        var client = await SignedInAsync("editor@example.com");

        var page = await client.GetAsync("/admin/prompts");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/access-denied", page.LocalTarget(), StringComparison.Ordinal);
    }

    private Task CreateUserAsync(string email, string role) =>
        _app.WithScopeAsync(async services =>
        {
            var result = await UserAccounts.CreateAsync(services, email, Admin.Dashboard.NameFor(email), Password, role);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
