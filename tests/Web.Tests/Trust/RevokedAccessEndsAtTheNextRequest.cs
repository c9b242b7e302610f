using System.Net;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.Web.Account;
using Digest.Web.Tests.Admin;
using Digest.Web.Tests.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Trust;

/// <summary>
/// A role change, a lock-out, a password reset or a deletion is refused on the very next request with the old
/// cookie — every dashboard address, the export and the Hangfire dashboard — not 30 minutes later.
/// </summary>
public sealed class RevokedAccessEndsAtTheNextRequest : IAsyncLifetime
{
    private const string Second = "second@example.com";

    /// <summary>Every address an admin has, and the export and job trigger they could use.</summary>
    private static readonly string[] AdminAddresses =
    [
        "/admin", "/admin/posts", "/admin/sources", "/admin/prompts", "/admin/settings", "/admin/users", "/admin/audit",
        "/admin/import-export", "/admin/jobs", "/admin/jobs/recurring", "/admin/export.zip?status=all",
    ];

    private DigestAppFactory _app = default!;
    private HttpClient _second = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(_app);
        await Dashboard.AddUserAsync(_app, Second, Roles.Admin);
        _second = await Dashboard.SignedInAsync(_app, Second);
        foreach (var address in AdminAddresses)
        {
            Assert.Equal(HttpStatusCode.OK, (await _second.GetAsync(address)).StatusCode);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<T> AsOwnerAsync<T>(Func<UserAdministration, string, Task<T>> change) =>
        _app.WithScopeAsync(async services =>
        {
            var id = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(Second))!.Id;
            using var acting = AuditContext.Enter(new AuditActor(Dashboard.AdminEmail, null, "test"));
            return await change(services.GetRequiredService<UserAdministration>(), id);
        });

    private async Task AssertEveryAddressRefusedAsync()
    {
        foreach (var address in AdminAddresses)
        {
            var response = await _second.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{address} answered {(int)response.StatusCode} to a revoked sign-in");
            Assert.StartsWith("/account/login", response.LocalTarget(), StringComparison.Ordinal);
        }

        // Triggering a recurring job through the Hangfire dashboard is refused before Hangfire sees it.
        var trigger = await _second.PostAsync("/admin/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "generate-daily-digest")]));
        Assert.Equal(HttpStatusCode.Redirect, trigger.StatusCode);
        Assert.StartsWith("/account/login", trigger.LocalTarget(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public async Task An_admin_demoted_and_locked_out_is_refused_every_address_at_the_next_request()
    {
        Assert.True((await AsOwnerAsync((admin, id) => admin.ChangeRoleAsync(id, Roles.Editor, Dashboard.AdminEmail))).Succeeded);
        Assert.True((await AsOwnerAsync((admin, id) => admin.LockOutAsync(id, Dashboard.AdminEmail))).Succeeded);

        await AssertEveryAddressRefusedAsync();
        // The refusal also deleted the cookie: nothing is left to retry with.
        Assert.Equal(HttpStatusCode.Redirect, (await _second.GetAsync("/admin/posts")).StatusCode);
    }

    [Fact]
    public async Task A_demoted_admin_signs_in_again_as_an_editor_and_has_only_editor_addresses()
    {
        await AsOwnerAsync((admin, id) => admin.ChangeRoleAsync(id, Roles.Editor, Dashboard.AdminEmail));

        await AssertEveryAddressRefusedAsync();
        var again = await Dashboard.SignedInAsync(_app, Second);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin/posts")).StatusCode);
        Assert.StartsWith("/account/access-denied", (await again.GetAsync("/admin/sources")).LocalTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_made_with_the_old_password()
    {
        Assert.True((await AsOwnerAsync((admin, id) => admin.ResetPasswordAsync(id, "a brand new passphrase", Dashboard.AdminEmail))).Succeeded);

        await AssertEveryAddressRefusedAsync();
    }

    [Fact]
    public async Task A_deleted_account_is_refused_at_once_and_the_deletion_is_audited()
    {
        Assert.True((await AsOwnerAsync((admin, id) => admin.DeleteAsync(id, Dashboard.AdminEmail, byUserId: null))).Succeeded);

        await AssertEveryAddressRefusedAsync();
        var entry = await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Set<AuditEntry>().SingleAsync(e => e.Action == AuditActions.UserDeleted));
        Assert.Equal((Dashboard.AdminEmail, Second, "test"), (entry.Actor, entry.SubjectLabel, entry.Origin));
    }

    [Fact]
    public async Task The_last_admin_cannot_be_deleted_nor_delete_themselves()
    {
        var owner = await _app.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(Dashboard.AdminEmail))!.Id);

        var self = await _app.WithScopeAsync(s => s.GetRequiredService<UserAdministration>().DeleteAsync(owner, Dashboard.AdminEmail, owner));
        Assert.Contains("your own account", self.Errors.Single().Description, StringComparison.Ordinal);
        await AsOwnerAsync((admin, id) => admin.DeleteAsync(id, Dashboard.AdminEmail, byUserId: null));
        var last = await _app.WithScopeAsync(s => s.GetRequiredService<UserAdministration>().DeleteAsync(owner, "someone", "someone-else"));
        Assert.Contains("only admin", last.Errors.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_from_a_stranger_lock_new_sign_ins_but_do_not_end_the_owners_session()
    {
        var stranger = Dashboard.Anonymous(_app);
        for (var i = 0; i < 5; i++)
        {
            await stranger.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = Second, ["Input.Password"] = "guess number " + i });
        }

        Assert.True(await _app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.IsLockedOutAsync((await users.FindByEmailAsync(Second))!);
        }));
        Assert.Equal(HttpStatusCode.OK, (await _second.GetAsync("/admin/sources")).StatusCode);
    }
}
