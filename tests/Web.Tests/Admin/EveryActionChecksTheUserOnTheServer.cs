using System.Security.Claims;
using Digest.Infrastructure.Identity;
using Digest.Web.Account;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

/// <summary>
/// Dashboard actions run over a circuit that may have started before a user was locked out or demoted; each action
/// asks the database again (DashboardAccess) before it changes anything.
/// </summary>
public sealed class EveryActionChecksTheUserOnTheServer : IAsyncLifetime
{
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<string> CheckAsync(ClaimsPrincipal principal, string? role) =>
        _app.WithScopeAsync(s => s.GetRequiredService<DashboardAccess>().RequireAsync(principal, role));

    [Fact]
    public async Task Nobody_signed_in_can_act()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        await Assert.ThrowsAsync<DashboardAccessDeniedException>(() => CheckAsync(anonymous, null));
        await Assert.ThrowsAsync<DashboardAccessDeniedException>(() => CheckAsync(anonymous, Roles.Admin));
    }

    [Fact]
    public async Task An_editor_may_edit_posts_but_not_do_what_only_an_admin_may()
    {
        var editor = await Dashboard.PrincipalAsync(_app, Dashboard.EditorEmail);

        Assert.Equal(Dashboard.EditorEmail, await CheckAsync(editor, null));
        var refused = await Assert.ThrowsAsync<DashboardAccessDeniedException>(() => CheckAsync(editor, Roles.Admin));
        Assert.Contains("Admin", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_may_do_everything()
    {
        var admin = await Dashboard.PrincipalAsync(_app, Dashboard.AdminEmail);

        Assert.Equal(Dashboard.AdminEmail, await CheckAsync(admin, null));
        Assert.Equal(Dashboard.AdminEmail, await CheckAsync(admin, Roles.Admin));
    }

    [Fact]
    public async Task A_circuit_opened_before_a_lockout_can_no_longer_act()
    {
        var editor = await Dashboard.PrincipalAsync(_app, Dashboard.EditorEmail);
        var users = await _app.WithScopeAsync(s => s.GetRequiredService<UserAdministration>().ListAsync());

        await _app.WithScopeAsync(s => s.GetRequiredService<UserAdministration>().LockOutAsync(users.Single(u => u.Email == Dashboard.EditorEmail).Id, Dashboard.AdminEmail));

        var refused = await Assert.ThrowsAsync<DashboardAccessDeniedException>(() => CheckAsync(editor, null));
        Assert.Contains("locked", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_demoted_to_editor_loses_admin_actions_at_once_and_signs_in_again_as_an_editor()
    {
        await Dashboard.AddUserAsync(_app, "second@example.com", Roles.Admin);
        var second = await Dashboard.PrincipalAsync(_app, "second@example.com");
        var users = await _app.WithScopeAsync(s => s.GetRequiredService<UserAdministration>().ListAsync());

        var result = await _app.WithScopeAsync(s => s.GetRequiredService<UserAdministration>().ChangeRoleAsync(users.Single(u => u.Email == "second@example.com").Id, Roles.Editor, Dashboard.AdminEmail));

        Assert.True(result.Succeeded);
        var refused = await Assert.ThrowsAsync<DashboardAccessDeniedException>(() => CheckAsync(second, Roles.Admin));
        Assert.True(refused.Revoked);
        await Assert.ThrowsAsync<DashboardAccessDeniedException>(() => CheckAsync(second, null));
        var again = await Dashboard.PrincipalAsync(_app, "second@example.com");
        Assert.Equal("second@example.com", await CheckAsync(again, null));
        await Assert.ThrowsAsync<DashboardAccessDeniedException>(() => CheckAsync(again, Roles.Admin));
    }
}
