using System.Security.Claims;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Digest.Web.Account;

/// <summary>
/// The one check of a signed-in user against the database, made on every request that carries the sign-in cookie,
/// on every interactive action of a dashboard circuit, and by each dashboard action before it changes anything.
/// A principal stays good only while the account exists, its security stamp is the one the principal was issued
/// with (a role change, an admin's lock-out and a password reset all renew it) and its roles are the ones it
/// claims. A lock-out from failed sign-ins stops new sign-ins, not the sessions of the person who owns the account.
/// </summary>
public sealed class AccessCheck(DigestDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public async Task<AccessVerdict> CheckAsync(ClaimsPrincipal principal, string? role = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = identity.Value.ClaimsIdentity;
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(claims.UserIdClaimType) is not { } id)
        {
            return AccessVerdict.Refuse("Sign in first.", revoked: false);
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd, u.UserName })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return AccessVerdict.Refuse("Your account no longer exists.", revoked: true);
        }

        if (principal.FindFirstValue(claims.SecurityStampClaimType) != user.SecurityStamp)
        {
            return user.LockoutEnd is { } end && end > clock.GetUtcNow()
                ? AccessVerdict.Refuse("Your account is locked.", revoked: true)
                : AccessVerdict.Refuse("Your access was changed (role, password or lock-out): sign in again.", revoked: true);
        }

        var roles = await (from userRole in db.UserRoles
                           join r in db.Roles on userRole.RoleId equals r.Id
                           where userRole.UserId == id
                           select r.Name).ToListAsync(cancellationToken);
        var claimed = principal.FindAll(claims.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (!claimed.SetEquals(roles.OfType<string>()))
        {
            return AccessVerdict.Refuse("Your role was changed: sign in again.", revoked: true);
        }

        if (!roles.Any(r => r is not null && Roles.All.Contains(r)))
        {
            return AccessVerdict.Refuse("Your account has no dashboard role.", revoked: true);
        }

        if (role is not null && !roles.Contains(role))
        {
            return AccessVerdict.Refuse($"Only an {role} may do that.", revoked: false);
        }

        // The account name, which stays when the public name changes; readers see the public name (ReviewerNames).
        var name = user.UserName ?? id;
        return new AccessVerdict(true, name, id, null, false);
    }
}

/// <summary>
/// What <see cref="AccessCheck"/> found. <see cref="Revoked"/>: the principal itself is no longer good (sign out and
/// tell the user); otherwise a refusal only means this action needs a role the user does not have.
/// </summary>
public sealed record AccessVerdict(bool Allowed, string? Name, string? UserId, string? Refusal, bool Revoked)
{
    public static AccessVerdict Refuse(string why, bool revoked) => new(false, null, null, why, revoked);
}
