using System.Net;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Identity;
using Digest.Web.Account;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

public sealed class UsersAreManagedByAdmins : IAsyncLifetime
{
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUserAsync(_app, Dashboard.AdminEmail, Roles.Admin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<T> AsAdminAsync<T>(Func<UserAdministration, Task<T>> work) =>
        _app.WithScopeAsync(s => work(s.GetRequiredService<UserAdministration>()));

    [Fact]
    public async Task A_created_editor_signs_in_and_a_locked_out_one_cannot()
    {
        var created = await AsAdminAsync(a => a.CreateAsync("new@example.com", "Ada", Dashboard.Password, Roles.Editor, Dashboard.AdminEmail));
        Assert.True(created.Succeeded);
        var client = await Dashboard.SignedInAsync(_app, "new@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/posts")).StatusCode);

        var user = (await AsAdminAsync(a => a.ListAsync())).Single(u => u.Email == "new@example.com");
        Assert.Equal(["Editor"], user.Roles);
        Assert.Equal("Ada", user.DisplayName);
        await AsAdminAsync(a => a.LockOutAsync(user.Id, Dashboard.AdminEmail));

        var refused = await Dashboard.Anonymous(_app).SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = "new@example.com", ["Input.Password"] = Dashboard.Password });
        // Refused with the same words an unknown email gets (SignInTellsStrangersNothing): a stranger learns nothing.
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("do not match an account that can sign in now", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await AsAdminAsync(a => a.UnlockAsync(user.Id, Dashboard.AdminEmail));
        await Dashboard.SignedInAsync(_app, "new@example.com");
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_locked_out()
    {
        var owner = (await AsAdminAsync(a => a.ListAsync())).Single();

        var demoted = await AsAdminAsync(a => a.ChangeRoleAsync(owner.Id, Roles.Editor, Dashboard.AdminEmail));
        var locked = await AsAdminAsync(a => a.LockOutAsync(owner.Id, Dashboard.AdminEmail));

        Assert.False(demoted.Succeeded);
        Assert.False(locked.Succeeded);
        Assert.Equal(["Admin"], (await AsAdminAsync(a => a.ListAsync())).Single().Roles);
    }

    [Fact]
    public async Task Every_change_to_a_user_is_in_the_audit_log()
    {
        await AsAdminAsync(a => a.CreateAsync("new@example.com", "Nora New", Dashboard.Password, Roles.Editor, Dashboard.AdminEmail));
        var user = (await AsAdminAsync(a => a.ListAsync())).Single(u => u.Email == "new@example.com");
        await AsAdminAsync(a => a.ChangeRoleAsync(user.Id, Roles.Admin, Dashboard.AdminEmail));
        await AsAdminAsync(a => a.LockOutAsync(user.Id, Dashboard.AdminEmail));

        var log = await _app.WithScopeAsync(s => s.GetRequiredService<AuditLog>().ReadAsync(new AuditQuery(SubjectKind: AuditSubject.UserKind)));

        Assert.Equal([AuditActions.UserLockedOut, AuditActions.UserRoleChanged, AuditActions.UserCreated], log.Entries.Select(e => e.Action));
        Assert.All(log.Entries, e => Assert.Equal(Dashboard.AdminEmail, e.Actor));
        Assert.All(log.Entries, e => Assert.Equal("new@example.com", e.SubjectLabel));
        Assert.Equal("Editor → Admin", log.Entries[1].Details);
    }
}
