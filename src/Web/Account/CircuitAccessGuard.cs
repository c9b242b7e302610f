using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Digest.Web.Account;

/// <summary>
/// Guards one dashboard circuit (one per browser tab). Before any inbound activity — a click, a keystroke bound to a
/// field, a JS call, a navigation — reaches a page, the user is checked against the database (<see cref="AccessCheck"/>):
/// after a role change, lock-out, password reset or deletion nothing more reaches any page, on every screen, without
/// each page having to remember. The circuit is then sent to the sign-in page, which says why; circuits with
/// nothing to do are told too, by <see cref="OpenCircuits"/>.
/// </summary>
public sealed class CircuitAccessGuard(
    AuthenticationStateProvider authentication,
    NavigationManager navigation,
    IServiceScopeFactory scopes,
    OpenCircuits registry,
    IHttpContextAccessor http,
    ILogger<CircuitAccessGuard> logger) : CircuitHandler
{
    /// <summary>What the sign-in page is told when a circuit was sent there.</summary>
    public const string SignedOutReason = "access-changed";

    private SynchronizationContext? _dispatcher;
    private ClaimsPrincipal? _user;
    private int _revoked;

    public bool IsRevoked => Volatile.Read(ref _revoked) == 1;

    /// <summary>
    /// Where the circuit's connection comes from, for the audit log. The guard is made while the hub starts the
    /// circuit, on the connection's request, which is the one moment its address can be read.
    /// </summary>
    public string Origin { get; } = http.HttpContext?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : "dashboard";

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // Circuit events run on the circuit's dispatcher; a check from the timer has to get back onto it to navigate.
        _dispatcher = SynchronizationContext.Current;
        if ((await UserAsync()).UserId() is { } id)
        {
            registry.Add(this, id);
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        registry.Remove(this);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (!IsRevoked && await IsStillAllowedAsync())
            {
                await next(context);
                return;
            }

            // Dropped: the page never sees it. A circuit that cannot be sent away yet (refused before it opened) is ended.
            if (!Leave())
            {
                throw new DashboardAccessDeniedException("This dashboard connection's sign-in is no longer good.", revoked: true);
            }
        };

    /// <summary>Checks the user now; sends the circuit away when their access was revoked.</summary>
    internal async Task RecheckAsync()
    {
        if (!IsRevoked && !await IsStillAllowedAsync())
        {
            Leave();
        }
    }

    private async Task<bool> IsStillAllowedAsync()
    {
        var user = await UserAsync();
        await using var scope = scopes.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<AccessCheck>().CheckAsync(user);
        if (verdict.Allowed)
        {
            return true;
        }

        logger.LogInformation("Dashboard circuit of {User} refused: {Reason}", user.Identity?.Name ?? "(anonymous)", verdict.Refusal);
        Interlocked.Exchange(ref _revoked, 1);
        return false;
    }

    private async Task<ClaimsPrincipal> UserAsync() => _user ??= (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>Sends the browser to the sign-in page (a full load, so the dead cookie is dropped there); false when it cannot yet.</summary>
    private bool Leave()
    {
        registry.Remove(this);
        if (_dispatcher is not { } dispatcher)
        {
            return false;
        }

        var returnUrl = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        var target = $"/account/login?reason={SignedOutReason}&returnUrl={Uri.EscapeDataString(returnUrl)}";
        dispatcher.Post(_ =>
        {
            try
            {
                navigation.NavigateTo(target, forceLoad: true);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogDebug(ex, "The circuit could not be sent to sign in; it stays refused");
            }
        }, null);
        return true;
    }
}
