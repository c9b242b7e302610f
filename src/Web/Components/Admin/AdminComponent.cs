using Digest.Domain.Common;
using Digest.Infrastructure.Audit;
using Digest.Web.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Digest.Web.Components.Admin;

/// <summary>
/// What every dashboard page shares: services through a scope per action (never a DbContext for the circuit's
/// lifetime), the server-side check of the user before each action, and one place for the message shown after it.
/// Every action runs as its actor (<see cref="AuditContext"/>), so whatever it changes is audited with who and from
/// where. (The circuit itself is guarded too: <see cref="CircuitAccessGuard"/> drops any interaction of a user whose
/// access was revoked before a page sees it; the check here also enforces the role the action needs.)
/// </summary>
public abstract class AdminComponent : ComponentBase
{
    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected string? Message { get; set; }

    protected bool MessageIsError { get; set; }

    protected bool Busy { get; set; }

    /// <summary>The signed-in user's account id, from the circuit's principal.</summary>
    protected async Task<string?> UserIdAsync() =>
        (await AuthenticationState).User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    /// <summary>Asks the database whether the signed-in user may still act (not locked out, role kept); returns their name.</summary>
    protected async Task<string> ActorAsync(string? role = null) => (await ActingAsAsync(role)).Name;

    /// <summary>
    /// The signed-in user as the audit log records them, after asking the database whether they may still act; throws
    /// <see cref="DashboardAccessDeniedException"/> when not. Make it current for the action with
    /// <c>using var acting = AuditContext.Enter(actor);</c>.
    /// </summary>
    protected async Task<AuditActor> ActingAsAsync(string? role = null)
    {
        var user = (await AuthenticationState).User;
        var origin = Services.GetService<CircuitAccessGuard>()?.Origin;
        return await Scopes.RunAsync<DashboardAccess, AuditActor>(access => access.ActorAsync(user, role, origin));
    }

    /// <summary>Runs an action as the signed-in user; a refusal or a broken rule becomes the page's message, not an error page.</summary>
    protected async Task<bool> ActAsync(Func<string, Task> action, string? done, string? role = null)
    {
        Busy = true;
        try
        {
            var actor = await ActingAsAsync(role);
            using var acting = AuditContext.Enter(actor);
            await action(actor.Name);
            Say(done, isError: false);
            return true;
        }
        catch (Exception ex) when (ex is DomainException or DashboardAccessDeniedException)
        {
            Say(ex.Message, isError: true);
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Say(string? message, bool isError) => (Message, MessageIsError) = (message, isError);
}
