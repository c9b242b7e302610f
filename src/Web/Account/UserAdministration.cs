using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Digest.Web.Account;

/// <summary>
/// What an admin does to dashboard accounts: create, change role, lock out, unlock, reset a password, delete. Each
/// change is audited; changes that take rights away renew the user's security stamp (or remove the account), so the
/// user's very next request or dashboard action is refused, and their open dashboard pages are told at once.
/// There is always at least one admin who can sign in.
/// </summary>
public sealed class UserAdministration(IServiceProvider services, UserManager<ApplicationUser> users, DigestDbContext db, IPublicSiteCache publicSite, TimeProvider clock)
{
    public async Task<IReadOnlyList<DashboardUser>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        return [.. all.Select(u => new DashboardUser(
            u.Id, u.Email ?? u.UserName ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order().ToList(),
            u.LockoutEnd is { } end && end > now ? end : null,
            u.AccessFailedCount))];
    }

    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password, string role, string by)
    {
        var result = await UserAccounts.CreateAsync(services, email, displayName, password, role);
        if (!result.Succeeded)
        {
            return result;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        await AuditAsync(by, AuditActions.UserCreated, user!, $"as {role}, shown as \"{user!.DisplayName}\"");
        return result;
    }

    /// <summary>Changes the public name readers see on the posts the user approved (those already out included).</summary>
    public async Task<IdentityResult> RenameAsync(string userId, string displayName, string by)
    {
        if (DisplayNames.Problem(displayName) is { } problem)
        {
            return Failed(problem);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("No such user.");
        }

        var name = DisplayNames.Normalize(displayName);
        if (user.DisplayName == name)
        {
            return IdentityResult.Success;
        }

        var before = user.DisplayName;
        user.DisplayName = name;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await AuditAsync(by, AuditActions.UserRenamed, user, $"shown as \"{before ?? "(no name)"}\" → \"{name}\"");
            // Readers see the new name on the posts this user approved, here at once and elsewhere through the stamp.
            await publicSite.InvalidateAsync(CancellationToken.None);
        }

        return result;
    }

    public async Task<IdentityResult> ChangeRoleAsync(string userId, string role, string by)
    {
        if (!Roles.All.Contains(role))
        {
            return Failed($"Unknown role \"{role}\".");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("No such user.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role]))
        {
            return IdentityResult.Success;
        }

        if (current.Contains(Roles.Admin) && role != Roles.Admin && await IsLastAdminAsync(user))
        {
            return Failed("This is the only admin who can sign in; make someone else an admin first.");
        }

        await users.RemoveFromRolesAsync(user, current);
        var added = await users.AddToRoleAsync(user, role);
        if (added.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            await AuditAsync(by, AuditActions.UserRoleChanged, user, $"{string.Join(",", current)} → {role}");
            await TellCircuitsAsync(user);
        }

        return added;
    }

    public async Task<IdentityResult> LockOutAsync(string userId, string by)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("No such user.");
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(user))
        {
            return Failed("This is the only admin who can sign in; locking it out would lock everyone out of the settings.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            await AuditAsync(by, AuditActions.UserLockedOut, user, null);
            await TellCircuitsAsync(user);
        }

        return result;
    }

    public async Task<IdentityResult> UnlockAsync(string userId, string by)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("No such user.");
        }

        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await AuditAsync(by, AuditActions.UserUnlocked, user, null);
        }

        return result;
    }

    /// <summary>Sets a new password (the old one stops working, and so does every sign-in made with it).</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string userId, string password, string by)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("No such user.");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            // ResetPasswordAsync renews the security stamp: every session of the user ends at its next request.
            await AuditAsync(by, AuditActions.UserPasswordReset, user, null);
            await TellCircuitsAsync(user);
        }

        return result;
    }

    /// <summary>Removes an account for good. Its posts keep the name they were written and reviewed under.</summary>
    public async Task<IdentityResult> DeleteAsync(string userId, string by, string? byUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("No such user.");
        }

        if (user.Id == byUserId)
        {
            return Failed("You cannot delete your own account; ask another admin.");
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(user))
        {
            return Failed("This is the only admin who can sign in; make someone else an admin first.");
        }

        var roles = await users.GetRolesAsync(user);
        var result = await users.DeleteAsync(user);
        if (result.Succeeded)
        {
            await AuditAsync(by, AuditActions.UserDeleted, user, $"was {string.Join(",", roles)}");
            await TellCircuitsAsync(user);
        }

        return result;
    }

    /// <summary>The user's open dashboard pages in this process learn of the change now, not at the next periodic check.</summary>
    private Task TellCircuitsAsync(ApplicationUser user) =>
        services.GetService<OpenCircuits>()?.RecheckAsync(user.Id) ?? Task.CompletedTask;

    private async Task<bool> IsLastAdminAsync(ApplicationUser user)
    {
        var now = clock.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && !(a.LockoutEnd is { } end && end > now));
    }

    private async Task AuditAsync(string by, string action, ApplicationUser user, string? details)
    {
        db.Set<AuditEntry>().Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, by, action, AuditSubject.User(user.Id, user.Email), details));
        await db.SaveChangesAsync();
    }

    private static IdentityResult Failed(string description) => IdentityResult.Failed(new IdentityError { Code = "Refused", Description = description });
}

public sealed record DashboardUser(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, int FailedSignIns)
{
    public bool IsLockedOut => LockedUntil is not null;
}
