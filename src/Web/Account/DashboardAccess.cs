using System.Security.Claims;
using Digest.Infrastructure.Audit;

namespace Digest.Web.Account;

/// <summary>
/// The check every dashboard action makes on the server before it changes anything. A circuit can outlive the
/// moment its page was authorised: the user may since have been locked out, lost a role, had their password reset
/// or been deleted, so the database is asked again each time (<see cref="AccessCheck"/>), not the claims the
/// circuit started with.
/// </summary>
public sealed class DashboardAccess(AccessCheck access)
{
    /// <summary>Returns the name to record as the actor — the account name, which stays the same when the public name
    /// changes; readers see the public name (<c>ReviewerNames</c>) — or throws <see cref="DashboardAccessDeniedException"/>.</summary>
    /// <param name="role">A role the action needs; null for any dashboard role (Admin or Editor).</param>
    public async Task<string> RequireAsync(ClaimsPrincipal principal, string? role = null) => (await ActorAsync(principal, role, null)).Name;

    /// <summary>The actor as the audit log records it (name, account id and where the action came from), or throws.</summary>
    public async Task<AuditActor> ActorAsync(ClaimsPrincipal principal, string? role, string? origin)
    {
        var verdict = await access.CheckAsync(principal, role);
        return verdict.Allowed
            ? new AuditActor(verdict.Name!, verdict.UserId, origin ?? AuditContext.Current?.Origin ?? "dashboard")
            : throw new DashboardAccessDeniedException(verdict.Refusal!, verdict.Revoked);
    }
}

/// <param name="revoked">The user's sign-in itself is no longer good (not just short of a role).</param>
public sealed class DashboardAccessDeniedException(string message, bool revoked = false) : Exception(message)
{
    public bool Revoked { get; } = revoked;
}
