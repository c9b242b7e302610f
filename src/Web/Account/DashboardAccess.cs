using System.Security.Claims;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Digest.Web.Account;

/// <summary>
/// The check every dashboard action makes on the server before it changes anything. A circuit can outlive the
/// moment its page was authorised: the user may since have been locked out, lost a role or been deleted, so the
/// database is asked again each time, not the claims the circuit started with.
/// </summary>
public sealed class DashboardAccess(UserManager<ApplicationUser> users)
{
    /// <summary>Returns the name to record as the actor — the account name, which stays the same when the public name
    /// changes; readers see the public name (<c>ReviewerNames</c>) — or throws <see cref="DashboardAccessDeniedException"/>.</summary>
    /// <param name="role">A role the action needs; null for any dashboard role (Admin or Editor).</param>
    public async Task<string> RequireAsync(ClaimsPrincipal principal, string? role = null)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            throw new DashboardAccessDeniedException("Sign in first.");
        }

        var user = await users.GetUserAsync(principal) ?? throw new DashboardAccessDeniedException("Your account no longer exists.");
        if (await users.IsLockedOutAsync(user))
        {
            throw new DashboardAccessDeniedException("Your account is locked.");
        }

        var roles = await users.GetRolesAsync(user);
        var allowed = role is null ? roles.Any(r => Roles.All.Contains(r)) : roles.Contains(role);
        return allowed
            ? user.UserName ?? user.Id
            : throw new DashboardAccessDeniedException(role is null ? "Your account has no dashboard role." : $"Only an {role} may do that.");
    }
}

public sealed class DashboardAccessDeniedException(string message) : Exception(message);
